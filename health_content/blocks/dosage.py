"""Dosage guidance tables: who, how much, how often and by which route."""

from django.core.exceptions import ValidationError
from wagtail import blocks

from .base import AmountBlock, ChoiceLabel, HealthStructBlock, format_amount

ROUTES = [
    ("oral", "Oral"),
    ("topical", "Topical"),
    ("injection", "Injection"),
    ("inhaled", "Inhaled"),
    ("other", "Other"),
]


class DosageRowValue(blocks.StructValue):
    @property
    def dose(self):
        """Amount and unit as one string, e.g. "2.4 mcg"."""
        return " ".join(
            part for part in (format_amount(self.get("amount")), self.get("unit")) if part
        )

    route_label = ChoiceLabel("route", ROUTES)


class DosageValue(blocks.StructValue):
    @property
    def caption(self):
        """The table's caption, which also names its scrolling region."""
        return f"Dosage guidance: {self.get('substance') or ''}"

    @property
    def has_row_notes(self):
        """Whether any row has a note: the Notes column is left out otherwise."""
        return any(row.get("note") for row in self.get("rows") or [])


class DosageRowBlock(HealthStructBlock):
    """One population's dose."""

    population = blocks.CharBlock(max_length=120, help_text="e.g. Adults 19+")
    amount = AmountBlock(decimal_places=3)
    unit = blocks.CharBlock(max_length=20, help_text="e.g. mcg, mg, IU")
    frequency = blocks.CharBlock(max_length=120, help_text="e.g. once daily")
    route = blocks.ChoiceBlock(choices=ROUTES, default="oral")
    note = blocks.CharBlock(required=False, max_length=255)

    class Meta:
        icon = "decimal"
        value_class = DosageRowValue
        required_messages = {
            "population": "Say who this dose is for, e.g. 'Adults 19+'.",
            "amount": "Enter the dose amount.",
            "unit": "Enter the unit, e.g. mcg.",
            "frequency": "Say how often, e.g. 'once daily'.",
            "route": "Choose how it is taken.",
        }

    def full_validation_errors(self, value):
        amount = value.get("amount")
        if amount is not None and amount <= 0:
            return {"amount": ValidationError("The dose must be more than zero.")}
        return {}


class DosageBlock(HealthStructBlock):
    """Dosage guidance for one substance, as a table, always with a "follow your clinician" line.

    For general information on usual doses (e.g. recommended intakes); it never
    replaces individual advice, which the rendered block says in visible text.
    """

    substance = blocks.CharBlock(max_length=120, help_text="e.g. Vitamin B12 (cyanocobalamin)")
    rows = blocks.ListBlock(DosageRowBlock(), label="Doses", collapsed=False)
    note = blocks.TextBlock(required=False, help_text="Optional note shown under the table.")

    class Meta:
        icon = "decimal"
        label = "Dosage guidance"
        group = "Health"
        template = "blocks/dosage.html"
        value_class = DosageValue
        help_text = (
            "Usual doses by population; readers are told to follow their clinician's advice."
        )
        description = "A table of usual doses by population, frequency and route."
        required_messages = {"substance": "Name the substance."}
        empty_list_messages = {"rows": "Add at least one dose."}
        preview_value = {
            "substance": "Vitamin B12",
            "rows": [
                {
                    "population": "Adults 19+",
                    "amount": "2.4",
                    "unit": "mcg",
                    "frequency": "daily",
                    "route": "oral",
                }
            ],
        }
