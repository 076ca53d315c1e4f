"""HTML reader: a saved web page, an HTML fragment, or a converted Word document, into a Document.

Three steps, each one library's job where one exists:

1. lxml parses the page and the size of its tree is checked (`check_tree`): a
   page nested deeper than any real article, or with far too many elements, is
   refused with a clear message before any slow work starts.
2. The article is found: the page's semantic container (``<article>``,
   ``<main>``, ``role="main"``) when it has one, else the block readability-lxml
   scores as the main content (Blogger and other template exports). Everything
   outside it is site chrome and is listed in the report as dropped.
3. Inside it, page furniture is dropped: navigation, forms, buttons, asides,
   footers and elements whose class or id names comments, sharing,
   newsletters, related posts, tables of contents and the like, plus a pasted
   table of contents (paragraphs or lists made only of links to the page's own
   anchors). Then BeautifulSoup walks what is left.

The title is the page's title element: a heading or paragraph whose class names
it (``entry-title``, ``post-title``, ``p-name``, Google Docs' ``title``), else
the first ``<h1>``, else readability's reading of ``<title>``. A subtitle or
excerpt (``p-summary``, ``subtitle``, ``article-excerpt``) becomes the summary.
Headings are ``<h1>``-``<h6>``, and also a short paragraph that is bold from
start to end and reads like a heading (Blogger and Google Docs writers make
headings that way). The top heading level present starts sections. Only
links, bold and italic survive inline; images are dropped and listed, except in
Word documents, whose pictures arrive as ``Image`` nodes (see docx.py).
"""

import html
import re
from urllib.parse import parse_qs, urlparse

import lxml.etree
import lxml.html
from bs4 import BeautifulSoup, Comment, NavigableString
from readability import Document as Readability

