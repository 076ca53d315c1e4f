"""Callouts: information, tips, warnings and when-to-see-a-doctor notes set apart from the text."""

from wagtail import blocks

from .base import ChoiceLabel, HealthStructBlock

CALLOUT_KINDS = [
    ("info", "Information"),
    ("tip", "Tip"),
    ("warning", "Warning"),
    ("see_doctor", "When to see a doctor"),
    ("emergency", "Emergency"),
]


class CalloutValue(blocks.StructValue):
    #: The visible label naming the kind, so the kind never rests on colour alone.
    kind_label = ChoiceLabel("kind", CALLOUT_KINDS, default="info")


class CalloutBlock(HealthStructBlock):
    """A boxed note of one kind, with a visible label such as "Warning".

    Rendered as an ``<aside role="note">``: the content is static, so it must not
    use ``role="alert"``, which makes screen readers interrupt the reader on load.
    """

    kind = blocks.ChoiceBlock(choices=CALLOUT_KINDS, default="info")
    title = blocks.CharBlock(
        required=False,
        max_length=120,
        help_text="Optional, e.g. 'Call 911 if you have chest pain'.",
    )
    body = blocks.RichTextBlock(features=["bold", "italic", "ol", "ul", "link"])

    class Meta:
        icon = "info-circle"
        label = "Callout"
        group = "Health"
        template = "blocks/callout.html"
        value_class = CalloutValue
        help_text = (
            "Set a note apart: information, a tip, a warning, when to see a doctor or an emergency."
        )
        description = (
            "A highlighted note: information, tip, warning, when to see a doctor or emergency."
        )
        required_messages = {
            "kind": "Choose the kind of callout.",
            "body": "Write the text of the callout.",
        }
        preview_value = {
            "kind": "see_doctor",
            "title": "Numb hands or feet?",
            "body": "<p>See a doctor: a blood test can show whether B12 is the cause.</p>",
        }
