"""From a Document to an article: StreamField blocks, references and summary.

The rules, in the order they apply:

* A file's table of contents (a "Contents" / "In this article" section, or a
  list that only repeats later headings) and widget sections ("Related posts",
  "Comments") are dropped and listed.
* "[See also: X]" becomes a link in one "See also" related-articles block at the
  end when an article titled X exists (any state); otherwise the text stays as
  "See also: X" and the report warns.
* A disclaimer paragraph ("not medical advice", "for informational purposes
  only", a "Disclaimer" section) is dropped: the article gets the managed
  default disclaimer block, always last. The report warns when the pasted text
  differs materially from the managed one, quoting it.
* An explicit summary ("Summary: ..." before the first heading, Markdown front
  matter, an HTML meta description) fills the summary field; otherwise the first
  paragraph does. Both are trimmed to the field's limit at a sentence or word.
* Sections are split at the top heading level present. A section's heading
  says what it becomes:
  - key points / key takeaways / quick summary / at a glance -> ``key_points``
    (one point per list item or paragraph; a point too long for the block
    keeps the section as text instead, with a warning);
  - FAQ / frequently asked questions -> ``faq`` (questions are sub-headings,
    "Q:" lines or paragraphs ending in "?"; answers are what follows);
  - references / sources / bibliography / further reading -> ArticleReference
    records (see references.py), no block;
  - anything else -> ``section`` blocks, with these shapes pulled out in place:
    tables -> ``comparison_table`` (caption: the heading), "Q:"/"A:" pairs ->
    ``faq``, and a list under a symptoms heading, or introduced by a sentence
    about symptoms or signs -> ``symptom_list`` (care levels: care_levels.py;
    the introducing sentence becomes its intro and a following "see a doctor"
    sentence its "when to get help").
  Text before the first heading goes in a section headed "Overview". When a
  pulled-out block splits a section's text, the text after it continues in a
  section headed "<heading> (continued)"; the report asks for a better one.
* Text longer than a block field allows is cut at a word and reported.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from html import escape, unescape
from urllib.parse import urlparse

from health_content.blocks import ArticleBodyBlock

from .care_levels import infer_care_level, stated_level
from .debris import dropped_section_reason
from .document import (
    Heading,
    Image,
    ListNode,
    Paragraph,
    Table,
    collapse,
    links_in,
    plain_text,
)
from .images import image_problem
from .references import parse_reference

_BODY = ArticleBodyBlock()


def _max_length(block_name, *path):
    block = _BODY.child_blocks[block_name]
    for name in path:
        block = getattr(block, "child_block", block).child_blocks[name]
    return getattr(block, "child_block", block).field.max_length


TITLE_LIMIT = 255
SUMMARY_LIMIT = 320
SECTION_HEADING_LIMIT = _max_length("section", "heading")
SYMPTOM_HEADING_LIMIT = _max_length("symptom_list", "heading")
SYMPTOM_LIMIT = _max_length("symptom_list", "items", "symptom")
FAQ_HEADING_LIMIT = _max_length("faq", "heading")
QUESTION_LIMIT = _max_length("faq", "items", "question")
CAPTION_LIMIT = _max_length("comparison_table", "caption")
POINT_LIMIT = _max_length("key_points", "points")

OVERVIEW_HEADING = "Overview"
FAQ_DEFAULT_HEADING = "Frequently asked questions"
SYMPTOMS_DEFAULT_HEADING = "Symptoms"
SEE_ALSO_HEADING = "See also"


def _any_of(*phrases, before="", whole_words=False):
    """A case-insensitive pattern matching any of `phrases` (regular expressions).

    `before` may come first; with `whole_words` the match may not start or end
    inside a longer word.
    """
    pattern = f"{before}({'|'.join(phrases)})"
    return re.compile(rf"\b{pattern}\b" if whole_words else pattern, re.IGNORECASE)


KEY_POINTS_RE = _any_of(
    "key (points|takeaways|facts|messages)",
    "(main )?takeaways",
    "quick (summary|facts)",
    "summary",
    "at a glance",
    "in brief",
    "tl;? ?dr",
    "(the )?bottom line",
    "highlights",
    before="(the )?",
)
QUICK_SUMMARY_RE = _any_of("summary", "glance", "brief", "tl;? ?dr", "bottom line", "quick facts")
FAQ_HEADING_RE = _any_of(
    "faqs?",
    "frequently asked questions",
    "common questions",
    "questions and answers",
    "q ?& ?a",
    "your questions answered",
    whole_words=True,
)
REFERENCES_RE = _any_of(
    "references",
    "sources",
    "citations",
    "bibliography",
    "works cited",
    "further reading",
    "sources and references",
    "references and (further reading|sources)",
    "studies cited",
    before="(selected |key )?",
)
DISCLAIMER_HEADING_RE = re.compile(r"(medical |health )?disclaimer", re.IGNORECASE)
DISCLAIMER_RE = re.compile(
    r"^(medical |health )?disclaimer\b|not (intended (as|to be) |meant as |a substitute for )?"
    r"(professional |personal )?medical advice|does not (constitute|replace|provide) "
    r"(professional |personal )?medical advice|for (general )?informational? purposes only|"
    r"for general information only|not intended to (diagnose|treat|replace)",
    re.IGNORECASE,
)
MAX_DISCLAIMER_LENGTH = 700
#: Below this similarity to the managed text, a pasted disclaimer "differs materially".
DISCLAIMER_SIMILARITY = 0.8
SUMMARY_RE = re.compile(r"^(summary|in brief|abstract)\s*:\s*(?P<text>.+)$", re.IGNORECASE)
SYMPTOMS_RE = _any_of(
    "symptoms?", "signs?", "indicators?", "warning signs", "red flags", whole_words=True
)
QUESTION_RE = re.compile(r"^(q|question)\s*[:.]\s*(?P<text>.+)$", re.IGNORECASE | re.DOTALL)
#: "A:" at the start of an answer, alone in bold/italic ("<b>A:</b> Yes") or not.
WRAPPED_ANSWER_PREFIX_RE = re.compile(r"^\s*<([bi])>\s*(a|answer)\s*[:.]\s*</\1>\s*", re.I)
ANSWER_PREFIX_RE = re.compile(r"^(\s*<[bi]>)?\s*(a|answer)\s*[:.]\s*", re.IGNORECASE)
INLINE_ANSWER_RE = re.compile(r"\s+(a|answer)\s*:\s+", re.IGNORECASE)
SEE_ALSO_RE = re.compile(r"\[\s*see also\s*:\s*([^\]]+?)\s*\]", re.IGNORECASE)
NUMBER_RE = re.compile(r"^-?\d+(\.\d+)?$")
SYMPTOM_SEPARATOR_RE = re.compile(r":\s+|\s+[\u2013\u2014-]\s+")


@dataclass
class ImportContext:
    """What conversion needs from the site: related articles, the disclaimer, our hosts."""

    find_article: object
    disclaimer: object = None
    site_hosts: frozenset = frozenset()
    #: ``store_image(image, number) -> pk``; None when nothing may be written (a preview).
    store_image: object = None


@dataclass
class Conversion:
    title: str
    summary: str
    body: list = field(default_factory=list)
    references: list = field(default_factory=list)
    #: The article's section headings in order (what the evaluation compares).
    headings: list = field(default_factory=list)


@dataclass
class _Section:
    heading: Heading | None
    nodes: list = field(default_factory=list)

    @property
    def heading_text(self):
        return self.heading.text if self.heading else ""


def fit(text, limit, report=None, what="Text"):
    """`text` cut at a word to at most `limit` characters (with "…"), reported when cut."""
    text = collapse(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:")
    if report is not None:
        report.warn(f"{what} was longer than {limit} characters and was cut: “{text}”")
    return cut + "…"


def trim_summary(text, limit=SUMMARY_LIMIT):
    """The first sentences of `text` that fit in `limit`, else `text` cut at a word."""
    text = collapse(text)
    if len(text) <= limit:
        return text
    sentences = re.split(r"(?<=[.!?])\s+", text)
    kept = ""
    for sentence in sentences:
        candidate = f"{kept} {sentence}".strip()
        if len(candidate) > limit:
            break
        kept = candidate
    return kept or fit(text, limit)


def _heading_kind(text):
    text = text.strip().rstrip(":").strip()
    if dropped_section_reason(text):
        return "dropped"
    if REFERENCES_RE.fullmatch(text):
        return "references"
    if DISCLAIMER_HEADING_RE.fullmatch(text):
        return "disclaimer"
    if KEY_POINTS_RE.fullmatch(text):
        return "key_points"
    if FAQ_HEADING_RE.search(text):
        return "faq"
    return "text"


def _node_texts(node):
    if isinstance(node, ListNode):
        return node.texts
    if isinstance(node, Table):
        return [" | ".join(row) for row in node.rows]
    if isinstance(node, Image):
        return []
    return [node.text]


def _rich_text(node):
    if isinstance(node, Paragraph):
        return f"<p>{node.html}</p>"
    if isinstance(node, ListNode):
        tag = "ol" if node.ordered else "ul"
        return f"<{tag}>{''.join(f'<li>{item}</li>' for item in node.items)}</{tag}>"
    if isinstance(node, Heading):
        level = min(max(node.level, 3), 4)
        return f"<h{level}>{node.html}</h{level}>"
    if isinstance(node, Image):
        return ""
    # A table where only rich text fits (an FAQ answer): one line per row.
    return "".join(f"<p>{escape(' | '.join(row), quote=False)}</p>" for row in node.rows)


class _Converter:
    def __init__(self, document, context, report):
        self.document = document
        self.context = context
        self.report = report
        self.body = []
        self.references = []
        self.related = []
        self.pasted_disclaimers = []
        self.summary = collapse(document.summary)
        self.headings = []
        self.image_count = 0

    # -- pre-pass: things found anywhere in the text -------------------------------

    def see_also(self, fragment):
        def replace(match):
            title = collapse(unescape(match.group(1)))
            page = self.context.find_article(title)
            if page is not None:
                if page.pk not in self.related:
                    self.related.append(page.pk)
                return ""
            self.report.warn(
                f"“[See also: {title}]”: no article with that title exists, so it was kept as "
                "plain text. Link it by hand once the article exists."
            )
            return f"See also: {match.group(1)}"

        return collapse(SEE_ALSO_RE.sub(replace, fragment))

    def is_disclaimer(self, node):
        return (
            isinstance(node, Paragraph)
            and len(node.text) <= MAX_DISCLAIMER_LENGTH
            and DISCLAIMER_RE.search(node.text) is not None
        )

    def prepare(self, nodes):
        """Resolve "See also" markers and take out disclaimers, the summary and a headless TOC."""
        prepared = []
        headings = [node.text.casefold() for node in nodes if isinstance(node, Heading)]
        before_first_heading = True
        for position, node in enumerate(nodes):
            if isinstance(node, Heading):
                before_first_heading = False
            elif isinstance(node, Paragraph):
                node = Paragraph(self.see_also(node.html))
                if not node.text:
                    continue
                summary = SUMMARY_RE.match(node.text)
                if before_first_heading and summary and not self.summary:
                    self.summary = summary.group("text")
                    continue
                if self.is_disclaimer(node):
                    self.pasted_disclaimers.append(node.text)
                    continue
            elif isinstance(node, ListNode):
                node = ListNode([self.see_also(item) for item in node.items], node.ordered)
                later = set(headings[sum(isinstance(n, Heading) for n in nodes[:position]) :])
                items = [text.casefold().rstrip(" .") for text in node.texts]
                if len(items) >= 2 and all(item in later for item in items):
                    for text in node.texts:
                        self.document.drop(text, "table of contents")
                    continue
            prepared.append(node)
        return prepared

    def split_sections(self, nodes):
        levels = [node.level for node in nodes if isinstance(node, Heading)]
        top = min(levels) if levels else 2
        sections = [_Section(None)]
        for node in nodes:
            current = sections[-1]
            starts_section = isinstance(node, Heading) and node.level <= top
            # In an FAQ, questions set as headings belong to it.
            if starts_section and _heading_kind(current.heading_text) == "faq":
                starts_section = not node.text.endswith("?")
            if starts_section:
                sections.append(_Section(node))
            else:
                current.nodes.append(node)
        return sections

    # -- main -------------------------------------------------------------------------

    def run(self):
        nodes = self.prepare(self.document.nodes)
        for section in self.split_sections(nodes):
            if section.heading is None:
                if section.nodes:
                    _SectionWriter(self, None).write_text(section.nodes)
                continue
            kind = _heading_kind(section.heading_text)
            if kind not in ("dropped", "disclaimer"):
                self.headings.append(section.heading_text.rstrip(":").strip())
            if kind == "dropped":
                reason = dropped_section_reason(section.heading_text)
                self.document.drop(section.heading_text, reason)
                for node in section.nodes:
                    for text in _node_texts(node):
                        self.document.drop(text, reason)
            elif kind == "references":
                self.add_references(section)
            elif kind == "disclaimer":
                self.pasted_disclaimers.extend(
                    text for node in section.nodes for text in _node_texts(node)
                )
            elif kind == "key_points":
                self.add_key_points(section)
            elif kind == "faq":
                _SectionWriter(self, section.heading_text).write_faq(section.nodes)
            else:
                _SectionWriter(self, section.heading_text).write_text(section.nodes)
        self.add_related()
        self.add_disclaimer()
        return Conversion(
            title=fit(self.document.title, TITLE_LIMIT, self.report, "The title"),
            summary=self.make_summary(nodes),
            body=self.body,
            references=self.references,
            headings=self.headings,
        )

    def add_image(self, image):
        """An image block for a Word picture, saved to the library when the import writes."""
        self.image_count += 1
        number = self.image_count
        problem = image_problem(image)
        if problem:
            self.report.warn(f"Picture {number} was not imported: {problem}.")
            return
        store = self.context.store_image
        pk = store(image, number) if store is not None else None
        if store is not None:
            self.report.images += 1
        if not image.alt:
            self.report.warn(
                f"Picture {number} has no alt text: describe what it shows in its image block "
                "(or tick “decorative”) before submitting for review."
            )
        self.emit(
            "image",
            {
                "image": pk,
                "alt_text": image.alt[:255],
                "decorative": False,
                "caption": "",
                "credit": "",
            },
        )

    def emit(self, block_type, value):
        self.body.append({"type": block_type, "value": value})
        self.report.blocks[block_type] += 1

    # -- sections with a fixed meaning ----------------------------------------------

    def add_references(self, section):
        for node in section.nodes:
            if isinstance(node, ListNode):
                fragments = node.items
            elif isinstance(node, Paragraph):
                fragments = [node.html]
            else:
                continue  # sub-headings ("Journal articles") and tables are not citations
            for fragment in fragments:
                text = plain_text(fragment)
                hrefs = [href for _, href in links_in(fragment) if href not in text]
                reference = parse_reference(" ".join([text, *hrefs]))
                number = len(self.references) + 1
                if not reference.structured:
                    self.report.warn(
                        f"Reference {number} could not be split into authors, title and "
                        "journal; its whole text is in the title."
                    )
                self.references.append(reference.as_fields())
        self.report.references = len(self.references)
        if self.references:
            self.report.notes.append(
                f"{len(self.references)} reference(s) read from “{section.heading_text}”: "
                "check authors, titles, years and identifiers."
            )

    def add_key_points(self, section):
        points, convertible = [], True
        for node in section.nodes:
            if isinstance(node, Heading):
                continue
            if isinstance(node, Table):
                convertible = False
            points.extend(_node_texts(node))
        if not points or any(len(point) > POINT_LIMIT for point in points):
            convertible = False
        if not convertible:
            self.report.warn(
                f"“{section.heading_text}” was kept as a text section: key points must be "
                f"short list items (up to {POINT_LIMIT} characters each)."
            )
            _SectionWriter(self, section.heading_text).write_text(section.nodes)
            return
        style = "quick_summary" if QUICK_SUMMARY_RE.search(section.heading_text) else "key_points"
        self.emit("key_points", {"style": style, "points": points})

    def add_related(self):
        if self.related:
            self.emit("related_articles", {"heading": SEE_ALSO_HEADING, "articles": self.related})

    def add_disclaimer(self):
        disclaimer = self.context.disclaimer
        if disclaimer is None:
            self.report.warn(
                "No default medical disclaimer is set (Medical content > Disclaimers), so none "
                "was attached: add the disclaimer block before submitting for review."
            )
            for text in self.pasted_disclaimers:
                self.document.drop(text, "pasted disclaimer")
            return
        self.emit("disclaimer", {"disclaimer": disclaimer.pk})
        managed = plain_text(disclaimer.text).lower().split()
        for text in self.pasted_disclaimers:
            self.document.drop(text, "pasted disclaimer")
            similarity = SequenceMatcher(None, text.lower().split(), managed).ratio()
            if similarity < DISCLAIMER_SIMILARITY:
                self.report.warn(
                    f"The pasted disclaimer differs from the managed disclaimer “{disclaimer}”, "
                    f"which replaces it. Check that nothing it said is missing: “{text}”"
                )
        if not self.pasted_disclaimers:
            self.report.notes.append(
                f"The file has no disclaimer: the default disclaimer “{disclaimer}” was attached."
            )

    def make_summary(self, nodes):
        if self.summary:
            if len(collapse(self.summary)) > SUMMARY_LIMIT:
                self.report.warn(f"The summary was trimmed to {SUMMARY_LIMIT} characters.")
            return trim_summary(self.summary)
        for node in nodes:
            if isinstance(node, Paragraph) and not QUESTION_RE.match(node.text):
                self.report.notes.append("The summary is the first paragraph: review it.")
                return trim_summary(node.text)
        self.report.warn("The file has no paragraph to use as the summary: write one.")
        return ""


class _SectionWriter:
    """Writes one section's nodes as blocks, pulling out tables, Q&A and symptom lists."""

    def __init__(self, converter, heading):
        self.converter = converter
        self.report = converter.report
        self.heading = heading
        self.heading_taken = False
        self.rich = []

    def take_heading(self):
        """The section heading for the first block of this section that shows one."""
        if self.heading_taken or not self.heading:
            return None
        self.heading_taken = True
        return self.heading

    def flush(self):
        if not self.rich:
            return
        heading = self.take_heading()
        if heading is None and self.heading is None:
            heading = OVERVIEW_HEADING
            self.report.warn(
                f"Text before the first heading was put in a section headed “{heading}”: "
                "give it a better heading."
            )
        elif heading is None:
            heading = f"{self.heading} (continued)"
            self.report.warn(
                f"The text after a table, list or Q&A in “{self.heading}” continues in a section "
                f"headed “{heading}”: rename or merge it."
            )
        self.converter.emit(
            "section",
            {
                "heading": fit(heading, SECTION_HEADING_LIMIT, self.report, "A section heading"),
                "anchor": "",
                "body": "".join(self.rich),
            },
        )
        self.rich = []

    def write_text(self, nodes):
        position = 0
        while position < len(nodes):
            node = nodes[position]
            if isinstance(node, Paragraph) and QUESTION_RE.match(node.text):
                position = self.write_question_answers(nodes, position)
                continue
            if isinstance(node, Table):
                self.write_table(node)
            elif isinstance(node, Image):
                self.flush()
                self.converter.add_image(node)
            elif isinstance(node, ListNode) and self.is_symptom_list(nodes, position):
                position = self.write_symptom_list(nodes, position)
                continue
            else:
                self.rich.append(_rich_text(node))
            position += 1
        self.flush()

    # -- comparison tables -----------------------------------------------------------

    def write_table(self, table):
        self.flush()
        width = max(len(row) for row in table.rows)
        rows = [row + [""] * (width - len(row)) for row in table.rows]
        header, body = rows[0], rows[1:]
        caption = self.take_heading() or self.heading
        if not caption:
            caption = "Comparison"
            self.report.warn("A table outside any section got the caption “Comparison”: edit it.")
        if not all(cell.strip() for cell in header):
            self.report.warn(
                f"Table “{caption}” has a column without a heading: give every column one."
            )
        columns = []
        for index, heading in enumerate(header):
            numeric = all(NUMBER_RE.match(row[index]) for row in body)
            columns.append({"type": "numeric" if numeric else "text", "heading": heading})
        self.converter.emit(
            "comparison_table",
            {
                "caption": fit(caption, CAPTION_LIMIT, self.report, "A table caption"),
                "table": {
                    "columns": columns,
                    "rows": [{"values": row} for row in body],
                    "caption": "",
                },
            },
        )

    # -- symptom lists ---------------------------------------------------------------

    def lead_in(self, nodes, position):
        previous = nodes[position - 1] if position else None
        if isinstance(previous, Paragraph) and previous.text.endswith(":"):
            return previous
        return None

    def is_symptom_list(self, nodes, position):
        if self.heading and SYMPTOMS_RE.search(self.heading):
            return True
        lead_in = self.lead_in(nodes, position)
        if lead_in is None:
            return False
        last_sentence = re.split(r"(?<=[.!?])\s+", lead_in.text)[-1]
        return SYMPTOMS_RE.search(last_sentence) is not None

    def write_symptom_list(self, nodes, position):
        lead_in = self.lead_in(nodes, position)
        if lead_in is not None and self.rich and self.rich[-1] == _rich_text(lead_in):
            self.rich.pop()
        else:
            lead_in = None
        self.flush()
        context = " ".join(filter(None, [self.heading, lead_in.text if lead_in else ""]))
        items = [self.symptom(text, context) for text in nodes[position].texts]
        position += 1
        when_to_get_help = ""
        following = nodes[position] if position < len(nodes) else None
        if (
            isinstance(following, Paragraph)
            and not links_in(following.html)
            and stated_level(following.text) in ("see_doctor", "urgent", "emergency")
        ):
            when_to_get_help = following.text
            position += 1
        heading = self.take_heading() or SYMPTOMS_DEFAULT_HEADING
        heading = fit(heading, SYMPTOM_HEADING_LIMIT, self.report, "A symptom list heading")
        self.converter.emit(
            "symptom_list",
            {
                "heading": heading,
                "intro": lead_in.text if lead_in else "",
                "items": items,
                "when_to_get_help": when_to_get_help,
            },
        )
        levels = Counter(item["care_level"] for item in items)
        counts = ", ".join(f"{level}: {count}" for level, count in levels.items())
        self.report.warn(
            f"Symptom list “{heading}”: care levels were inferred from the wording ({counts}). "
            "Check each one."
        )
        return position

    def symptom(self, text, context):
        name, detail = text, ""
        parts = SYMPTOM_SEPARATOR_RE.split(text, maxsplit=1)
        if len(parts) == 2 and parts[0].strip() and len(parts[0]) <= SYMPTOM_LIMIT:
            name, detail = parts[0].strip(), parts[1].strip()
        elif len(text) > SYMPTOM_LIMIT:
            name, detail = fit(text, SYMPTOM_LIMIT), text
        return {
            "symptom": name.rstrip(" .;,"),
            "detail": detail,
            "care_level": infer_care_level(text, context),
        }

    # -- questions and answers -------------------------------------------------------

    def write_question_answers(self, nodes, position):
        """Read "Q:"/"A:" pairs (an answer runs to the next question) into one FAQ block."""
        items = []
        while position < len(nodes):
            node = nodes[position]
            question = QUESTION_RE.match(node.text) if isinstance(node, Paragraph) else None
            if question:
                items.append(_question_item(question.group("text")))
            elif isinstance(node, Heading | Table):
                break
            elif items:
                items[-1]["answer"].append(self.answer_part(node))
            position += 1
        self.write_faq_block(items)
        return position

    def answer_part(self, node):
        if isinstance(node, Paragraph):
            fragment = WRAPPED_ANSWER_PREFIX_RE.sub("", node.html, count=1)
            fragment = ANSWER_PREFIX_RE.sub(lambda m: m.group(1) or "", fragment, count=1)
            return f"<p>{fragment}</p>"
        if isinstance(node, Heading):
            return f"<p><b>{node.html}</b></p>"
        return _rich_text(node)

    def write_faq(self, nodes):
        """A whole FAQ section: questions are headings, "Q:" lines or lines ending in "?"."""
        items = []
        for node in nodes:
            question = None
            if isinstance(node, Heading):
                question = node.text
            elif isinstance(node, Paragraph):
                match = QUESTION_RE.match(node.text)
                if match:
                    question = match.group("text")
                elif node.text.endswith("?") and len(node.text) <= QUESTION_LIMIT:
                    question = node.text
            if question is not None:
                items.append(_question_item(question))
            elif items:
                items[-1]["answer"].append(self.answer_part(node))
            else:
                self.rich.append(_rich_text(node))
        if not items:
            # No questions after all: an ordinary section.
            self.rich = []
            self.write_text(nodes)
            return
        self.write_faq_block(items)

    def write_faq_block(self, items):
        self.flush()
        heading = self.take_heading() or FAQ_DEFAULT_HEADING
        for item in items:
            if not item["answer"]:
                self.report.warn(f"The question “{item['question']}” has no answer: write one.")
        self.converter.emit(
            "faq",
            {
                "heading": fit(heading, FAQ_HEADING_LIMIT, self.report, "An FAQ heading"),
                "items": [
                    {
                        "question": fit(
                            item["question"], QUESTION_LIMIT, self.report, "A question"
                        ),
                        "answer": "".join(item["answer"]),
                    }
                    for item in items
                ],
            },
        )


