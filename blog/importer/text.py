"""Plain-text reader: text copied from a web page or a word processor, into a Document.

Plain text has no markup, so structure is read from the shape of the lines:

* Title: the first line that is not debris. The same line repeated right after
  it (pages often show the title twice) is dropped.
* Layout: text copied from a browser has one paragraph per line. Hard-wrapped
  text (lines broken inside sentences, so many lines start in lower case) has
  its lines rejoined into paragraphs at blank lines.
* Lists: lines starting with a bullet (•, -, *, en or em dash, ·, ▪, ◦, ●) or a number
  ("1." "1)" "(1)"). Blank lines between items do not end a list; an indented
  line right after an item continues it.
* Tables: pipe and whitespace-aligned tables (see tables.py).
* Headings: a ``#`` prefix, a line underlined with ``===`` or ``---``, or a line
  whose features say heading (features.py: short, one phrase, capitalised,
  numbered, a short phrase ending in a colon, ``**bold**``), followed by more
  text. They are found with or without blank lines around them, in hard-wrapped
  text too. A lone numbered line that looks like a heading ("2. Causes") is one.
  Other than ``#`` prefixes, plain text has no heading levels: each heading
  starts a section.
* The title is the first line that is not debris and could be a title: an image
  placeholder, a file name or a caption before it is dropped, never the title.
* Everything else is a paragraph. Debris lines are dropped (see debris.py).
"""

import itertools
import re

from .debris import debris_reason
from .document import (
    URL_RE,
    Document,
    Heading,
    ImportFailed,
    ListNode,
    Paragraph,
    Table,
    collapse,
    inline_html,
    plain_text,
)
from .features import heading_text, looks_like_heading
from .tables import find_table

LIST_ITEM_RE = re.compile(
    r"^\s*(?:(?P<bullet>[•\-*\u2013\u2014·▪◦●‣■➢➤✓✔])|(?P<number>\(?\d{1,3}[.)]))\s+(?P<text>\S.*)$"
)
ATX_HEADING_RE = re.compile(r"^\s*(#{1,6})\s+(.+?)\s*#*\s*$")
UNDERLINE_RE = re.compile(r"^\s*(={3,}|-{3,})\s*$")
MAX_TITLE_LENGTH = 200
#: Longer lines are not prose a writer typed: a generated or broken file.
MAX_LINE_LENGTH = 10_000
#: Lines with text: a long article has a few hundred.
MAX_LINES = 4_000
#: Quote markers or indentation deeper than this is generated, not written.
MAX_QUOTE_DEPTH = 16
MAX_INDENT = 80
INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060"), None)


def normalise(text):
    """Unix newlines, ordinary spaces, no invisible characters, no trailing spaces."""
    text = text.translate(INVISIBLE).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def check_lines(lines):
    """ImportFailed for text no writer produces: huge lines, too many lines, deep nesting."""
    filled = 0
    for number, line in enumerate(lines, start=1):
        if len(line) > MAX_LINE_LENGTH:
            raise ImportFailed(
                f"Line {number} is {len(line):,} characters long (the limit is "
                f"{MAX_LINE_LENGTH:,}): this is not an article's text. Check that the right "
                "file was chosen."
            )
        stripped = line.lstrip()
        if not stripped:
            continue
        filled += 1
        indent = len(line) - len(stripped)
        quotes = len(stripped) - len(stripped.lstrip("> "))
        if indent > MAX_INDENT or stripped[:quotes].count(">") > MAX_QUOTE_DEPTH:
            raise ImportFailed(
                f"Line {number} is nested deeper than any article needs (quotes or lists "
                f"inside each other more than {MAX_QUOTE_DEPTH} levels): check the file."
            )
    if filled > MAX_LINES:
        raise ImportFailed(
            f"The file has {filled:,} lines of text, more than one article ({MAX_LINES:,} at "
            "most): import one article per file."
        )


def is_structural(line):
    """Whether a line is a list item, a table row or an underline, never prose."""
    return bool(LIST_ITEM_RE.match(line) or "|" in line or "\t" in line or UNDERLINE_RE.match(line))


def is_hard_wrapped(lines):
    """Whether lines break inside sentences: many prose lines continue in lower case."""
    pairs = continued = 0
    for line, following in itertools.pairwise(lines):
        if not line.strip() or not following.strip():
            continue
        if is_structural(line) or is_structural(following):
            continue
        pairs += 1
        if following.strip()[0].islower():
            continued += 1
    return continued >= 2 and continued >= pairs / 4


def plausible_title(line):
    return bool(
        line
        and len(line) <= MAX_TITLE_LENGTH
        and any(character.isalpha() for character in line)
        and not line.endswith(".")
        and not LIST_ITEM_RE.match(line)
        and "|" not in line
        and not URL_RE.fullmatch(line)
    )


def read_title(lines, document):
    """Set the document's title from the first content line; return the index after it."""
    index = 0
    while index < len(lines):
        line = lines[index].strip()
        reason = debris_reason(line) if line else None
        if line and reason is None:
            break
        if reason:
            document.drop(line, reason)
        index += 1
    if index == len(lines):
        raise ImportFailed("No title: the file has no text besides web-page debris.")
    heading = ATX_HEADING_RE.match(lines[index])
    title = collapse(heading.group(2) if heading else lines[index])
    title = re.sub(r"^title\s*:\s*", "", title, flags=re.IGNORECASE)
    if not plausible_title(title):
        shown = title if len(title) <= 80 else title[:80] + "…"
        raise ImportFailed(
            "No title: the first line should be the article's title (a short line "
            f"without a full stop), but it is “{shown}”."
        )
    document.title = title
    index += 1
    if index < len(lines) and UNDERLINE_RE.match(lines[index]):
        index += 1
    following = index
    while following < len(lines) and not lines[following].strip():
        following += 1
    if following < len(lines) and collapse(lines[following]).casefold() == title.casefold():
        document.drop(lines[following], "repeated title")
        index = following + 1
    return index


