"""Import exported or pasted health articles (.txt, .md, .html, .docx) as draft ArticlePages.

The pipeline, one small module per step:

1. ``readers`` checks a file (size, encoding) and picks a reader by extension:
   ``text`` (plain text, headings found from line ``features``), ``markdown``
   (markdown-it-py), ``html_page`` (lxml and readability-lxml) or ``docx``
   (mammoth, then the HTML rules). Each refuses hostile input with a clear
   ImportFailed and returns a ``document.Document``: a title and a flat list of
   headings, paragraphs, lists, tables and pictures, with web-page debris
   (``debris``) dropped.
2. ``convert`` turns the Document into the article's StreamField blocks (the
   block contract of health_content.blocks), ArticleReference fields
   (``references``) and a summary, inferring symptom care levels conservatively
   (``care_levels``) and parsing tables (``tables``).
   Word pictures are checked and saved to the image library (``images``).
3. ``pages`` writes a new draft, or a new draft revision of the article with the
   same slug, never live; ``report`` says what was created, dropped and needs a
   person's check.

Entry points: ``manage.py import_articles`` and the admin's "Import article" view;
``manage.py evaluate_import`` measures the readers against a corpus (``evaluation``).
"""

from .document import ImportFailed
from .pages import (
    can_create_articles,
    import_file,
    read_article,
    resolve_author,
    resolve_index,
    resolve_owner,
)
from .report import ImportReport

__all__ = [
    "ImportFailed",
    "ImportReport",
    "can_create_articles",
    "import_file",
    "read_article",
    "resolve_author",
    "resolve_index",
    "resolve_owner",
]
