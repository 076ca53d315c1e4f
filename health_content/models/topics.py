from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Topic(index.Indexed, models.Model):
    """A managed subject articles are filed under: a condition, a nutrient or a general theme."""

    class Kind(models.TextChoices):
        CONDITION = "condition", "Condition"
        NUTRIENT = "nutrient", "Nutrient"
        GENERAL = "general", "General health"

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.GENERAL)
    description = models.TextField(blank=True, help_text="Shown on the topic page.")

    #: What readers see of a topic on an article and in its metadata (signed_scope).
    signed_fields = ("name", "slug", "kind")

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("kind"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name
