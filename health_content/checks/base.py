"""What a finding is, and the article text every check reads.

A check is a function ``check(article) -> [Finding, ...]`` registered in
`health_content.checks.registry`. `ArticleText` flattens a page (saved, a
revision's object or the importer's unsaved draft) into `Segment` objects, so
checks never walk StreamField values themselves.
"""

import re
from dataclasses import asdict, dataclass, field
from html import unescape

from django.utils.html import strip_tags
from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.rich_text import RichText

BLOCKING = "blocking"
WARNING = "warning"
INFO = "info"
SEVERITIES = (BLOCKING, WARNING, INFO)

EXCERPT_LENGTH = 160
#: Block fields holding choices or identifiers, not text readers read.
NOT_TEXT = frozenset({"care_level", "kind", "style", "route", "anchor", "unit"})
_BLOCK_TAGS = re.compile(r"</?(p|li|ul|ol|h[1-6]|br|div|blockquote)\b[^>]*>", re.I)
#: Where one paragraph or list item of rich text ends and the next begins.
_PARAGRAPH_BREAK = re.compile(r"</(?:p|li|h[1-6]|blockquote|div)\s*>|<(?:ul|ol)\b[^>]*>", re.I)


@dataclass(frozen=True)
class Finding:
    """One problem found: which check, how serious, what to do, and where."""

    check: str
    severity: str
    message: str
    path: str = ""
    excerpt: str = ""

    @property
    def blocking(self):
        return self.severity == BLOCKING

    def as_dict(self):
        return asdict(self)


def excerpt(text, around=None):
    """A short quote of `text`, centred on the substring `around` when given."""
    text = " ".join(text.split())
    if len(text) <= EXCERPT_LENGTH:
        return text
    start = 0
    if around:
        position = text.find(around)
        start = max(0, position - EXCERPT_LENGTH // 3) if position >= 0 else 0
    snippet = text[start : start + EXCERPT_LENGTH]
    return ("…" if start else "") + snippet + ("…" if start + EXCERPT_LENGTH < len(text) else "")


def html_to_text(html):
    return " ".join(unescape(strip_tags(_BLOCK_TAGS.sub(" ", html or ""))).split())


@dataclass
class Segment:
    """One piece of article text: its block path, its plain text and its HTML if rich text."""

    path: str
    text: str
    html: str = ""
    #: The top-level block type ("section", "symptom_list", ...), or the page field name.
    block_type: str = ""
    #: The field inside the block ("heading", "body", "items.0.symptom", ...).
    field: str = ""

    def paragraphs(self):
        """This segment split into its paragraphs and list items (itself if plain text),
        for checks whose rule is "in the same paragraph"."""
        if not self.html:
            return [self]
        parts = []
        for chunk in _PARAGRAPH_BREAK.split(self.html):
            text = html_to_text(chunk)
            if text:
                parts.append(Segment(self.path, text, chunk, self.block_type, self.field))
        return parts or [self]


@dataclass
class ArticleText:
    """The text and structure of one article, as the checks read it."""

    page: object
    segments: list = field(default_factory=list)
    blocks: list = field(default_factory=list)
    references: list = field(default_factory=list)

    @classmethod
    def of(cls, page, extra_text=()):
        """`page`'s text; `extra_text` adds ``(path, text)`` pairs from outside the page
        (the lines an import left out, which the writer may still paste back)."""
        article = cls(page=page)
        for name in ("title", "summary"):
            value = getattr(page, name, "") or ""
            if value.strip():
                article.segments.append(Segment(name, value, block_type=name, field=name))
        body = getattr(page, "body", None)
        if body is not None:
            for index, child in enumerate(body):
                path = f"body.{index}"
                article.blocks.append((path, child.block_type, child.value))
                for sub_path, text, html in _walk(child.value, ""):
                    article.segments.append(
                        Segment(
                            f"{path}{sub_path}",
                            text,
                            html,
                            block_type=child.block_type,
                            field=sub_path.lstrip("."),
                        )
                    )
        for path, text in extra_text:
            article.segments.append(Segment(path, text, block_type="source", field="source"))
        article.references = list(_references(page))
        return article

    def prose(self):
        """Segments written as running text (not titles or headings)."""
        return [s for s in self.segments if s.field not in ("heading", "title", "anchor")]


def _walk(value, path):
    if isinstance(value, RichText):
        yield path, html_to_text(value.source), value.source
    elif isinstance(value, str):
        if value.strip():
            yield path, value, ""
    elif isinstance(value, StructValue):
        for name, item in value.items():
            if name in NOT_TEXT:
                continue
            yield from _walk(item, f"{path}.{name}")
    elif isinstance(value, ListValue | list | tuple):
        for index, item in enumerate(value):
            yield from _walk(item, f"{path}.{index}")
    elif isinstance(value, StreamValue):
        for index, child in enumerate(value):
            yield from _walk(child.value, f"{path}.{index}")


def _references(page):
    references = getattr(page, "references", None)
    if references is None:
        return []
    # An unsaved draft (the importer's) holds its references in memory only.
    return list(references.all())
