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
from django.db import IntegrityError, models, transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import AbstractGroupApprovalTask, Revision, TaskState

from ..checks import run_checks
from ..forms import ATTESTATIONS, SIGNATURE_MEANING, MedicalSignOffForm, RequestChangesForm
from ..signed_scope import content_fingerprint, scope_fingerprint, signed_scope
from .audit import AuditEntry
from .profiles import ReviewerProfile
from .rereview import ReReviewRequest


class SignOffRefused(PermissionDenied):
    """Raised when a medical review action is not allowed or its form is invalid."""


def is_active_medical_reviewer(user):
    if not user.is_authenticated or not user.is_active:
        return False
    return ReviewerProfile.objects.filter(user=user, active=True).exists()


def contributors_since_last_sign_off(revision):
    """Ids of the users who wrote a revision of the page since its last sign-off, to `revision`.

    Separation of duties: none of them may sign `revision` off, whoever added the
    latest revision (a tag, an editor's approval from the page editor) and whatever
    their role, superusers included.
    """
    page_revisions = Revision.objects.filter(
        base_content_type_id=revision.base_content_type_id, object_id=revision.object_id
    )
    last = (
        SignOff.objects.filter(page_id=revision.object_id, revision__isnull=False)
        .exclude(revision=revision)
        .filter(revision__created_at__lte=revision.created_at)
        .order_by("-revision__created_at", "-pk")
        .values_list("revision__created_at", flat=True)
        .first()
    )
    since = page_revisions.filter(created_at__lte=revision.created_at)
    if last is not None:
        since = since.filter(created_at__gt=last)
    return set(since.exclude(user=None).values_list("user_id", flat=True))


def already_reviewed_message(task_state):
    """Tell a reviewer who acted on this review step first, and when."""
    task_state = TaskState.objects.filter(pk=task_state.pk).select_related("finished_by").first()
    if task_state is None or task_state.finished_at is None:
        return "Another reviewer is acting on this review right now; reload the page."
    who = task_state.finished_by.get_full_name() or task_state.finished_by.get_username()
    sign_off = SignOff.objects.filter(task_state_id=task_state.pk).first()
    if sign_off is not None:
        who = sign_off.reviewer_display
    done = {
        TaskState.STATUS_APPROVED: "signed off",
        TaskState.STATUS_REJECTED: "requested changes to",
    }.get(task_state.status, "closed")
    when = timezone.localtime(task_state.finished_at)
    return f"{who} already {done} this version on {when:%d %B %Y at %H:%M}. Nothing was changed."


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
        if revision is not None and user.pk in contributors_since_last_sign_off(revision):
            return (
                "You contributed to this article since its last medical sign-off, "
                "so another reviewer must sign it off."
            )
        return ""

    def get_actions(self, obj, user):
        if self.refusal_reason(user, obj.get_latest_revision()):
            return []
        return [
            ("reject", "Request changes", True),
            ("approve", "Approve and sign off", True),
        ]

    def get_template_for_action(self, action):
        # Names the article and revision acted on (context from health_content.viewsets).
        return "health_content/admin/medical_review_modal.html"

    def user_can_access_editor(self, obj, user):
        return user.is_superuser or self._user_in_groups(user)

    def locked_for_user(self, obj, user):
        # Reviewers read and comment; they do not rewrite the article they sign off.
        return True

    def get_form_for_action(self, action):
        return MedicalSignOffForm if action == "approve" else RequestChangesForm

    def on_action(self, task_state, user, action_name, **kwargs):
        """Validate and perform 'approve' (sign off) or 'reject' (request changes).

        The page editor posts the dialog's data as JSON straight into on_action, so
        the form, the signature included, is validated again here rather than trusted.
        A reviewer who acts a moment after another is told who acted, not shown an error.
        """
        if action_name not in ("approve", "reject"):
            raise SignOffRefused(f"Unknown review action {action_name!r}.")
        try:
            with transaction.atomic():
                return self._act(task_state, user, action_name, kwargs)
        except IntegrityError as error:
            raise SignOffRefused(already_reviewed_message(task_state)) from error

    def _act(self, task_state, user, action_name, data):
        # Lock the task state: of two reviewers acting at once, the second waits
        # here and then sees the first one's decision.
        task_state = type(task_state).objects.select_for_update().get(pk=task_state.pk)
        if task_state.status != TaskState.STATUS_IN_PROGRESS:
            raise SignOffRefused(already_reviewed_message(task_state))
        reason = self.refusal_reason(user, task_state.revision)
        if reason:
            raise SignOffRefused(reason)
        latest = task_state.revision.content_object.get_latest_revision()
        if latest.pk != task_state.revision_id:
            raise SignOffRefused(
                "The article changed after it was submitted for medical review. "
                "Ask the writer to resubmit so you review the latest version."
            )
        form = self.get_form_for_action(action_name)(data=data, user=user, task_state=task_state)
        if not form.is_valid():
            messages = [
                f"{field}: {' '.join(errors)}" if field != "__all__" else " ".join(errors)
                for field, errors in form.errors.items()
            ]
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
            authentication=form.cleaned_data["authentication_method"],
            acknowledgements=form.acknowledgements(),
            findings=form.findings,
        )
        task_state.approve(user=user, comment=comment)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if not self.refusal_reason(user, revision=None):
            return self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        return TaskState.objects.none()

    @classmethod
    def get_description(cls):
        return "A medical reviewer with an active profile signs off the article's content."


