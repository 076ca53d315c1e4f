from django.conf import settings
from django.db import models
from django.urls import reverse
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index


class ProfileBase(index.Indexed, models.Model):
    """Fields every public person profile has; each gets a page listing their articles."""

    display_name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True, help_text="Used in the profile's URL.")
    bio = RichTextField(blank=True, features=["bold", "italic", "link"])
    photo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    conflicts_of_interest = models.TextField(
        "conflicts of interest",
        blank=True,
        max_length=1000,
        help_text=(
            "Payments, employment, shareholdings or other ties to companies or groups "
            "with an interest in health topics, shown to readers. Leave blank if none."
        ),
    )

    search_fields = [index.SearchField("display_name"), index.AutocompleteField("display_name")]

    #: The URL name of the reader page listing this person's articles; the reader
    #: pages are the blog app's URLs, found by name.
    page_url_name = None

    class Meta:
        abstract = True
        ordering = ["display_name"]

    def __str__(self):
        return self.display_name

    def get_absolute_url(self):
        return reverse(self.page_url_name, args=[self.slug])


class AuthorProfile(ProfileBase):
    """A writer's public byline. `user` links it to an admin account when the writer has one."""

    page_url_name = "blog:author"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author_profile",
    )
    job_title = models.CharField(max_length=120, blank=True)

    #: What readers see of an author in bylines and metadata (health_content.signed_scope).
    signed_fields = ("display_name", "slug", "job_title", "conflicts_of_interest")

    panels = [
        FieldPanel("display_name"),
        FieldPanel("slug"),
        FieldPanel("user"),
        FieldPanel("job_title"),
        FieldPanel("bio"),
        FieldPanel("photo"),
        FieldPanel("conflicts_of_interest"),
    ]

    class Meta(ProfileBase.Meta):
        verbose_name = "author profile"


class ReviewerProfile(ProfileBase):
    """A medical reviewer's credentials. Only users with an active profile may sign off.

    The sign-off record snapshots name, credentials and declared conflicts of
    interest, so later edits to a profile never rewrite what a past review said.
    """

    page_url_name = "blog:reviewer"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="reviewer_profile"
    )
    credentials = models.CharField(
        max_length=60,
        help_text="Post-nominal credentials as shown to readers, e.g. MD, RD, PharmD.",
    )
    specialty = models.CharField(max_length=120, blank=True)
    registration_body = models.CharField(
        max_length=120,
        blank=True,
        help_text="e.g. General Medical Council, Commission on Dietetic Registration.",
    )
    registration_number = models.CharField(max_length=60, blank=True)
    active = models.BooleanField(
        default=True, help_text="Inactive reviewers keep their past sign-offs but cannot sign off."
    )

    panels = [
        FieldPanel("user"),
        FieldPanel("display_name"),
        FieldPanel("slug"),
        FieldPanel("credentials"),
        FieldPanel("specialty"),
        FieldPanel("registration_body"),
        FieldPanel("registration_number"),
        FieldPanel("bio"),
        FieldPanel("photo"),
        FieldPanel("conflicts_of_interest"),
        FieldPanel("active"),
    ]

    class Meta(ProfileBase.Meta):
        verbose_name = "reviewer profile"

    @property
    def name_with_credentials(self):
        return f"{self.display_name}, {self.credentials}" if self.credentials else self.display_name
