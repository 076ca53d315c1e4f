from decimal import ROUND_HALF_UP, Decimal

from django.core.validators import MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class NutrientReference(index.Indexed, models.Model):
    """Reference data for one nutrient: its unit and Daily Value, with the source.

    Food tables choose a nutrient from here and compute %DV from it, so a change of
    DV (as the FDA made in 2016) is made once and every table follows.
    """

    name = models.CharField(max_length=80, unique=True)
    unit = models.CharField(
        max_length=12, help_text="Unit of amounts and the DV, e.g. mcg, mg, IU."
    )
    daily_value = models.DecimalField(
        max_digits=10,
        decimal_places=3,
        validators=[MinValueValidator(0.001)],
        help_text="Daily Value in the nutrient's unit.",
    )
    dv_basis = models.CharField(
        "DV basis",
        max_length=255,
        help_text="Stated under food tables, e.g. 'The DV for vitamin B12 is 2.4 mcg for "
        "adults and children age 4 years and older.'",
    )
    source = models.CharField(max_length=255, help_text="Where the DV comes from.")
    source_url = models.URLField(blank=True)
    upper_limit = models.DecimalField(
        "tolerable upper intake level",
        max_digits=10,
        decimal_places=3,
        null=True,
        blank=True,
        validators=[MinValueValidator(0.001)],
        help_text="Adult daily UL in the nutrient's unit; leave empty where none is set "
        "(e.g. vitamin B12). The content checks flag doses above it.",
    )
    upper_limit_source = models.CharField(
        "UL source", max_length=255, blank=True, help_text="Where the UL comes from."
    )
    upper_limit_source_url = models.URLField("UL source URL", blank=True)

    #: What readers see of a nutrient in food tables (health_content.signed_scope).
    #: The UL is not shown to readers (only the checks read it), so it is not signed.
    signed_fields = ("name", "unit", "daily_value", "dv_basis", "source", "source_url")

    panels = [
        FieldPanel("name"),
        FieldPanel("unit"),
        FieldPanel("daily_value"),
        FieldPanel("dv_basis"),
        FieldPanel("source"),
        FieldPanel("source_url"),
        FieldPanel("upper_limit"),
        FieldPanel("upper_limit_source"),
        FieldPanel("upper_limit_source_url"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = "nutrient"

    def __str__(self):
        return f"{self.name} ({self.unit})"

    def percent_daily_value(self, amount):
        """%DV of `amount` (in this nutrient's unit), from the unrounded amount, rounded last."""
        if amount is None:
            return None
        percent = Decimal(amount) * 100 / self.daily_value
        return int(percent.quantize(Decimal(1), rounding=ROUND_HALF_UP))
