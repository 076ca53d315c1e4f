"""The importer's document model: what a reader makes of a file, before any block exists.

Every reader (plain text, Markdown, HTML) turns a file into a `Document`: a title
and a flat sequence of nodes (headings, paragraphs, lists, tables), plus the lines
it dropped. Inline content is a small HTML fragment that is already escaped and
uses only what Wagtail rich text stores (``<a href>``, ``<b>``, ``<i>``), so the
converter sees the same shape whatever the file format was.
"""

import html
import re
from dataclasses import dataclass, field

#: A bare web address in running text. Trailing punctuation is trimmed afterwards.
URL_RE = re.compile(r"https?://[^\s<>\"'\]]+", re.IGNORECASE)
#: A Markdown-style link, also common in text pasted from other editors.
MARKDOWN_LINK_RE = re.compile(r"\[([^\]\n]+)\]\(\s*([^)\s]+)(?:\s+\"[^\"]*\")?\s*\)")
#: Links the importer keeps; anything else (javascript:, data:, relative paths of
#: the old site) keeps its text and loses the link.
SAFE_SCHEMES = ("http://", "https://", "mailto:")
_TAG_RE = re.compile(r"<[^>]+>")
_HREF_RE = re.compile(r'<a href="([^"]*)">(.*?)</a>', re.DOTALL)


@dataclass
class Heading:
    html: str
    level: int = 2
    #: Recognised from the text's shape (a bold or short line), not from markup.
    inferred: bool = False
    #: The line as written, for an inferred heading (with its colon, say).
    source: str = ""

    @property
    def text(self):
        return plain_text(self.html)


@dataclass
class Paragraph:
    html: str

    @property
    def text(self):
        return plain_text(self.html)


@dataclass
class ListNode:
    items: list
    ordered: bool = False

    @property
    def texts(self):
        return [plain_text(item) for item in self.items]


@dataclass
class Table:
    """Plain-text cells, row by row; the first row holds the column headings."""

    rows: list


@dataclass
class Image:
    """A picture embedded in the file (Word documents), to be saved in the image library."""

    data: bytes
    content_type: str
    alt: str = ""
    filename: str = "image"


@dataclass
class Dropped:
    text: str
    reason: str


@dataclass
class Document:
    title: str
    nodes: list = field(default_factory=list)
    #: A summary the file states explicitly (front matter, meta description).
    summary: str = ""
    dropped: list = field(default_factory=list)

    def drop(self, text, reason):
        text = " ".join(text.split())
        if text:
            self.dropped.append(Dropped(text, reason))


def collapse(text):
    """Whitespace runs (newlines included) as single spaces, trimmed."""
    return " ".join(text.split())


def plain_text(fragment):
    """The text of an inline HTML fragment, tags removed and entities decoded."""
    return collapse(html.unescape(_TAG_RE.sub("", fragment)))


def links_in(fragment):
    """``[(text, href), ...]`` of the links in a fragment the importer produced."""
    return [(plain_text(text), html.unescape(href)) for href, text in _HREF_RE.findall(fragment)]


def is_safe_href(href):
    return href.lower().startswith(SAFE_SCHEMES)


def link(href, inner_html):
    """An ``<a>`` for a safe address, else just its (already escaped) text."""
    if not is_safe_href(href):
        return inner_html
    return f'<a href="{html.escape(href, quote=True)}">{inner_html}</a>'


def split_trailing_punctuation(url):
    """A URL found in prose without the punctuation that ends the sentence around it."""
    trailing = ""
    while url and url[-1] in ".,;:!?)":
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        trailing = url[-1] + trailing
        url = url[:-1]
    return url, trailing


def _emphasis(escaped):
    escaped = re.sub(r"\*\*(?=\S)(.+?)(?<=\S)\*\*", r"<b>\1</b>", escaped)
    escaped = re.sub(r"(?<!\w)__(?=\S)(.+?)(?<=\S)__(?!\w)", r"<b>\1</b>", escaped)
    escaped = re.sub(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])", r"<i>\1</i>", escaped)
    escaped = re.sub(r"(?<!\w)_(?=[^\s_])(.+?)(?<=[^\s_])_(?!\w)", r"<i>\1</i>", escaped)
    return re.sub(r"`([^`]+)`", r"\1", escaped)


def _escaped(text, emphasis):
    escaped = html.escape(text, quote=False)
    return _emphasis(escaped) if emphasis else escaped


def _autolink(text, emphasis):
    parts, position = [], 0
    for match in URL_RE.finditer(text):
        # Punctuation after the address stays in the text that follows it.
        url, _ = split_trailing_punctuation(match.group())
        parts.append(_escaped(text[position : match.start()], emphasis))
        parts.append(link(url, html.escape(url, quote=False)))
        position = match.start() + len(url)
    parts.append(_escaped(text[position:], emphasis))
    return "".join(parts)


def inline_html(text, markdown=False):
    """Escape `text` as an inline fragment, turning links (and, for Markdown, emphasis) into tags.

    Bare web addresses and ``[text](url)`` links become ``<a href>``; with
    `markdown`, ``**bold**`` and ``*italic*`` become ``<b>`` and ``<i>``.
    """
    text = collapse(text)
    parts, position = [], 0
    for match in MARKDOWN_LINK_RE.finditer(text):
        parts.append(_autolink(text[position : match.start()], markdown))
        label, href = match.groups()
        parts.append(link(href, _escaped(label, markdown)))
        position = match.end()
    parts.append(_autolink(text[position:], markdown))
    return "".join(parts)


class ImportFailed(Exception):
    """A file that cannot be imported, with a message saying why and what to do."""
