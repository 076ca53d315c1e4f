"""Medical review: who may sign off, the sign-off form, and what approving does.

The workflow task (health_content.models.MedicalReviewTask) delegates here so the
rules read in one place: the admin's approval dialog, the page editor's JSON
action data and code all pass through `perform_medical_review_action`.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from .publish_gate import fingerprint_revision

ATTESTATIONS = {
    "claims_checked": "I checked the article's claims against the cited sources.",
    "doses_checked": "I checked every dose, figure and unit.",
    "disclaimer_appropriate": "The medical disclaimer is appropriate for this article.",
}


class MedicalSignOffForm(forms.Form):
    """The approval dialog: every attestation must be ticked; the comment is kept."""

    claims_checked = forms.BooleanField(label=ATTESTATIONS["claims_checked"])
    doses_checked = forms.BooleanField(label=ATTESTATIONS["doses_checked"])
    disclaimer_appropriate = forms.BooleanField(label=ATTESTATIONS["disclaimer_appropriate"])
    comment = forms.CharField(
        label="Review comment",
        required=False,
        widget=forms.Textarea({"rows": 3}),
        help_text="Shown in the page history with your sign-off.",
    )


class RequestChangesForm(forms.Form):
    """Requesting changes must tell the writer what to change."""

    comment = forms.CharField(
        label="What needs to change",
        widget=forms.Textarea({"rows": 4}),
        error_messages={"required": "Tell the writer what needs to change."},
    )


class SignOffRefused(PermissionDenied):
    """Raised when a medical review action is not allowed or its form is invalid."""


def is_active_medical_reviewer(user):
    from .models import ReviewerProfile

    if not user.is_authenticated or not user.is_active:
        return False
    return ReviewerProfile.objects.filter(user=user, active=True).exists()


def revision_author_id(obj):
    revision = obj.get_latest_revision()
    return revision.user_id if revision else None


def can_act_on_medical_review(user, task, obj):
    """Group member with an active reviewer profile, not the author of the revision under review."""
    if not (task._user_in_groups(user) and is_active_medical_reviewer(user)):
        return False
    return revision_author_id(obj) != user.pk


def refusal_reason(user, task, task_state):
    if not task._user_in_groups(user):
        return "Only members of the medical review group can act on this step."
    if not is_active_medical_reviewer(user):
        return "Only a medical reviewer with an active reviewer profile can sign off articles."
    if task_state.revision.user_id == user.pk:
        return "You wrote this version of the article, so another reviewer must sign it off."
    latest = task_state.revision.content_object.get_latest_revision()
    if latest.pk != task_state.revision_id:
        return (
            "The article changed after it was submitted for medical review. "
            "Ask the writer to resubmit so you review the latest version."
        )
    return ""


@transaction.atomic
def perform_medical_review_action(task, task_state, user, action_name, data):
    """Validate and perform 'approve' (sign off) or 'reject' (request changes)."""
    reason = refusal_reason(user, task, task_state)
    if reason:
        raise SignOffRefused(reason)
    form_class = MedicalSignOffForm if action_name == "approve" else RequestChangesForm
    if action_name not in ("approve", "reject"):
        raise SignOffRefused(f"Unknown review action {action_name!r}.")
    # The page editor posts the dialog's data as JSON straight into on_action,
    # so the form is validated again here rather than trusted.
    form = form_class(data=data)
    if not form.is_valid():
        messages = [f"{field}: {' '.join(errors)}" for field, errors in form.errors.items()]
        raise SignOffRefused("The review form is incomplete. " + " ".join(messages))
    comment = form.cleaned_data["comment"]
    # Return nothing: the admin treats on_action's return value as a redirect URL.
    if action_name == "reject":
        task_state.reject(user=user, comment=comment)
        return
    record_sign_off(task_state, user, form.cleaned_data)
    task_state.approve(user=user, comment=comment)


def record_sign_off(task_state, user, cleaned_data):
    from .models import SignOff

    profile = user.reviewer_profile
    revision = task_state.revision
    page = revision.content_object.specific
    sign_off = SignOff.objects.create(
        page=page,
        revision=revision,
        reviewer=profile,
        user=user,
        reviewer_name=profile.display_name,
        reviewer_credentials=profile.credentials,
        signed_at=timezone.now(),
        fingerprint=fingerprint_revision(revision),
        attestations={key: bool(cleaned_data[key]) for key in ATTESTATIONS},
        comment=cleaned_data.get("comment", ""),
        task_state=task_state,
    )
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
