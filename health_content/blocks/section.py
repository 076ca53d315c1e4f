"""Rich-text sections: the article's main text and the source of its table of contents."""

from django.utils.text import slugify
from wagtail import blocks

from .base import HealthStructBlock

SECTION_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]

#: Ids the article page template already uses; a section called "References" must
#: not steal the jump target of the reference list.
RESERVED_ANCHORS = frozenset(
    {"main", "article-title", "toc-heading", "references", "references-heading"}
)
ANCHOR_MAX_LENGTH = 80


def _anchor_base(value):
    slug = slugify(value.get("anchor") or "") or slugify(value.get("heading") or "") or "section"
    # Leave room for a "-NN" suffix: a stored anchor must pass the field's max_length
    # the next time the article is saved.
    return slug[: ANCHOR_MAX_LENGTH - 4].strip("-")


class SectionValue(blocks.StructValue):
    @property
    def anchor_id(self):
        """The id of the section's heading: the stored anchor, else one made from the heading.

        Stored anchors are made unique per article by `assign_section_anchors`; the
        fallback only matters for content that was never cleaned.
        """
        return _anchor_base(self)


class SectionBlock(HealthStructBlock):
    """A titled section of the article: an <h2> and rich text (h3/h4 inside).

    Every section appears in the table of contents. The anchor is filled in from the
    heading when a revision is saved (ArticlePage.save_revision calls
    `assign_section_anchors`) and then kept, so links to ``#anchor`` survive later
    edits to the heading.
    """

    heading = blocks.CharBlock(max_length=120)
    anchor = blocks.CharBlock(
        required=False,
        max_length=ANCHOR_MAX_LENGTH,
        help_text="Leave blank to generate from the heading. Used in links to this section.",
    )
    body = blocks.RichTextBlock(features=SECTION_FEATURES)

    class Meta:
        icon = "title"
        label = "Section"
        group = "Text"
        template = "blocks/section.html"
        value_class = SectionValue
        # Also the block picker's description: StructBlock falls back to help_text.
        help_text = "A heading with its text. Each section is listed in the table of contents."
        required_messages = {
            "heading": "Give the section a heading.",
            "body": "Write the text of this section.",
        }
        preview_value = {
            "heading": "How vitamin B12 keeps nerves working",
            "body": "<p>Vitamin B12 helps build <b>myelin</b>, the sheath that protects "
            "nerve fibres.</p>",
        }


def _sections(stream_value):
    return [child.value for child in stream_value.blocks_by_name("section")]


def assign_section_anchors(stream_value):
    """Give every section in `stream_value` a unique, stable anchor, in place.

    Anchors already stored are kept (slugified) in document order; blank ones are
    made from the heading. A clash gets ``-2``, ``-3``... Anchors that were stored
    before are settled first, so adding a section never renames an existing one.
    ArticlePage.save_revision calls it before every revision is stored; it is idempotent.
    """
    used = set(RESERVED_ANCHORS)
    pending = []
    for value in _sections(stream_value):
        stored = slugify(value.get("anchor") or "")[:ANCHOR_MAX_LENGTH]
        if stored and stored not in used:
            value["anchor"] = stored
            used.add(stored)
        else:
            pending.append(value)
    for value in pending:
        base = _anchor_base(value)
        anchor, suffix = base, 2
        while anchor in used:
            anchor, suffix = f"{base}-{suffix}", suffix + 1
        value["anchor"] = anchor
        used.add(anchor)


def table_of_contents(stream_value):
    """Return ``[(anchor, heading), ...]`` for the sections of `stream_value`, in order.

    Assigns anchors first (on the in-memory value only) so the list matches the ids
    the section blocks render even for content saved without validation. Sections
    of a draft that have no heading yet are left out rather than listed as empty links.
    """
    assign_section_anchors(stream_value)
    return [
        (value["anchor"], value["heading"])
        for value in _sections(stream_value)
        if value.get("heading")
    ]
