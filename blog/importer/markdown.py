"""Markdown reader: CommonMark and GitHub-flavoured Markdown, into a Document.

markdown-it-py parses the file (CommonMark, plus GitHub tables and
strikethrough, and front matter through mdit-py-plugins); the HTML it renders
is read by the HTML reader's walker, so Markdown and web pages are turned into
blocks by the same rules. Raw HTML inside the Markdown is allowed and cleaned
like any page. Images cannot be imported (nothing is downloaded): they are
dropped and listed.

The title is the front matter's ``title:``, else the first level-1 heading, else
a first line that can be a title. ``summary:`` or ``description:`` in the front
matter fills the summary. After the title, the top heading level present
starts sections.
"""

import re

from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

from .document import Document, Heading, ImportFailed, Paragraph
from .html_page import read_fragment
from .text import check_lines, normalise, plausible_title

_PARSER = (
    MarkdownIt("commonmark", {"html": True})
    .enable(["table", "strikethrough"])
    .use(front_matter_plugin)
)


#: markdown-it's inline rules slow down on runs of unmatched markup (``[[[[``,
#: ``*a *a``), so a block with more markup characters than any article is refused.
MAX_MARKUP_PER_BLOCK = 2_000
MAX_BRACKETS = 4_000
MARKUP_CHARACTERS = "[]*_<`"


def check_markup(text):
    """ImportFailed for Markdown with far more markup characters than any article."""
    if text.count("[") > MAX_BRACKETS:
        raise ImportFailed(
            f"The file has more than {MAX_BRACKETS:,} “[” characters, far more links than "
            "one article: check that the right file was chosen."
        )
    for block in re.split(r"\n\s*\n", text):
        markup = sum(block.count(character) for character in MARKUP_CHARACTERS)
        if markup > MAX_MARKUP_PER_BLOCK:
            line = text[: text.index(block)].count("\n") + 1
            raise ImportFailed(
                f"The paragraph at line {line} has {markup:,} Markdown markup characters "
                f"(more than {MAX_MARKUP_PER_BLOCK:,}): this is not an article's text."
            )


def _front_matter(tokens):
    """``{key: value}`` of the front matter's top-level ``key: value`` lines.

    Only three scalar keys are read (title, summary, description), so a YAML
    library is not needed: lists and nested values are ignored.
    """
    for token in tokens:
        if token.type == "front_matter":
            values = {}
            for line in token.content.split("\n"):
                key, _, value = line.partition(":")
                if value.strip() and not line[:1].isspace():
                    values[key.strip().lower()] = value.strip().strip("\"'")
            return values
    return {}


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
    text = normalise(text) + "\n"
    check_lines(text.split("\n"))
    check_markup(text)
    tokens = _PARSER.parse(text)
    front_matter = _front_matter(tokens)
    document = Document(title="")
    read_fragment(_PARSER.renderer.render(tokens, _PARSER.options, {}), document)
    _take_title(document, front_matter)
    document.summary = front_matter.get("summary") or front_matter.get("description") or ""
    return document
