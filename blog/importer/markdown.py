"""Markdown reader: the common subset writers use, into a Document.

Supported: YAML-style front matter (``title:``, ``summary:`` or ``description:``),
ATX (``#``) and underlined headings, paragraphs (lines joined until a blank
line), ``-``/``*``/``+`` and numbered lists (nested items are flattened), pipe
tables, block quotes (kept as text), ``**bold**``, ``*italic*``, links and bare
web addresses. Images cannot be imported (nothing is downloaded): they are
dropped and listed. The first level-1 heading is the title (else the front
matter's); ``##`` headings start sections and ``###``/``####`` stay inside them.
"""

import re

from .debris import debris_reason
from .document import Document, Heading, ImportFailed, ListNode, Paragraph, Table, inline_html
from .tables import find_pipe_table
from .text import UNDERLINE_RE, normalise, plausible_title

FRONT_MATTER_RE = re.compile(r"\A---\n(.*?)\n(?:---|\.\.\.)\n", re.DOTALL)
ATX_RE = re.compile(r"^ {0,3}(#{1,6})\s+(.+?)\s*#*\s*$")
LIST_RE = re.compile(r"^(?P<indent>\s*)(?P<marker>[-*+•]|\d{1,3}[.)])\s+(?P<text>\S.*)$")
IMAGE_RE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)[^)]*\)")
RULE_RE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")
FENCE_RE = re.compile(r"^\s*(```|~~~)")


def _front_matter(text):
    match = FRONT_MATTER_RE.match(text)
    if not match:
        return {}, text
    values = {}
    for line in match.group(1).split("\n"):
        key, _, value = line.partition(":")
        if value.strip():
            values[key.strip().lower()] = value.strip().strip("\"'")
    return values, text[match.end() :]


class _Reader:
    def __init__(self, lines, document):
        self.lines = lines
        self.document = document
        self.paragraph = []

    def inline(self, text):
        """Inline HTML of `text`, with images dropped (and reported)."""
        for alt, source in IMAGE_RE.findall(text):
            self.document.drop(f"{alt} ({source})", "image not imported")
        return inline_html(IMAGE_RE.sub("", text), markdown=True)

    def flush(self):
        if not self.paragraph:
            return
        text = " ".join(self.paragraph)
        self.paragraph = []
        reason = debris_reason(text)
        if reason:
            self.document.drop(text, reason)
            return
        fragment = self.inline(text)
        if fragment.strip():
            self.document.nodes.append(Paragraph(fragment))

    def add_item(self, match):
        ordered = match.group("marker")[0].isdigit()
        nodes = self.document.nodes
        last = nodes[-1] if nodes else None
        if not (isinstance(last, ListNode) and last.ordered == ordered):
            last = ListNode([], ordered=ordered)
            nodes.append(last)
        last.items.append(self.inline(match.group("text")))

    def read(self):
        lines, nodes, index = self.lines, self.document.nodes, 0
        in_list = False
        while index < len(lines):
            raw = lines[index]
            line = raw.strip()
            if FENCE_RE.match(raw):
                self.flush()
                index += 1
                while index < len(lines) and not FENCE_RE.match(lines[index]):
                    self.paragraph.append(lines[index].strip())
                    index += 1
                self.flush()
                index += 1
                continue
            if not line:
                self.flush()
                # A blank line between two items does not end the list.
                if not self._list_follows(index):
                    in_list = False
                index += 1
                continue
            heading = ATX_RE.match(raw)
            if heading:
                self.flush()
                nodes.append(Heading(self.inline(heading.group(2)), level=len(heading.group(1))))
                in_list = False
                index += 1
                continue
            if self.paragraph and UNDERLINE_RE.match(raw):
                text = " ".join(self.paragraph)
                self.paragraph = []
                nodes.append(Heading(self.inline(text), level=1 if "=" in line else 2))
                index += 1
                continue
            if RULE_RE.match(raw):
                self.flush()
                index += 1
                continue
            table = find_pipe_table(lines, index)
            if table:
                self.flush()
                rows, consumed = table
                nodes.append(Table(rows))
                index += consumed
                continue
            item = LIST_RE.match(raw)
            if item:
                self.flush()
                self.add_item(item)
                in_list = True
            elif in_list and raw[:1].isspace() and isinstance(nodes[-1], ListNode):
                items = nodes[-1].items
                items[-1] = f"{items[-1]} {self.inline(line)}"
            else:
                in_list = False
                reason = debris_reason(line) if not self.paragraph else None
                if reason:
                    self.document.drop(line, reason)
                else:
                    # Block quotes are kept as ordinary text.
                    self.paragraph.append(re.sub(r"^(>\s?)+", "", line))
            index += 1
        self.flush()

    def _list_follows(self, index):
        following = index + 1
        while following < len(self.lines) and not self.lines[following].strip():
            following += 1
        return following < len(self.lines) and bool(LIST_RE.match(self.lines[following]))


def _take_title(document, front_matter):
    """Use the front matter title, else the first level-1 heading, else the first line."""
    nodes = document.nodes
    if front_matter.get("title"):
        document.title = front_matter["title"]
    else:
        for position, node in enumerate(nodes):
            if isinstance(node, Heading) and node.level == 1:
                document.title = node.text
                del nodes[position]
                break
        else:
            first = nodes[0] if nodes else None
            if isinstance(first, Heading | Paragraph) and plausible_title(first.text):
                document.title = first.text
                del nodes[0]
    if not document.title:
        raise ImportFailed(
            "No title: start the file with a level-1 heading (# Title) or a 'title:' line "
            "in front matter."
        )
    # After the title, a level-1 heading can only be a section.
    for node in nodes:
        if isinstance(node, Heading):
            node.level = min(max(node.level, 2), 4)
    first = nodes[0] if nodes else None
    if (
        isinstance(first, Heading | Paragraph)
        and first.text.casefold() == document.title.casefold()
    ):
        document.drop(nodes.pop(0).text, "repeated title")


def read_markdown(text):
    """The Document of a Markdown article. Raises ImportFailed when it has no title."""
    front_matter, body = _front_matter(normalise(text) + "\n")
    document = Document(title="")
    _Reader(body.split("\n"), document).read()
    _take_title(document, front_matter)
    document.summary = front_matter.get("summary") or front_matter.get("description") or ""
    return document