def _question_item(text):
    """An FAQ item for a question, with its answer when on the same line ("Q: ...? A: ...")."""
    parts = INLINE_ANSWER_RE.split(text, maxsplit=1)
    if len(parts) == 3:
        return {"question": parts[0], "answer": [f"<p>{escape(parts[2], quote=False)}</p>"]}
    return {"question": text, "answer": []}


def external_links(body, site_hosts):
    """``[(text, url), ...]`` of links in the body's rich text to hosts other than ours."""
    found = []

    def visit(value):
        if isinstance(value, dict):
            for child in value.values():
                visit(child)
        elif isinstance(value, list):
            for child in value:
                visit(child)
        elif isinstance(value, str) and "<a " in value:
            for text, url in links_in(value):
                host = (urlparse(url).hostname or "").lower()
                external = (
                    url.lower().startswith(("http://", "https://")) and host not in site_hosts
                )
                if external and (text, url) not in found:
                    found.append((text, url))

    visit(body)
    return found


def convert(document, context, report):
    """Convert `document` into a Conversion, filling in `report` (blocks, warnings, links)."""
    conversion = _Converter(document, context, report).run()
    report.title = conversion.title
    report.external_links = external_links(conversion.body, context.site_hosts)
    report.dropped = [(item.text, item.reason) for item in document.dropped]
    return conversion
