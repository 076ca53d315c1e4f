"""The medical disclaimer: managed text (a Disclaimer snippet), exactly one per article."""

from wagtail.rich_text import expand_db_html
from wagtail.snippets.blocks import SnippetChooserBlock

from ..models import Disclaimer
from .base import HealthStructBlock

BLOCK_NAME = "disclaimer"
MISSING_MESSAGE = "Add the medical disclaimer block: every article needs exactly one."
TOO_MANY_MESSAGE = "An article can have only one medical disclaimer; remove the extra one(s)."
NOT_CHOSEN_MESSAGE = "Choose the disclaimer text in the medical disclaimer block."


class DisclaimerBlock(HealthStructBlock):
    """Shows a managed Disclaimer's text; writers choose it, they never type it.

    The "exactly one per article" rule is enforced by ArticleBodyBlock.clean (on
    submit and publish) and by `disclaimer_count_errors` (the publish gate).
    """

    disclaimer = SnippetChooserBlock(
        "health_content.Disclaimer",
        help_text="Disclaimer wording is managed under Snippets.",
    )

    class Meta:
        icon = "warning"
        label = "Medical disclaimer"
        group = "Required"
        template = "blocks/disclaimer.html"
        help_text = "Required once in every article."
        description = "The managed medical disclaimer. Every article needs exactly one."
        required_messages = {"disclaimer": "Choose the disclaimer text."}

    def get_preview_value(self):
        return self.normalize({"disclaimer": Disclaimer.objects.default()})

    def get_api_representation(self, value, context=None):
        """The disclaimer's text itself (as pinned for the reader), not only its id."""
        disclaimer = value.get("disclaimer")
        return {
            "disclaimer": disclaimer
            and {"id": disclaimer.pk, "text": expand_db_html(disclaimer.text)}
        }


def count_messages(count):
    """The error for an article with `count` disclaimer blocks, or none."""
    if count == 0:
        return [MISSING_MESSAGE]
    if count > 1:
        return [TOO_MANY_MESSAGE]
    return []


def disclaimer_count_errors(stream_value):
    """Why `stream_value` (an article body) may not be submitted or published, or [].

    It needs exactly one disclaimer block, and that block must show a disclaimer:
    one left empty, or whose snippet has since been deleted, does not count as one.
    For the publish gate, which must refuse such content on every path to live.
    """
    blocks = stream_value.blocks_by_name(BLOCK_NAME)
    errors = count_messages(len(blocks))
    if not errors and blocks[0].value.get("disclaimer") is None:
        errors.append(NOT_CHOSEN_MESSAGE)
    return errors


def default_body():
    """The body a new article starts with: the default disclaimer, if one is set.

    Suitable as ``StreamField(default=default_body)`` or for assignment.
    """
    disclaimer = Disclaimer.objects.default()
    return [(BLOCK_NAME, {"disclaimer": disclaimer})] if disclaimer is not None else []
