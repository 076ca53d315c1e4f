"""Import pasted health articles (.txt, .md, .html) as draft ArticlePages.

The pipeline, one small module per step:

1. ``readers`` decodes a file and picks a reader by extension: ``text`` (plain
   text pasted from a web page), ``markdown`` or ``html_page``. Each reader
   returns a ``document.Document``: a title and a flat list of headings,
   paragraphs, lists and tables, with web-page debris (``debris``) dropped.
2. ``convert`` turns the Document into the article's StreamField blocks (the
   block contract of health_content.blocks), ArticleReference fields
   (``references``) and a summary, inferring symptom care levels conservatively
   (``care_levels``) and parsing tables (``tables``).
3. ``pages`` writes a new draft, or a new draft revision of the article with the
   same slug, never live; ``report`` says what was created, dropped and needs a
   person's check.

Entry points: ``manage.py import_articles`` and the admin's "Import article" view.
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
