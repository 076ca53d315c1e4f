"""Nutrient food tables in the NIH Office of Dietary Supplements style.

Writers type each food's amount of the nutrient; the percent Daily Value is always
computed from that unrounded amount and the nutrient's DV (NutrientReference), never
typed, so a DV change updates every table.
"""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from ..models import NutrientReference
from .base import AmountBlock, HealthStructBlock, format_amount


class FoodRowValue(blocks.StructValue):
    @property
    def label(self):
        """The row header, e.g. "Clams, cooked, 3 ounces"."""
        return ", ".join(
            part
            for part in (self.get("food"), self.get("preparation"), self.get("serving"))
            if part
        )

    @property
    def amount_display(self):
        return format_amount(self.get("amount"))


class FoodRowBlock(HealthStructBlock):
    """One food: what it is, how it is prepared, the serving and its nutrient amount."""

    food = blocks.CharBlock(max_length=120, help_text="e.g. Clams")
    preparation = blocks.CharBlock(required=False, max_length=120, help_text="e.g. cooked")
    serving = blocks.CharBlock(max_length=60, help_text="Household measure, e.g. 3 ounces")
    amount = AmountBlock(
        decimal_places=3,
        help_text="Amount of the nutrient per serving, in the nutrient's unit (e.g. mcg).",
    )
    source = blocks.CharBlock(
        required=False, max_length=255, help_text="Optional, e.g. USDA FoodData Central"
    )

    class Meta:
        icon = "table"
        value_class = FoodRowValue
        form_layout = blocks.BlockGroup(
            children=["food", "preparation", "serving", "amount"], settings=["source"]
        )
        required_messages = {
            "food": "Name the food.",
            "serving": "Give the serving size, e.g. '3 ounces'.",
            "amount": "Enter the amount per serving, in the nutrient's unit.",
        }

    def full_validation_errors(self, value):
        amount = value.get("amount")
        if amount is not None and amount < 0:
            return {"amount": ValidationError("The amount can't be negative.")}
        return {}


class FoodTableValue(blocks.StructValue):
    @property
    def table_rows(self):
        """Each row with its %DV, computed from the unrounded amount and the nutrient's DV."""
        nutrient = self.get("nutrient")
        return [
            {
                "label": row.label,
                "amount": row.amount_display,
                "percent_dv": (
                    nutrient.percent_daily_value(row["amount"]) if nutrient is not None else None
                ),
            }
            for row in self.get("rows") or []
        ]

    @property
    def row_sources(self):
        """The distinct sources named on rows, in order of first use."""
        return list(
            dict.fromkeys(row["source"] for row in self.get("rows") or [] if row.get("source"))
        )


class FoodTableBlock(HealthStructBlock):
    """Foods that provide a nutrient: Food | <unit> per serving | Percent DV*.

    The nutrient (a managed NutrientReference) supplies the unit, the DV and the
    footnote stating the DV basis and its source.
    """

    nutrient = SnippetChooserBlock(
        "health_content.NutrientReference",
        help_text="The nutrient supplies the unit, the Daily Value and the footnote.",
    )
    caption = blocks.CharBlock(
        max_length=200, help_text="e.g. Selected food sources of vitamin B12"
    )
    rows = blocks.ListBlock(FoodRowBlock(), label="Foods", collapsed=False)

    class Meta:
        icon = "table"
        label = "Nutrient food table"
        group = "Tables"
        template = "blocks/food_table.html"
        value_class = FoodTableValue
        help_text = "Percent Daily Value is calculated for you from each amount."
        description = (
            "Foods and their amount of one nutrient, with the percent Daily Value "
            "calculated automatically (NIH ODS style)."
        )
        label_format = "{caption}"
        required_messages = {
            "nutrient": "Choose the nutrient this table is about.",
            "caption": "Add a caption saying what the table shows.",
        }
        empty_list_messages = {"rows": "Add at least one food."}

    def get_api_representation(self, value, context=None):
        """The table as readers see it: the nutrient's reference data and each row's %DV."""
        nutrient = value.get("nutrient")
        return {
            "caption": value.get("caption"),
            "nutrient": nutrient
            and {
                "id": nutrient.pk,
                "name": nutrient.name,
                "unit": nutrient.unit,
                "daily_value": str(nutrient.daily_value),
                "dv_basis": nutrient.dv_basis,
                "source": nutrient.source,
                "source_url": nutrient.source_url,
            },
            "rows": [
                {**row, "amount": str(row["amount"]) if row["amount"] is not None else None}
                for row in value.table_rows
            ],
        }

    def get_preview_value(self):
        # The picker preview shows real reference data when there is some; a query
        # here runs only when an editor opens the preview.
        return self.normalize(
            {
                "nutrient": NutrientReference.objects.first(),
                "caption": "Selected food sources",
                "rows": [
                    {
                        "food": "Clams",
                        "preparation": "cooked",
                        "serving": "3 ounces",
                        "amount": "17",
                    },
                    {"food": "Egg", "preparation": "whole", "serving": "1 large", "amount": "0.5"},
                ],
            }
        )
