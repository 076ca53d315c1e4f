"""HTML reader: a saved web page (or an HTML fragment), into a Document.

The article is the page's ``<article>`` (else ``<main>``, else ``<body>``);
everything outside it is site chrome and is dropped (listed in the report).
Inside it, page furniture is dropped too: navigation, forms, buttons, asides,
footers, scripts and elements whose class or id names comments, sharing,
newsletters, related posts, adverts and the like. The title is the first
``<h1>`` (else ``<title>``, without a " | Site name" suffix). ``<h2>`` starts a
section, ``<h3>``-``<h6>`` stay inside it. Only links, bold and italic survive
inline; images are dropped (nothing is downloaded) and listed.
"""

import html
import re

from bs4 import BeautifulSoup, Comment, NavigableString

from .debris import debris_reason
from .document import Document, Heading, ImportFailed, ListNode, Paragraph, Table, collapse, link

SILENT_TAGS = ("script", "style", "noscript", "template", "svg")
CHROME_TAGS = (
    "iframe",
    "form",
    "button",
    "input",
    "select",
    "textarea",
    "nav",
    "aside",
    "footer",
    "object",
    "embed",
)
DEBRIS_CLASS_RE = re.compile(
    r"comment|share|sharing|social|newsletter|subscribe|signup|sign-up|promo|advert|\bads?\b|"
    r"sidebar|related|breadcrumb|skip|cookie|byline|author-bio|avatar|tags|meta-?data|popup|modal",
    re.IGNORECASE,
)
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 4, "h6": 4}
BLOCK_TAGS = {
    "p",
    "ul",
    "ol",
    "table",
    "blockquote",
    "div",
    "section",
    "article",
    "main",
    "header",
    "figure",
    "pre",
    "dl",
    "hr",
    "details",
    *HEADINGS,
}
INLINE_BOLD = {"b", "strong"}
INLINE_ITALIC = {"i", "em"}
TITLE_SUFFIX_RE = re.compile(r"\s+[|\u2013\u2014-]\s+[^|\u2013\u2014-]+$")


def _describe(element):
    return collapse(element.get_text(" "))[:200]


def _is_debris_element(element):
    names = " ".join([*(element.get("class") or []), element.get("id") or ""])
    return bool(names.strip()) and DEBRIS_CLASS_RE.search(names) is not None


