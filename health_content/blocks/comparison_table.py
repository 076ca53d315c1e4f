"""Comparison tables: typed columns (text, number, rich text) with real table markup.

Built on Wagtail's TypedTableBlock rather than TableBlock, which renders cells as
raw HTML and had an XSS advisory; here every cell is a block that escapes its value.
"""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import (
    TypedTableBlock,
    TypedTableBlockValidationError,
)

from .base import AmountBlock, HealthStructBlock


class ComparisonTableBlock(HealthStructBlock):
    """A captioned table comparing things, e.g. animal vs fortified sources of B12.

    Column headings become ``<th scope="col">`` and the first column
    ``<th scope="row">``, so each cell is announced with its row and column.
    """

    caption = blocks.CharBlock(
        max_length=200,
        help_text="Says what the table compares, e.g. 'Animal and fortified sources of B12'.",
    )
    table = TypedTableBlock(
        [
            ("text", blocks.CharBlock(required=False, label="Text")),
            ("numeric", AmountBlock(required=False, label="Number")),
            (
                "rich_text",
                blocks.RichTextBlock(
                    required=False, features=["bold", "italic", "link"], label="Rich text"
                ),
            ),
        ],
        help_text="The first column labels each row. The caption above is the one "
        "readers see; the table's own caption field is not used.",
    )

    class Meta:
        icon = "grid"
        label = "Comparison table"
        group = "Tables"
        template = "blocks/comparison_table.html"
        help_text = "Give every column a heading; the first column names each row."
        description = "A table comparing options side by side, with headed rows and columns."
        required_messages = {"caption": "Add a caption saying what the table compares."}
        preview_value = {
            "caption": "Animal and fortified sources of vitamin B12",
            "table": {
                "columns": [
                    {"type": "text", "heading": "Feature"},
                    {"type": "text", "heading": "Animal foods"},
                    {"type": "text", "heading": "Fortified foods"},
                ],
                "rows": [
                    {"values": ["Suits vegans", "No", "Yes"]},
                    {"values": ["Examples", "Clams, eggs, milk", "Cereals, plant milks"]},
                ],
            },
        }

    def full_validation_errors(self, value):
        table = value.get("table")
        if table is None or not table.columns or not table.row_data:
            message = "Add at least one column and one row."
        elif not all((column["heading"] or "").strip() for column in table.columns):
            message = "Give every column a heading."
        else:
            return {}
        return {
            "table": TypedTableBlockValidationError(non_block_errors=[ValidationError(message)])
        }
