"""Symptom lists with a care level per symptom, so readers know how soon to act."""

from wagtail import blocks

from .base import ChoiceLabel, HealthStructBlock

CARE_LEVELS = [
    ("self_care", "Self-care"),
    ("see_doctor", "See a doctor"),
    ("urgent", "Urgent: same day"),
    ("emergency", "Emergency: call emergency services"),
]
#: Care levels rendered with a warning icon and a heavy border as well as their label.
STAND_OUT_LEVELS = frozenset({"urgent", "emergency"})


class SymptomValue(blocks.StructValue):
    care_level_label = ChoiceLabel("care_level", CARE_LEVELS)

    @property
    def stands_out(self):
        return self.get("care_level") in STAND_OUT_LEVELS


class SymptomBlock(HealthStructBlock):
    """One symptom, with optional detail and how urgently to seek care for it."""

    symptom = blocks.CharBlock(max_length=120, help_text="e.g. Numbness or tingling in the feet")
    detail = blocks.TextBlock(
        required=False, help_text="Optional: what it feels like, when it happens."
    )
    care_level = blocks.ChoiceBlock(
        choices=CARE_LEVELS, help_text="How soon a reader with this symptom should get care."
    )

    class Meta:
        icon = "clipboard-list"
        value_class = SymptomValue
        required_messages = {
            "symptom": "Name the symptom.",
            "care_level": "Choose how urgently to seek care for this symptom.",
        }


class SymptomListBlock(HealthStructBlock):
    """A list of symptoms, each labelled with a care level, and when to get help.

    Urgent and emergency symptoms carry their label, a warning icon and a heavy
    border, so they stand out without relying on colour.
    """

    heading = blocks.CharBlock(max_length=120, help_text="e.g. Symptoms of vitamin B12 deficiency")
    intro = blocks.TextBlock(required=False)
    items = blocks.ListBlock(SymptomBlock(), label="Symptoms", collapsed=False)
    when_to_get_help = blocks.TextBlock(
        required=False,
        help_text="Shown in a highlighted box after the list, e.g. when to call a doctor.",
    )

    class Meta:
        icon = "clipboard-list"
        label = "Symptom list"
        group = "Health"
        template = "blocks/symptom_list.html"
        help_text = "Symptoms with how urgently to seek care for each."
        description = (
            "A list of symptoms, each labelled self-care, see a doctor, urgent or emergency."
        )
        required_messages = {"heading": "Give the symptom list a heading."}
        empty_list_messages = {"items": "Add at least one symptom."}
        preview_value = {
            "heading": "Symptoms of low vitamin B12",
            "items": [
                {"symptom": "Tiredness", "care_level": "see_doctor"},
                {
                    "symptom": "Sudden weakness on one side of the body",
                    "detail": "This can be a sign of a stroke.",
                    "care_level": "emergency",
                },
            ],
            "when_to_get_help": "See a doctor if symptoms last more than two weeks.",
        }
