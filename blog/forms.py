"""Admin form for articles: the checks that run when an article is submitted or published.

Wagtail defers required-field validation when a writer saves a draft
(`is_deferred_validation`), so a half-written article always saves. Everything
here follows the same rule: format and completeness checks run only on full
validation (submit for review, publish), with messages on the field at fault.
Blocking findings of the content checks (health_content.checks) stop a submit
or publish too, each message naming where it was found.
"""

from wagtail.admin.forms import WagtailAdminPageForm

from health_content.blocks import default_body
from health_content.checks import blocking_findings
from health_content.references import normalise_doi, reference_errors


class ArticlePageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # New articles start with the default disclaimer in place. This is form
        # initial data rather than a callable model default: Django gives fields
        # with callable defaults a hidden "initial" input, which StreamField never
        # renders, so every later edit would look changed and restart the review.
        if self.instance._state.adding and not self.instance.body:
            self.initial["body"] = self.fields["body"].block.normalize(default_body())

    def clean(self):
        cleaned_data = super().clean()
        self._normalise_references()
        if self.is_deferred_validation:
            return cleaned_data
        if cleaned_data.get("hero_image") and not cleaned_data.get("hero_image_alt", "").strip():
            self.add_error("hero_image_alt", "Add alt text describing the hero image.")
        self._validate_references()
        return cleaned_data

    def _post_clean(self):
        super()._post_clean()
        # The instance holds the posted content only once Django's _post_clean has run.
        if self.is_deferred_validation or self.errors:
            return
        for finding in blocking_findings(self.instance):
            where = f" ({finding.path}: “{finding.excerpt}”)" if finding.excerpt else ""
            self.add_error(None, f"{finding.message}{where} [{finding.check}]")

    def _reference_forms(self):
        formset = self.formsets.get("references")
        if formset is None:
            return []
        # Reading `errors` runs each child form's own validation first, so
        # cleaned_data and the constructed instance exist.
        return [
            form
            for form in formset.forms
            if not form.errors and form.has_changed() and not form.cleaned_data.get("DELETE")
        ]

    def _normalise_references(self):
        for form in self._reference_forms():
            doi = normalise_doi(form.cleaned_data.get("doi", ""))
            form.cleaned_data["doi"] = form.instance.doi = doi

    def _validate_references(self):
        for form in self._reference_forms():
            data = form.cleaned_data
            for field, message in reference_errors(
                doi=data.get("doi", ""), pmid=data.get("pmid", ""), url=data.get("url", "")
            ).items():
                form.add_error(field, message)
