"""The medical review step of the workflow and the sign-off it records.

A sign-off is data, never text a writer types: who signed (a user with an active
reviewer profile), a snapshot of their name and credentials, when, which revision,
a SHA-256 fingerprint of that revision's content and the reviewer's attestations.
The publish gate (health_content.publish_gate) trusts nothing else.

Who may act and what approving does live on `MedicalReviewTask`, as Wagtail's own
tasks keep theirs (wagtail.models.workflows): the approval dialog, the page
editor's JSON action data and code all arrive in `MedicalReviewTask.on_action`.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import AbstractGroupApprovalTask, TaskState

from ..fingerprint import fingerprint_revision
from ..forms import ATTESTATIONS, MedicalSignOffForm, RequestChangesForm
from .profiles import ReviewerProfile
from .rereview import ReReviewRequest


class SignOffRefused(PermissionDenied):
    """Raised when a medical review action is not allowed or its form is invalid."""


def is_active_medical_reviewer(user):
    if not user.is_authenticated or not user.is_active:
        return False
    return ReviewerProfile.objects.filter(user=user, active=True).exists()


class MedicalReviewTaskState(TaskState):
    """Task state of the medical review step; its sign-off, if approved, is `sign_off`."""

    class Meta:
        verbose_name = "medical review task state"


class MedicalReviewTask(AbstractGroupApprovalTask):
    """Workflow step in which a credentialed medical reviewer signs off an article.

    Only members of the task's groups who have an active ReviewerProfile may act,
    and never on a revision they authored. Approving requires the attestations of
    `MedicalSignOffForm` and records a SignOff.
    """

    task_state_class = MedicalReviewTaskState

    class Meta:
        verbose_name = "medical review task"

    def refusal_reason(self, user, revision):
        """Why `user` may not review `revision`, as a sentence; empty when they may."""
        if not self._user_in_groups(user):
            return "Only members of the medical review group can act on this step."
        if not is_active_medical_reviewer(user):
            return "Only a medical reviewer with an active reviewer profile can sign off articles."
        if revision is not None and revision.user_id == user.pk:
            return "You wrote this version of the article, so another reviewer must sign it off."
        return ""

    def get_actions(self, obj, user):
        if self.refusal_reason(user, obj.get_latest_revision()):
            return []
        return [
            ("reject", "Request changes", True),
            ("approve", "Approve and sign off", True),
        ]

    def get_form_for_action(self, action):
        return MedicalSignOffForm if action == "approve" else RequestChangesForm

    def get_template_for_action(self, action):
        return ""

    def user_can_access_editor(self, obj, user):
        return user.is_superuser or self._user_in_groups(user)

    def locked_for_user(self, obj, user):
        # Reviewers read and comment; they do not rewrite the article they sign off.
        return True

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        """Validate and perform 'approve' (sign off) or 'reject' (request changes)."""
        reason = self.refusal_reason(user, task_state.revision)
        if reason:
            raise SignOffRefused(reason)
        latest = task_state.revision.content_object.get_latest_revision()
        if latest.pk != task_state.revision_id:
            raise SignOffRefused(
                "The article changed after it was submitted for medical review. "
                "Ask the writer to resubmit so you review the latest version."
            )
        if action_name not in ("approve", "reject"):
            raise SignOffRefused(f"Unknown review action {action_name!r}.")
        # The page editor posts the dialog's data as JSON straight into on_action,
        # so the form is validated again here rather than trusted.
        form = self.get_form_for_action(action_name)(data=kwargs)
        if not form.is_valid():
            messages = [f"{field}: {' '.join(errors)}" for field, errors in form.errors.items()]
            raise SignOffRefused("The review form is incomplete. " + " ".join(messages))
        comment = form.cleaned_data["comment"]
        # Return nothing: the admin treats on_action's return value as a redirect URL.
        if action_name == "reject":
            task_state.reject(user=user, comment=comment)
            return
        SignOff.objects.record(
            task_state.revision,
            user,
            attestations={key: form.cleaned_data[key] for key in ATTESTATIONS},
            comment=comment,
            task_state=task_state,
        )
        task_state.approve(user=user, comment=comment)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if not self.refusal_reason(user, revision=None):
            return self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        return TaskState.objects.none()

    @classmethod
    def get_description(cls):
        return "A medical reviewer with an active profile signs off the article's content."


class SignOffQuerySet(models.QuerySet):
    def record(self, revision, user, *, attestations, comment="", task_state=None, signed_at=None):
        """Record `user`'s sign-off of `revision` and log it in the page history.

        The one constructor of sign-offs: the review step, the demo content and the
        benchmark all sign through here, so every record carries the same snapshot
        of the reviewer, the fingerprint of the signed content and a history entry.
        """
        profile = user.reviewer_profile
        page = revision.content_object
        sign_off = self.create(
            page_id=page.pk,
            revision=revision,
            reviewer=profile,
            user=user,
            reviewer_name=profile.display_name,
            reviewer_credentials=profile.credentials,
            signed_at=signed_at or timezone.now(),
            fingerprint=fingerprint_revision(revision),
            attestations={key: bool(value) for key, value in attestations.items()},
            comment=comment,
            task_state=task_state,
        )
        ReReviewRequest.objects.resolve_for(sign_off)
        log(
            instance=page,
            action="health_content.sign_off",
            user=user,
            revision=revision,
            data={
                "sign_off_id": sign_off.pk,
                "reviewer": sign_off.reviewer_display,
                "fingerprint": sign_off.fingerprint,
                "attestations": sign_off.attestations,
            },
        )
        return sign_off

    def covering_live_content(self):
        """For each live article, the sign-off its live content was published under.

        The gate only publishes content matching the article's latest sign-off, so
        the sign-off covering live content is the latest one made before the
        article was last published (later ones cover drafts not yet live).
        """
        covering = (
            SignOff.objects.filter(page=OuterRef("page"))
            .latest_first_until(OuterRef("page__last_published_at"))
            .values("pk")[:1]
        )
        return self.filter(page__live=True, pk=Subquery(covering))

    def latest_first_until(self, published_at):
        """Sign-offs made up to `published_at` (a datetime or an expression), newest first.

        The first of them is the one content published at `published_at` went live under.
        """
        return self.filter(signed_at__lte=published_at).order_by("-signed_at", "-pk")


class SignOff(models.Model):
    """A medical reviewer's recorded approval of one revision of one article."""

    page = models.ForeignKey("blog.ArticlePage", on_delete=models.CASCADE, related_name="sign_offs")
    revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.CASCADE, related_name="medical_sign_offs"
    )
    reviewer = models.ForeignKey(
        "health_content.ReviewerProfile", on_delete=models.PROTECT, related_name="sign_offs"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="medical_sign_offs"
    )
    reviewer_name = models.CharField(max_length=120)
    reviewer_credentials = models.CharField(max_length=60)
    signed_at = models.DateTimeField()
    fingerprint = models.CharField(max_length=64, help_text="SHA-256 of the reviewed content.")
    attestations = models.JSONField(default=dict)
    comment = models.TextField(blank=True)
    task_state = models.OneToOneField(
        MedicalReviewTaskState,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sign_off",
    )

    objects = SignOffQuerySet.as_manager()

    class Meta:
        ordering = ["-signed_at", "-pk"]
        indexes = [models.Index(fields=["page", "-signed_at"])]

    def __str__(self):
        return f"{self.reviewer_name}, {self.reviewer_credentials} on {self.signed_at:%Y-%m-%d}"

    @property
    def reviewer_display(self):
        return f"{self.reviewer_name}, {self.reviewer_credentials}"


class ReviewReminder(models.Model):
    """One reminder sent for one article's review due date, so cron reruns send no duplicates."""

    page = models.ForeignKey("blog.ArticlePage", on_delete=models.CASCADE, related_name="+")
    due_date = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "due_date"], name="one_reminder_per_due_date")
        ]

    def __str__(self):
        return f"Reminder for page {self.page_id}, due {self.due_date}"
