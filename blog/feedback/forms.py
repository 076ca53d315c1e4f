"""The two reader forms shown under every article, each with a honeypot field."""

from django import forms

from blog.models.feedback import TEXT_MAX_LENGTH, ArticleFeedback, ProblemReport

#: The honeypot: hidden from people (and screen readers), filled in by form-filling bots.
HONEYPOT_FIELD = "website"


class HoneypotMixin(forms.Form):
    website = forms.CharField(
        label="Leave this field empty",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def is_spam(self):
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())


class RevisionField(forms.IntegerField):
    """The live revision the page was rendered with; checked against the page in the view."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, min_value=1, **kwargs)


class HelpfulForm(HoneypotMixin, forms.ModelForm):
    helpful = forms.TypedChoiceField(
        label="Was this page helpful?",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose yes or no."},
    )
    comment = forms.CharField(
        label="Anything we could do better? (optional)",
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea({"rows": 3, "maxlength": TEXT_MAX_LENGTH}),
        help_text="Please do not include personal or medical details. We cannot reply.",
    )
    revision = RevisionField()

    class Meta:
        model = ArticleFeedback
        fields = ["helpful", "comment"]


class ProblemReportForm(HoneypotMixin, forms.ModelForm):
    category = forms.ChoiceField(
        label="What kind of problem?",
        choices=ProblemReport.Category.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the kind of problem."},
    )
    detail = forms.CharField(
        label="What is wrong?",
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea({"rows": 4, "maxlength": TEXT_MAX_LENGTH}),
        help_text=(
            "Quote the sentence if you can, and tell us your source. "
            "Please do not include personal or medical details."
        ),
        error_messages={"required": "Tell us what is wrong, so an editor can check it."},
    )
    revision = RevisionField()

    class Meta:
        model = ProblemReport
        fields = ["category", "detail"]
