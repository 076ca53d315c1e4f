"""Requests to review a live article again, and why.

A live article stays live while it waits: taking content down is a separate,
always-available decision. The request is what tells editors and reviewers that
something the article depends on changed (reference data, a reader's confirmed
error report...), and it is resolved by the next medical sign-off of that article.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import WorkflowState


class ReReviewRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_by__isnull=True)

    def request(self, page, reason, detail, *, user=None):
        """Ask for `page` (a live gated page) to be medically reviewed again.

        Records the request and logs it in the page history; starts the review
        workflow on the live revision when the page has no workflow in progress
        and no unsubmitted draft (a draft is the writer's to submit). One open
        request per page and reason: asking twice adds the detail to the first.
        """
        existing = self.open().filter(page_id=page.pk, reason=reason).first()
        if existing is not None:
            if detail not in existing.detail:
                existing.detail = f"{existing.detail}\n{detail}"
                existing.save(update_fields=["detail"])
            return existing
        request = self.create(page_id=page.pk, reason=reason, detail=detail, requested_by=user)
        log(
            instance=page,
            action="health_content.rereview_requested",
            user=user,
            data={"reason": request.get_reason_display(), "detail": detail},
        )
        in_progress = WorkflowState.objects.for_instance(page).active().exists()
        workflow = page.get_workflow()
        if (
            workflow
            and not in_progress
            and page.live
            and page.latest_revision_id == page.live_revision_id
        ):
            workflow.start(page, user)
        return request

    def resolve_for(self, sign_off):
        """Close the page's open requests: `sign_off` is the new review they asked for."""
        return self.open().filter(page_id=sign_off.page_id).update(resolved_by=sign_off)


class ReReviewRequest(models.Model):
    """A live article that must be medically reviewed again, with the reason."""

    class Reason(models.TextChoices):
        REFERENCE_DATA = "reference_data", "Data shown in the article changed"
        READER_REPORT = "reader_report", "A reader's error report was confirmed"
        EDITOR = "editor", "An editor asked for a new review"

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="rereview_requests"
    )
    reason = models.CharField(max_length=30, choices=Reason.choices)
    detail = models.TextField(help_text="What changed or what was reported, for the reviewer.")
    requested_at = models.DateTimeField(default=timezone.now)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    #: The sign-off that resolved the request (its ``signed_at`` says when); None while open.
    resolved_by = models.ForeignKey(
        "SignOff", null=True, blank=True, on_delete=models.PROTECT, related_name="resolved_requests"
    )

    objects = ReReviewRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_at", "-pk"]
        indexes = [
            models.Index(
                fields=["page"], condition=models.Q(resolved_by=None), name="rereview_open_by_page"
            )
        ]

    def __str__(self):
        return f"Re-review of page {self.page_id}: {self.get_reason_display()}"