#: The order of a page's sign-offs, newest first; ties (one second) broken by creation.
NEWEST_FIRST = ("-signed_at", "-pk")


def covering_sign_off(page, newest_first):
    """The sign-off `page`'s live content went live under, from its sign-offs newest first.

    The gate only publishes content matching the page's latest sign-off, so it is
    the newest one made up to the page's last publish (later ones cover drafts not
    yet live); None when the page is not live. The one rule for a single page:
    `SignOffQuerySet.covering` hands it the database's list, a page model the
    sign-off history it has already loaded (`newest_first` is only read when the
    page is live). `SignOffQuerySet.covering_live_content` is the same rule in SQL.
    """
    if not page.live or page.last_published_at is None:
        return None
    return next((s for s in newest_first if s.signed_at <= page.last_published_at), None)


class SignOffQuerySet(models.QuerySet):
    def record(
        self,
        revision,
        user,
        *,
        attestations,
        comment="",
        task_state=None,
        authentication="",
        signed_at=None,
        acknowledgements=(),
        findings=None,
    ):
        """Record `user`'s electronic signature of `revision` and log it everywhere it must be.

        The one constructor of sign-offs: the review step, the demo content and the
        benchmark all sign through here, so every record carries the same snapshot
        of the reviewer, the signed scope (health_content.signed_scope) with its
        fingerprints, the content-check findings on what was signed, a page history
        entry and an entry in the audit chain. `findings`: the content-check findings
        the reviewer was shown (the sign-off form's); checked here when not given.
        """
        profile = user.reviewer_profile
        page = revision.content_object.specific
        signed_page = revision.as_object()
        scope = signed_scope(signed_page)
        sign_off = self.create(
            page_id=page.pk,
            page_title=page.title,
            revision=revision,
            reviewer=profile,
            user=user,
            reviewer_name=profile.display_name,
            reviewer_credentials=profile.credentials,
            reviewer_conflicts=profile.conflicts_of_interest,
            signed_at=signed_at or timezone.now(),
            meaning=SIGNATURE_MEANING,
            authentication=authentication,
            scope=scope,
            fingerprint=content_fingerprint(scope["content"]),
            scope_fingerprint=scope_fingerprint(scope),
            attestations={key: bool(value) for key, value in attestations.items()},
            acknowledgements=list(acknowledgements),
            check_findings=[
                finding.as_dict()
                for finding in (run_checks(signed_page) if findings is None else findings)
            ],
            comment=comment,
            task_state=task_state,
        )
        ReReviewRequest.objects.resolve_for(sign_off)
        log(
            instance=page,
            action="health_content.sign_off",
            user=user,
            revision=revision,
            data=sign_off.manifestation(),
        )
        AuditEntry.objects.append(
            AuditEntry.Action.SIGN_OFF,
            page=page,
            revision=revision,
            user=user,
            data=sign_off.manifestation(),
        )
        return sign_off

    def covering_live_content(self):
        """For each live article, the sign-off its live content was published under.

        `covering_sign_off`'s rule as a subquery (`latest_first_until`), so that
        listings, sitemaps and the API ask it for many pages in one query.
        """
        covering = (
            SignOff.objects.filter(page=OuterRef("page"))
            .latest_first_until(OuterRef("page__last_published_at"))
            .values("pk")[:1]
        )
        return self.filter(page__live=True, pk=Subquery(covering))

    def covering(self, page):
        """The sign-off `page`'s live content was published under, or None if it is not live.

        `covering_sign_off` over the page's sign-offs (one query, none for a page
        not live); `covering_live_content` answers the same for many pages.
        """
        return covering_sign_off(page, self.filter(page_id=page.pk).newest_first())

    def newest_first(self):
        """Newest first (`NEWEST_FIRST`), with the reviewer: the order the covering rule reads."""
        return self.select_related("reviewer").order_by(*NEWEST_FIRST)

    def latest_first_until(self, published_at):
        """Sign-offs made up to `published_at` (a datetime or an expression), newest first.

        `covering_sign_off`'s rule in SQL: the first of them is the one content
        published at `published_at` went live under.
        """
        return self.filter(signed_at__lte=published_at).order_by(*NEWEST_FIRST)

    def delete(self):
        raise PermissionDenied("Medical sign-offs are permanent records and cannot be deleted.")


