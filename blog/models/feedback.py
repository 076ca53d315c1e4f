"""What readers tell us about an article: whether it helped, and problems they found.

Both records keep the revision the reader was shown (the live revision when the
page was rendered), so an editor triaging a report reads the version it is about.
Reports are triaged in the admin ("Reader reports"); confirming a factual error
asks for the article to be medically reviewed again
(health_content.models.ReReviewRequest).
"""

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.timesince import timesince
from wagtail.admin.panels import FieldPanel

from health_content.models import ReReviewRequest

#: Longest comment or report a reader may send: enough for a paragraph and a link.
TEXT_MAX_LENGTH = 2000


class ReaderFeedbackBase(models.Model):
    page = models.ForeignKey("blog.ArticlePage", on_delete=models.CASCADE, related_name="+")
    #: The version of the article the reader was shown.
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]

    @property
    def age(self):
        """How long ago the reader sent it, e.g. "3 days"."""
        return timesince(self.created_at, timezone.now(), depth=1)


class ArticleFeedback(ReaderFeedbackBase):
    """A reader's answer to "Was this page helpful?", with an optional comment."""

    helpful = models.BooleanField()
    comment = models.TextField(blank=True, max_length=TEXT_MAX_LENGTH)

    panels = [
        FieldPanel("page", read_only=True),
        FieldPanel("helpful", read_only=True),
        FieldPanel("comment", read_only=True),
    ]

    class Meta(ReaderFeedbackBase.Meta):
        verbose_name = "reader feedback"
        verbose_name_plural = "reader feedback"

    def __str__(self):
        return f"{'Helpful' if self.helpful else 'Not helpful'}: {self.page_id}"


class ProblemReport(ReaderFeedbackBase):
    """A problem a reader reported on an article, and where editors are with it."""

    class Category(models.TextChoices):
        FACTUAL_ERROR = "factual_error", "Factual error"
        OUT_OF_DATE = "out_of_date", "Out of date"
        BROKEN_LINK = "broken_link", "Broken link"
        OTHER = "other", "Something else"

    class Status(models.TextChoices):
        NEW = "new", "New"
        CONFIRMED = "confirmed", "Confirmed"
        DISMISSED = "dismissed", "Dismissed"
        FIXED = "fixed", "Fixed"

    category = models.CharField(max_length=20, choices=Category.choices)
    detail = models.TextField("what is wrong", max_length=TEXT_MAX_LENGTH)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.NEW, db_index=True
    )
    editor_note = models.TextField(
        blank=True, help_text="For editors and reviewers: what was checked or changed."
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    handled_at = models.DateTimeField(null=True, blank=True)
    #: The medical re-review this report led to.
    rereview_request = models.ForeignKey(
        ReReviewRequest, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [
        FieldPanel("page", read_only=True),
        FieldPanel("category", read_only=True),
        FieldPanel("detail", read_only=True),
        FieldPanel("status"),
        FieldPanel("editor_note"),
    ]

    class Meta(ReaderFeedbackBase.Meta):
        verbose_name = "reader report"

    def __str__(self):
        return f"{self.get_category_display()} on page {self.page_id}"

    @property
    def leads_to_rereview(self):
        return self.status == self.Status.CONFIRMED and self.category == self.Category.FACTUAL_ERROR

    def triage(self, user):
        """Save an editor's decision; a confirmed factual error asks for a medical re-review.

        The request goes through `ReReviewRequest.objects.request`, which restarts
        the review workflow on the live article and logs it in the page history.
        """
        with transaction.atomic():
            self.handled_by = user
            self.handled_at = timezone.now()
            if self.leads_to_rereview and self.rereview_request_id is None:
                self.rereview_request = ReReviewRequest.objects.request(
                    self.page,
                    ReReviewRequest.Reason.READER_REPORT,
                    f"Reader report #{self.pk} (factual error): {self.detail}",
                    user=user,
                )
            self.save()