class _Builder:
    """Accumulates nodes line by line; see the module docstring for the rules."""

    def __init__(self, lines, document):
        self.lines = lines
        self.document = document
        self.nodes = document.nodes
        self.wrapped = is_hard_wrapped(lines)
        self.paragraph = []
        self.in_item = False
        # A heading is followed by content: the index of the last content line.
        self.last_content = max(
            (i for i, line in enumerate(lines) if line.strip() and debris_reason(line) is None),
            default=-1,
        )

    def has_more_content(self, index):
        return index < self.last_content

    def starts_heading(self, index, line):
        """In hard-wrapped text: a heading line with no blank line around it."""
        if not looks_like_heading(line) or not self.has_more_content(index):
            return False
        if self.paragraph and not self.paragraph[-1].endswith((".", "!", "?", ":", "”", '"')):
            return False
        following = self.lines[index + 1].strip() if index + 1 < len(self.lines) else ""
        return not following or not following[0].islower()

    def flush(self, index):
        if not self.paragraph:
            return
        text = " ".join(self.paragraph)
        self.paragraph = []
        if looks_like_heading(text) and self.has_more_content(index):
            self.nodes.append(Heading(inline_html(heading_text(text)), inferred=True, source=text))
        else:
            self.nodes.append(Paragraph(inline_html(text)))

    def add_item(self, match):
        ordered = bool(match.group("number"))
        last = self.nodes[-1] if self.nodes else None
        if not (isinstance(last, ListNode) and last.ordered == ordered):
            last = ListNode([], ordered=ordered)
            self.nodes.append(last)
        last.items.append(inline_html(match.group("text")))
        self.in_item = True

    def continues_item(self, raw):
        if not (self.in_item and self.nodes and isinstance(self.nodes[-1], ListNode)):
            return False
        return raw[0].isspace() or (self.wrapped and raw.strip()[0].islower())

    def read(self, index):
        lines = self.lines
        while index < len(lines):
            raw, line = lines[index], lines[index].strip()
            if not line:
                self.flush(index)
                self.in_item = False
                index += 1
                continue
            reason = debris_reason(line)
            if reason:
                self.flush(index)
                self.document.drop(line, reason)
                index += 1
                continue
            table = find_table(lines, index)
            if table:
                self.flush(index)
                rows, consumed = table
                self.nodes.append(Table(rows))
                self.in_item = False
                index += consumed
                continue
            heading = ATX_HEADING_RE.match(raw)
            underlined = index + 1 < len(lines) and UNDERLINE_RE.match(lines[index + 1])
            if heading or (underlined and not LIST_ITEM_RE.match(raw)):
                self.flush(index)
                text = heading.group(2) if heading else line
                level = min(max(len(heading.group(1)), 2), 4) if heading else 2
                self.nodes.append(Heading(inline_html(text), level=level))
                self.in_item = False
                index += 1 if heading else 2
                continue
            item = LIST_ITEM_RE.match(raw)
            if item:
                self.flush(index)
                self.add_item(item)
            elif self.continues_item(raw):
                items = self.nodes[-1].items
                items[-1] = f"{items[-1]} {inline_html(line)}"
            elif self.wrapped and self.starts_heading(index, line):
                self.flush(index)
                self.in_item = False
                self.paragraph.append(line)
                self.flush(index)
            elif self.wrapped:
                self.in_item = False
                self.paragraph.append(line)
            else:
                self.in_item = False
                self.paragraph.append(line)
                self.flush(index)
            index += 1
        self.flush(index)
        self.promote_numbered_headings()
        self.demote_lead_ins()

    def promote_numbered_headings(self):
        """A one-item numbered "list" between paragraphs that reads as a heading is a heading."""
        for position, node in enumerate(self.nodes):
            if not (isinstance(node, ListNode) and node.ordered and len(node.items) == 1):
                continue
            following = self.nodes[position + 1] if position + 1 < len(self.nodes) else None
            if _is_lead_in(following):
                following = Paragraph(following.source)
            if isinstance(following, Paragraph | ListNode | Table) and looks_like_heading(
                plain_text(node.items[0])
            ):
                self.nodes[position] = Heading(node.items[0], inferred=True)

    def demote_lead_ins(self):
        """A colon line between a heading and a list introduces the list: it is text."""
        nodes = self.nodes
        for position in range(1, len(nodes) - 1):
            node = nodes[position]
            if (
                _is_lead_in(node)
                and isinstance(nodes[position - 1], Heading)
                and isinstance(nodes[position + 1], ListNode)
            ):
                nodes[position] = Paragraph(inline_html(node.source))


def _is_lead_in(node):
    """Whether `node` is a heading inferred from a line ending in a colon."""
    return isinstance(node, Heading) and node.inferred and node.source.rstrip().endswith(":")


def read_text(text):
    """The Document of a plain-text article. Raises ImportFailed when it has no title."""
    lines = normalise(text).split("\n")
    check_lines(lines)
    document = Document(title="")
    start = read_title(lines, document)
    _Builder(lines[start:], document).read(0)
    return document