from .debris import debris_reason
from .document import Document, Heading, ImportFailed, ListNode, Paragraph, Table, collapse, link
from .features import looks_like_heading, strip_numbering

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
    r"sidebar|related|breadcrumb|skip|cookie|byline|author-bio|avatar|tags|meta-?data|popup|modal|"
    r"\btoc\b|ez-toc|table-of-contents|post-footer|entry-meta|entry-footer|footer-cta|"
    r"read-more|post-nav|pager|widget",
    re.IGNORECASE,
)
#: Classes blog engines give the post's own title (never a site's or a widget's).
POST_TITLE_CLASS_RE = re.compile(
    r"(^|\s)((entry|post|article|page)[-_]title|p-name|headline)(\s|$)", re.IGNORECASE
)
#: Google Docs and Word (through mammoth) mark the document title with just "title".
TITLE_CLASS_RE = re.compile(r"(^|\s)title(\s|$)", re.IGNORECASE)
#: Google Docs exports set bold and italic with classes defined in the page's <style>.
STYLE_RULE_RE = re.compile(r"\.([\w-]+)\s*\{([^}]*)\}")
SUMMARY_CLASS_RE = re.compile(
    r"(^|\s)(p-summary|subtitle|graf--subtitle|article-excerpt|excerpt|standfirst|dek)(\s|$)",
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
#: No article is nested this deep; deeper pages are generated or hostile.
MAX_DEPTH = 100
MAX_ELEMENTS = 5_000


def check_tree(root):
    """ImportFailed when the parsed page is deeper or larger than any article page."""
    count, stack = 0, [(root, 1)]
    while stack:
        element, depth = stack.pop()
        count += 1
        if depth > MAX_DEPTH:
            raise ImportFailed(
                f"The page's HTML is nested more than {MAX_DEPTH} levels deep, which no "
                "article needs: save the article again from its editor, or paste it as text."
            )
        if count > MAX_ELEMENTS:
            raise ImportFailed(
                f"The page has more than {MAX_ELEMENTS:,} HTML elements, far more than one "
                "article: save only the article."
            )
        stack.extend((child, depth + 1) for child in element)


def _describe(element):
    return collapse(element.get_text(" "))[:200]


def _names(element):
    return " ".join([*(element.get("class") or []), element.get("id") or ""])


def _is_debris_element(element):
    names = _names(element)
    return bool(names.strip()) and DEBRIS_CLASS_RE.search(names) is not None


def unwrap_redirect(href):
    """The real address behind a Google Docs export's ``google.com/url?q=`` redirect."""
    parsed = urlparse(href)
    if parsed.hostname in ("www.google.com", "google.com") and parsed.path == "/url":
        target = parse_qs(parsed.query).get("q")
        if target:
            return target[0]
    return href


def _internal_links_only(element):
    """Whether `element` holds nothing but links to anchors on the same page (a TOC line)."""
    anchors = element.find_all("a")
    if not anchors or not all((a.get("href") or "").startswith("#") for a in anchors):
        return False
    linked = collapse(" ".join(a.get_text(" ") for a in anchors))
    return linked == collapse(element.get_text(" "))


class _Reader:
    def __init__(self, document, images=None):
        self.document = document
        self.nodes = document.nodes
        self.inline_run = []
        #: Word documents: ``{src: Image}``, images mammoth extracted.
        self.images = images

    def inline(self, element):
        """The inline HTML of `element`'s content: text, links, bold and italic only."""
        return collapse("".join(self.inline_node(child) for child in element.children))

    def inline_node(self, node):
        if isinstance(node, Comment):
            return ""
        if isinstance(node, NavigableString):
            return html.escape(str(node), quote=False)
        if node.name == "img":
            self.image(node)
            return ""
        if node.name == "br":
            return " "
        if node.name in ("ul", "ol"):
            return ""  # nested lists are read as items of their own
        inner = self.inline(node)
        if node.name == "a":
            return link(unwrap_redirect(node.get("href", "").strip()), inner)
        if node.name in INLINE_BOLD:
            return _wrap("b", inner)
        if node.name in INLINE_ITALIC:
            return _wrap("i", inner)
        return inner

    def image(self, element):
        image = (self.images or {}).get(element.get("src", ""))
        if image is not None:
            self.nodes.append(image)
        else:
            alt, src = element.get("alt", "").strip(), element.get("src", "").strip()
            described = f"{alt} ({src})" if alt and src else alt or src or "image"
            self.document.drop(described, "image not imported")

    def paragraph(self, fragment, element=None):
        text = collapse(html.unescape(re.sub(r"<[^>]+>", "", fragment)))
        if not text:
            return
        reason = debris_reason(text)
        lines = element.get_text().split("\n") if element is not None else []
        lines = [line for line in lines if line.strip()]
        if reason:
            self.document.drop(text, reason)
        elif len(lines) > 1 and all(debris_reason(line) for line in lines):
            # Lines a paragraph joined, each of them debris ("Created: ...", "Tags: ...").
            for line in lines:
                self.document.drop(line, debris_reason(line))
        elif element is not None and self.is_bold_heading(element, text):
            heading = strip_numbering(re.sub(r"</?b>", "", fragment)).rstrip(":")
            self.nodes.append(Heading(heading, level=2, inferred=True, source=text))
        else:
            self.nodes.append(Paragraph(fragment))

    def is_bold_heading(self, element, text):
        """A paragraph bold from start to end that reads like a heading is one."""
        bold = "".join(b.get_text() for b in element.find_all(INLINE_BOLD))
        return collapse(bold) == text and looks_like_heading(text)

    def flush_inline(self, element=None):
        if self.inline_run:
            fragment = collapse("".join(self.inline_run))
            self.inline_run = []
            self.paragraph(fragment, element)

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
        has_blocks = any(getattr(child, "name", None) in BLOCK_TAGS for child in element.children)
        for child in element.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString) or (
                child.name not in BLOCK_TAGS and child.name not in ("li", "dt", "dd", "img")
            ):
                self.inline_run.append(self.inline_node(child))
                continue
            self.flush_inline(None if has_blocks else element)
            self.block(child)
        self.flush_inline(None if has_blocks else element)

    def block(self, element):
        name = element.name
        if name in HEADINGS:
            fragment = self.inline(element)
            if fragment:
                self.nodes.append(Heading(fragment, level=HEADINGS[name]))
        elif name in ("p", "dt", "dd", "pre"):
            if _internal_links_only(element):
                self.document.drop(_describe(element), "table of contents")
            else:
                self.paragraph(self.inline(element), element)
        elif name in ("ul", "ol"):
            if _internal_links_only(element):
                self.document.drop(_describe(element), "table of contents")
                return
            items = self.list_items(element)
            if items:
                self.nodes.append(ListNode(items, ordered=name == "ol"))
        elif name == "table":
            self.table(element)
        elif name == "img":
            self.image(element)
        elif name == "figure":
            # Blog editors wrap tables as well as images in figures; a caption
            # describes the image, so it goes with it.
            for child in element.find_all(["img", "table"]):
                self.block(child)
            for caption in element.find_all("figcaption"):
                self.document.drop(_describe(caption), "image caption")
        elif name != "hr":
            self.walk(element)


def _wrap(tag, fragment):
    return f"<{tag}>{fragment}</{tag}>" if fragment.strip() else fragment


def _semantic_root(soup):
    return soup.find("article") or soup.find("main") or soup.find(attrs={"role": "main"})


def _report_outside(root, soup, document):
    """List each piece of the page beside the article (or beside one of its containers)."""
    node = root
    while node.parent is not None and node is not soup.body and node.parent is not soup:
        for sibling in node.parent.find_all(recursive=False):
            if sibling is not node and collapse(sibling.get_text(" ")):
                document.drop(_describe(sibling), "outside the article")
        node = node.parent


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


