"""The medical review dialogs: signing off (an electronic signature) and requesting changes.

Signing off is modelled on 21 CFR Part 11 as a design guide, not a legal claim:
the reviewer re-enters their password (and a one-time code when they have set up
an authenticator) at the moment of signing, the dialog states what the signature
means, and the record (health_content.models.SignOff) keeps the meaning, name,
credentials, date and time, bound to the fingerprint of the signed scope.
"""

from django import forms
from django.contrib.auth import authenticate
from django.core import signing
from django_otp import devices_for_user

from .checks import run_checks, warning_findings

ATTESTATIONS = {
    "claims_checked": "I checked the article's claims against the cited sources.",
    "doses_checked": "I checked every dose, figure and unit.",
    "disclaimer_appropriate": "The medical disclaimer is appropriate for this article.",
}
#: What the signature means, shown in the dialog and recorded with every sign-off.
SIGNATURE_MEANING = (
    "I have medically reviewed this content and approve it, as shown to readers, "
    "as accurate and appropriate for publication."
)
#: How long the proof of re-authentication made by the dialog stays valid.
REAUTHENTICATION_MAX_AGE = 10 * 60
_PROOF_SALT = "health_content.sign_off.reauthentication"


class StrictCheckboxInput(forms.CheckboxInput):
    """A checkbox that hands the posted value to its field as it is (see AttestationField)."""

    def value_from_datadict(self, data, files, name):
        return data.get(name, False)


class AttestationField(forms.BooleanField):
    """A tick box read strictly: only an explicit yes counts as attested.

    Django's CheckboxInput and BooleanField read any non-empty string but "false"
    and "0" as True, so "off" or "no" posted as JSON by the page editor would count
    as attested.
    """

    AFFIRMATIVE = {"on", "true", "1", "yes"}
    widget = StrictCheckboxInput

    def to_python(self, value):
        if value is True:
            return True
        if isinstance(value, str):
            return value.strip().lower() in self.AFFIRMATIVE
        return value == 1 and not isinstance(value, bool)

    def validate(self, value):
        if not value and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")


def acknowledgement_records(findings):
    """How acknowledged content-check warnings are recorded in a sign-off."""
    return [{**finding.as_dict(), "acknowledged": True} for finding in findings]


def acknowledgement_field(number):
    return f"acknowledge_{number}"


def has_authenticator(user):
    return bool(user and list(devices_for_user(user, confirmed=True)))


def one_time_code_error(device, token):
    """Why `token` does not verify on `device`, or "" when it does (and is now used up).

    django-otp slows down guessing after each wrong code; say so rather than
    calling a correct code typed too soon wrong.
    """
    allowed, details = device.verify_is_allowed()
    if not allowed:
        until = (details or {}).get("locked_until")
        wait = f" until {until:%H:%M:%S}" if until else " a few seconds"
        return f"Too many wrong codes: wait{wait}, then enter the newest code."
    if not device.verify_token(token):
        return "That code is not valid or has expired. Try the new one."
    return ""


def make_proof(user, task_state, method):
    return signing.dumps(
        {"user": user.pk, "task_state": task_state.pk if task_state else None, "method": method},
        salt=_PROOF_SALT,
    )


def read_proof(proof, user, task_state):
    """The authentication method the proof attests for `user` on `task_state`, or ""."""
    try:
        data = signing.loads(proof, salt=_PROOF_SALT, max_age=REAUTHENTICATION_MAX_AGE)
    except signing.BadSignature:
        return ""
    if data.get("user") != user.pk or data.get("task_state") != (task_state and task_state.pk):
        return ""
    return data.get("method", "")


