"""The medical review dialogs: signing off and requesting changes."""

from django import forms

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
