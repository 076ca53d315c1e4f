"""Key points / quick summary boxes: the article's take-aways in a few short lines."""

from wagtail import blocks

from .base import ChoiceLabel, HealthStructBlock

SUMMARY_STYLES = [("key_points", "Key points"), ("quick_summary", "Quick summary")]


class KeyPointsValue(blocks.StructValue):
    #: The box's visible heading, named by its style.
    heading = ChoiceLabel("style", SUMMARY_STYLES, default="key_points")


class KeyPointsBlock(HealthStructBlock):
    """A short bulleted summary in an ``<aside>``, headed "Key points" or "Quick summary"."""

    style = blocks.ChoiceBlock(choices=SUMMARY_STYLES, default="key_points")
    points = blocks.ListBlock(
        blocks.CharBlock(max_length=255, label="Point"),
        label="Points",
        help_text="One short sentence each; three to five work best.",
    )

    class Meta:
        icon = "list-ul"
        label = "Key points"
        group = "Text"
        template = "blocks/key_points.html"
        value_class = KeyPointsValue
        help_text = "The take-aways of the article, usually placed near the top."
        description = "A boxed list of the article's key points or a quick summary."
        required_messages = {
            "style": "Choose a style.",
            "points": "Write the point, or remove the empty one.",
        }
        empty_list_messages = {"points": "Add at least one point."}
        preview_value = {
            "style": "key_points",
            "points": [
                "Vitamin B12 keeps nerves and blood cells healthy.",
                "Clams, fish, eggs and milk are good sources.",
            ],
        }