class _Reader:
    def __init__(self, document):
        self.document = document
        self.nodes = document.nodes
        self.inline_run = []

    def inline(self, element):
        """The inline HTML of `element`'s content: text, links, bold and italic only."""
        return collapse("".join(self.inline_node(child) for child in element.children))

    def inline_node(self, node):
        if isinstance(node, Comment):
            return ""
        if isinstance(node, NavigableString):
            return html.escape(str(node), quote=False)
        if node.name == "img":
            self.drop_image(node)
            return ""
        if node.name == "br":
            return " "
        if node.name in ("ul", "ol"):
            return ""  # nested lists are read as items of their own
        inner = self.inline(node)
        if node.name == "a":
            return link(node.get("href", "").strip(), inner)
        if node.name in INLINE_BOLD:
            return _wrap("b", inner)
        if node.name in INLINE_ITALIC:
            return _wrap("i", inner)
        return inner

    def drop_image(self, image):
        self.document.drop(image.get("alt") or image.get("src") or "image", "image not imported")

    def paragraph(self, fragment):
        text = collapse(html.unescape(re.sub(r"<[^>]+>", "", fragment)))
        if not text:
            return
        reason = debris_reason(text)
        if reason:
            self.document.drop(text, reason)
        else:
            self.nodes.append(Paragraph(fragment))

    def flush_inline(self):
        if self.inline_run:
            fragment = collapse("".join(self.inline_run))
            self.inline_run = []
            self.paragraph(fragment)

    def list_items(self, element):
        items = []
        for item in element.find_all("li", recursive=False):
            fragment = self.inline(item)
            if fragment and not debris_reason(fragment):
                items.append(fragment)
            for nested in item.find_all(["ul", "ol"], recursive=False):
                items.extend(self.list_items(nested))
        return items

    def table(self, element):
        rows = []
        for row in element.find_all("tr"):
            cells = [collapse(cell.get_text(" ")) for cell in row.find_all(["th", "td"])]
            if any(cells):
                rows.append(cells)
        if len(rows) >= 2:
            self.nodes.append(Table(rows))
        elif rows:
            self.paragraph(html.escape(" ".join(rows[0]), quote=False))

    def walk(self, element):
        for child in element.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString) or (
                child.name not in BLOCK_TAGS and child.name not in ("li", "dt", "dd", "img")
            ):
                self.inline_run.append(self.inline_node(child))
                continue
            self.flush_inline()
            self.block(child)
        self.flush_inline()

    def block(self, element):
        name = element.name
        if name in HEADINGS:
            fragment = self.inline(element)
            if fragment:
                self.nodes.append(Heading(fragment, level=HEADINGS[name]))
        elif name == "p" or name in ("dt", "dd", "pre"):
            self.paragraph(self.inline(element))
        elif name in ("ul", "ol"):
            items = self.list_items(element)
            if items:
                self.nodes.append(ListNode(items, ordered=name == "ol"))
        elif name == "table":
            self.table(element)
        elif name == "img":
            self.drop_image(element)
        elif name == "figure":
            # A figure's caption describes the image that is not imported.
            for image in element.find_all("img"):
                self.drop_image(image)
        elif name != "hr":
            self.walk(element)


def _wrap(tag, fragment):
    return f"<{tag}>{fragment}</{tag}>" if fragment.strip() else fragment


def _content_root(soup, document):
    root = soup.find("article") or soup.find("main") or soup.body or soup
    # Site chrome around the article: each piece beside the article (or beside one
    # of its containers) is listed once.
    node = root
    while node.parent is not None and node is not soup.body and node.parent is not soup:
        for sibling in node.parent.find_all(recursive=False):
            if sibling is not node and collapse(sibling.get_text(" ")):
                document.drop(_describe(sibling), "outside the article")
        node = node.parent
    return root


def _remove_chrome(root, document):
    for element in root.find_all(CHROME_TAGS):
        if not element.decomposed:
            document.drop(_describe(element), f"page {element.name}")
            element.decompose()
    article_length = len(collapse(root.get_text(" ")))
    for element in root.find_all(True):
        if element.decomposed or not _is_debris_element(element):
            continue
        text = collapse(element.get_text(" "))
        # A class such as "content-with-sidebar" can name the article's own
        # container: a widget is always a small part of the page.
        if len(text) > article_length / 2:
            continue
        document.drop(text[:200], "page widget")
        element.decompose()


def _take_title(soup, root, document):
    heading = root.find("h1") or soup.find("h1")
    if heading is not None:
        document.title = collapse(heading.get_text(" "))
        heading.decompose()
    elif soup.title is not None and soup.title.string:
        document.title = TITLE_SUFFIX_RE.sub("", collapse(soup.title.string))
    if not document.title:
        raise ImportFailed("No title: the page has no <h1> heading and no <title>.")


def read_html(text):
    """The Document of an HTML article. Raises ImportFailed when it has no title."""
    soup = BeautifulSoup(text, "html.parser")
    for comment in soup.find_all(string=lambda string: isinstance(string, Comment)):
        comment.extract()
    # Code and styles are never text, wherever they are: removed without a report line.
    for element in soup.find_all(SILENT_TAGS):
        element.decompose()
    document = Document(title="")
    description = soup.find("meta", attrs={"name": "description"})
    if description is not None:
        document.summary = collapse(description.get("content", ""))
    root = _content_root(soup, document)
    _take_title(soup, root, document)
    _remove_chrome(root, document)
    _Reader(document).walk(root)
    return document