def _title_element(soup, root):
    """The post's title: a post-title class, else the article's h1, else a "title" class."""

    def first(pattern):
        found = [
            c
            for c in soup.find_all(["h1", "h2", "h3", "p", "div"], class_=pattern)
            if collapse(c.get_text(" "))
        ]
        return next((c for c in found if c.name == "h1"), found[0] if found else None)

    return (
        first(POST_TITLE_CLASS_RE)
        or (root.find("h1") if root is not None else None)
        or first(TITLE_CLASS_RE)
        or soup.find("h1")
    )


def _styled_classes(tree):
    """``{class: "b" or "i"}`` of the classes a page's <style> makes bold or italic."""
    classes = {}
    for style in tree.xpath("//style"):
        for name, rules in STYLE_RULE_RE.findall(style.text_content()):
            rules = rules.replace(" ", "").lower()
            if "font-weight:700" in rules or "font-weight:bold" in rules:
                classes[name] = "b"
            elif "font-style:italic" in rules:
                classes[name] = "i"
    return classes


def _apply_styled_classes(soup, classes):
    for span in soup.find_all("span", class_=True):
        for name in span.get("class"):
            if name in classes:
                span.name = classes[name]
                break


def _take_title(soup, root, page_title, document, fallback=None):
    element = _title_element(soup, root)
    if element is not None:
        document.title = collapse(element.get_text(" "))
        element.decompose()
    elif fallback is not None:
        document.title = collapse(fallback() or "")
    elif page_title:
        document.title = TITLE_SUFFIX_RE.sub("", collapse(page_title))
    if not document.title:
        raise ImportFailed("No title: the page has no <h1> heading and no <title>.")


def _take_summary(soup, document):
    for element in soup.find_all(class_=SUMMARY_CLASS_RE):
        if element.decomposed:
            continue
        text = collapse(element.get_text(" "))
        if text and not document.summary:
            document.summary = text
        element.decompose()


def _parse(text):
    try:
        tree = lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError) as error:
        raise ImportFailed(f"The file is not readable HTML ({error}).") from error
    check_tree(tree)
    for element in list(tree.iter(lxml.etree.Comment)):
        if element.getparent() is not None:
            element.drop_tree()
    return tree


def _drop_silent(tree):
    # Code and styles are never text, wherever they are: removed without a report line.
    for element in tree.xpath("|".join(f"//{tag}" for tag in SILENT_TAGS)):
        element.drop_tree()


def _page_title(tree):
    titles = tree.xpath("//title")
    return collapse(titles[0].text_content()) if titles else ""


def _description(tree):
    for meta in tree.xpath("//meta[@name='description']"):
        return collapse(meta.get("content", ""))
    return ""


def _readable_body(readability, document):
    """The main content readability-lxml finds on a page with no semantic container."""
    try:
        content = readability.summary(html_partial=True)
    except Exception as error:  # readability raises bare Unparseable and lxml errors
        raise ImportFailed(f"No article could be found in the page ({error}).") from error
    document.drop("navigation, sidebars and footer around the post", "outside the article")
    return BeautifulSoup(content, "lxml")


def read_html(text, images=None):
    """The Document of an HTML article. Raises ImportFailed when it has no title.

    `images` (Word documents only) maps an ``<img src>`` to the Image node it becomes.
    """
    tree = _parse(text)
    styled = _styled_classes(tree)
    _drop_silent(tree)
    cleaned = lxml.html.tostring(tree, encoding="unicode")
    page_title = _page_title(tree)
    document = Document(title="", summary=_description(tree))
    soup = BeautifulSoup(cleaned, "lxml")
    for element in soup.find_all("head"):
        element.decompose()
    _apply_styled_classes(soup, styled)
    root = _semantic_root(soup)
    if root is not None or images is not None:
        root = root or soup.body or soup
        _report_outside(root, soup, document)
        _take_title(soup, root, page_title, document)
    else:
        _take_title(soup, None, None, document, fallback=lambda: Readability(cleaned).short_title())
        soup = _readable_body(Readability(str(soup)), document)
        root = soup.body or soup
    _take_summary(root, document)
    _remove_chrome(root, document)
    _Reader(document, images).walk(root)
    _drop_repeated_title(document)
    return document


def read_fragment(fragment, document):
    """Add the nodes of an HTML fragment we generated (Markdown's rendering) to `document`."""
    tree = _parse(f"<html><body>{fragment}</body></html>")
    _drop_silent(tree)
    soup = BeautifulSoup(lxml.html.tostring(tree, encoding="unicode"), "lxml")
    _Reader(document).walk(soup.body or soup)


def _drop_repeated_title(document):
    """Medium and others repeat the title as the first heading of the body."""
    nodes = document.nodes
    first = nodes[0] if nodes else None
    if (
        isinstance(first, Heading | Paragraph)
        and first.text.casefold() == document.title.casefold()
    ):
        document.drop(nodes.pop(0).text, "repeated title")