class SignOff(models.Model):
    """A medical reviewer's electronic signature of one revision of one article.

    A permanent record: it cannot be deleted, and it protects what it signed. Its
    revision survives Wagtail's ``purge_revisions`` (which skips protected
    revisions) and a signed page cannot be deleted, only unpublished (the gated
    pages' permission tester offers no delete). The audit chain (AuditEntry) holds
    the tamper-evident copy.
    """

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.PROTECT, related_name="sign_offs", db_index=False
    )
    page_title = models.CharField(max_length=255, help_text="The title when it was signed.")
    revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.PROTECT, related_name="medical_sign_offs"
    )
    reviewer = models.ForeignKey(
        "health_content.ReviewerProfile", on_delete=models.PROTECT, related_name="sign_offs"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="medical_sign_offs"
    )
    reviewer_name = models.CharField(max_length=120)
    reviewer_credentials = models.CharField(max_length=60)
    reviewer_conflicts = models.TextField(
        blank=True, help_text="The reviewer's declared conflicts of interest when they signed."
    )
    signed_at = models.DateTimeField()
    meaning = models.TextField(help_text="What the signature means, as the reviewer was told.")
    authentication = models.CharField(
        max_length=60, blank=True, help_text="How the reviewer re-authenticated to sign."
    )
    scope = models.JSONField(
        default=dict, help_text="Everything the reader sees of the article, as signed."
    )
    fingerprint = models.CharField(
        max_length=64, help_text="SHA-256 of the reviewed content (what the publish gate compares)."
    )
    scope_fingerprint = models.CharField(
        max_length=64, blank=True, help_text="SHA-256 of the whole signed scope."
    )
    attestations = models.JSONField(default=dict)
    acknowledgements = models.JSONField(
        default=list,
        blank=True,
        help_text="The content-check warnings the reviewer acknowledged, one finding each.",
    )
    check_findings = models.JSONField(
        default=list,
        blank=True,
        help_text="Every content-check finding on the signed revision when it was signed.",
    )
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
        ordering = list(NEWEST_FIRST)
        indexes = [models.Index(fields=["page", "-signed_at"])]

    def __str__(self):
        return f"{self.reviewer_name}, {self.reviewer_credentials} on {self.signed_at:%Y-%m-%d}"

    @property
    def reviewer_display(self):
        return f"{self.reviewer_name}, {self.reviewer_credentials}"

    def manifestation(self):
        """The signature as shown to people: who, with what credentials, when, meaning what."""
        return {
            "sign_off_id": self.pk,
            "reviewer": self.reviewer_display,
            "signed_at": self.signed_at.isoformat(),
            "meaning": self.meaning,
            "authentication": self.authentication,
            "fingerprint": self.fingerprint,
            "scope_fingerprint": self.scope_fingerprint,
            "attestations": self.attestations,
        }

    def delete(self, *args, **kwargs):
        raise PermissionDenied("Medical sign-offs are permanent records and cannot be deleted.")


#: Fields of a sign-off that its audit entry repeats and must still agree with.
CROSS_CHECKED = ("reviewer", "signed_at", "meaning", "fingerprint", "scope_fingerprint")


def sign_off_audit_problems(sign_offs=None, entries=None):
    """Sentences for sign-offs that differ from the audit entry recorded when they were signed.

    Every sign-off and sign-off entry by default; or the given `sign_offs` and
    audit `entries` (e.g. one page's), in which entries of other actions are ignored.
    """
    if entries is None:
        entries = AuditEntry.objects.filter(action=AuditEntry.Action.SIGN_OFF)
    entries = {
        entry.data.get("sign_off_id"): entry
        for entry in entries
        if entry.action == AuditEntry.Action.SIGN_OFF
    }
    problems = []
    for sign_off in SignOff.objects.order_by("pk") if sign_offs is None else sign_offs:
        entry = entries.pop(sign_off.pk, None)
        if entry is None:
            problems.append(f"Sign-off #{sign_off.pk} has no audit entry.")
            continue
        recorded = sign_off.manifestation()
        changed = [name for name in CROSS_CHECKED if entry.data.get(name) != recorded[name]]
        if changed:
            problems.append(
                f"Sign-off #{sign_off.pk} differs from audit entry #{entry.sequence} "
                f"({', '.join(changed)})."
            )
    problems += [
        f"Audit entry #{entry.sequence} records sign-off #{pk}, which no longer exists."
        for pk, entry in entries.items()
    ]
    return problems


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
