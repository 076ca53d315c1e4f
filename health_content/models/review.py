"""The medical review step of the workflow and the sign-off it records.

A sign-off is data, never text a writer types: who signed (a user with an active
reviewer profile), a snapshot of their name and credentials, when, which revision,
a SHA-256 fingerprint of that revision's content and the reviewer's attestations.
The publish gate (health_content.publish_gate) trusts nothing else.
"""

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Subquery
from wagtail.models import AbstractGroupApprovalTask, TaskState


class MedicalReviewTaskState(TaskState):
    """Task state of the medical review step; its sign-off, if approved, is `sign_off`."""

    class Meta:
        verbose_name = "medical review task state"


class MedicalReviewTask(AbstractGroupApprovalTask):
    """Workflow step in which a credentialed medical reviewer signs off an article.

    Only members of the task's groups who have an active ReviewerProfile may act,
    and never on a revision they authored. Approving requires the attestations of
    `MedicalSignOffForm` and records a SignOff; the rules live in
    health_content.review so the admin and code paths share them.
    """

    task_state_class = MedicalReviewTaskState

    class Meta:
        verbose_name = "medical review task"

    def get_actions(self, obj, user):
        from health_content import review

        if not review.can_act_on_medical_review(user, self, obj):
            return []
        return [
            ("reject", "Request changes", True),
            ("approve", "Approve and sign off", True),
        ]

    def get_form_for_action(self, action):
        from health_content.review import MedicalSignOffForm, RequestChangesForm

        return MedicalSignOffForm if action == "approve" else RequestChangesForm

    def get_template_for_action(self, action):
        return ""

    def user_can_access_editor(self, obj, user):
        return user.is_superuser or self._user_in_groups(user)

    def locked_for_user(self, obj, user):
        # Reviewers read and comment; they do not rewrite the article they sign off.
        return True

    def on_action(self, task_state, user, action_name, **kwargs):
        from health_content import review

        return review.perform_medical_review_action(self, task_state, user, action_name, kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        from health_content import review

        if review.is_active_medical_reviewer(user) and self._user_in_groups(user):
            return self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        return TaskState.objects.none()

    @classmethod
    def get_description(cls):
        return "A medical reviewer with an active profile signs off the article's content."


class SignOffQuerySet(models.QuerySet):
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