class MedicalSignOffForm(forms.Form):
    """The approval dialog: attestations, a comment and the reviewer's electronic signature.

    Takes the signing ``user`` (and the ``request`` when there is one, so failed
    passwords are counted by the sign-in throttle) and the ``task_state`` being
    signed. A valid form's cleaned data never holds the password or the one-time
    code: they are replaced by a short-lived signed proof (``reauthentication``),
    because the page editor sends the dialog's cleaned data back through the
    browser before the approval is performed.
    """

    claims_checked = AttestationField(label=ATTESTATIONS["claims_checked"])
    doses_checked = AttestationField(label=ATTESTATIONS["doses_checked"])
    disclaimer_appropriate = AttestationField(label=ATTESTATIONS["disclaimer_appropriate"])
    comment = forms.CharField(
        label="Review comment",
        required=False,
        widget=forms.Textarea({"rows": 3}),
        help_text="Shown in the page history with your sign-off.",
    )
    password = forms.CharField(
        label="Your password",
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=f"Entering it signs electronically. The signature means: {SIGNATURE_MEANING}",
    )
    otp_token = forms.CharField(
        label="One-time code from your authenticator app",
        required=False,
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
    reauthentication = forms.CharField(required=False, widget=forms.HiddenInput)

    #: The admin's workflow views pass this form its request, signer and task state.
    binds_signer = True

    def __init__(self, *args, user=None, request=None, task_state=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user or getattr(request, "user", None)
        self.request = request
        self.task_state = task_state
        if not has_authenticator(self.user):
            del self.fields["otp_token"]
        # One tick box per warning of the content checks on the revision being signed:
        # the reviewer confirms each one was considered, and the sign-off records it.
        # One run of the checks serves the tick boxes and the sign-off's record of
        # every finding, so what is recorded is exactly what the reviewer was shown.
        self.findings = run_checks(task_state.revision) if task_state else []
        self.warnings = warning_findings(findings=self.findings)
        for number, finding in enumerate(self.warnings):
            where = f" ({finding.excerpt})" if finding.excerpt else ""
            self.fields[acknowledgement_field(number)] = AttestationField(
                label=f"Considered: {finding.message}{where}",
                help_text=f"Check {finding.check} at {finding.path}",
                error_messages={"required": "Tick to confirm you considered this warning."},
            )

    def clean(self):
        cleaned_data = super().clean()
        password = cleaned_data.pop("password", "")
        token = (cleaned_data.pop("otp_token", "") or "").strip()
        if self.user is None or not self.user.is_authenticated:
            raise forms.ValidationError("Sign in again to sign off.")
        method = read_proof(cleaned_data.get("reauthentication") or "", self.user, self.task_state)
        if not method:
            method = self._authenticate(password, token)
        if method:
            cleaned_data["reauthentication"] = make_proof(self.user, self.task_state, method)
            cleaned_data["authentication_method"] = method
        return cleaned_data

    def acknowledgements(self):
        """The warnings the reviewer acknowledged, as recorded in the sign-off."""
        return acknowledgement_records(
            finding
            for number, finding in enumerate(self.warnings)
            if self.cleaned_data.get(acknowledgement_field(number))
        )

    def _authenticate(self, password, token):
        if not password:
            self.add_error("password", "Enter your password to sign the sign-off.")
            return ""
        if not self._password_is_correct(password):
            self.add_error("password", "That password is not correct. Nothing was signed.")
            return ""
        if not has_authenticator(self.user):
            return "password"
        if not token:
            self.add_error("otp_token", "Enter the code from your authenticator app.")
            return ""
        errors = [one_time_code_error(device, token) for device in devices_for_user(self.user)]
        if all(errors):
            self.add_error("otp_token", errors[0])
            return ""
        return "password and one-time code"

    def _password_is_correct(self, password):
        if self.request is None:
            return self.user.check_password(password)
        # Through authenticate() so the sign-in throttle counts failures here too.
        signer = authenticate(self.request, username=self.user.get_username(), password=password)
        return signer is not None and signer.pk == self.user.pk


class RequestChangesForm(forms.Form):
    """Requesting changes must tell the writer what to change."""

    comment = forms.CharField(
        label="What needs to change",
        widget=forms.Textarea({"rows": 4}),
        error_messages={"required": "Tell the writer what needs to change."},
    )

    binds_signer = True

    def __init__(self, *args, user=None, request=None, task_state=None, **kwargs):
        super().__init__(*args, **kwargs)
