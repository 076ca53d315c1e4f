from django.db import models, transaction
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import RevisionMixin
from wagtail.search import index


class DisclaimerQuerySet(models.QuerySet):
    def default(self):
        return self.filter(is_default=True).first()


class Disclaimer(RevisionMixin, index.Indexed, models.Model):
    """A managed medical disclaimer that articles choose through the disclaimer block.

    Editors keep the wording here, with revisions, instead of writers typing it into
    each article. Exactly one disclaimer may be the default: new articles start with
    it, and the importer attaches it when a pasted article has none.
    """

    name = models.CharField(max_length=120, unique=True, help_text="Internal name, e.g. 'General'.")
    text = RichTextField(features=["bold", "italic", "link"])
    is_default = models.BooleanField(
        default=False, help_text="New articles start with the default disclaimer."
    )

    objects = DisclaimerQuerySet.as_manager()
    #: What readers see of a disclaimer (health_content.signed_scope).
    signed_fields = ("text",)

    panels = [FieldPanel("name"), FieldPanel("text"), FieldPanel("is_default")]
    search_fields = [index.SearchField("name"), index.SearchField("text")]

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"],
                condition=models.Q(is_default=True),
                name="one_default_disclaimer",
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # Marking one disclaimer default demotes the previous one rather than
        # failing on the unique constraint.
        with transaction.atomic():
            if self.is_default:
                Disclaimer.objects.filter(is_default=True).exclude(pk=self.pk).update(
                    is_default=False
                )
            super().save(*args, **kwargs)
