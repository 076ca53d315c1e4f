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
from health_content.models import AuthorProfile
from health_content.references import normalise_doi

from .problems import article_problems


class ArticlePageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # New articles start with the default disclaimer in place. This is form
        # initial data rather than a callable model default: Django gives fields
        # with callable defaults a hidden "initial" input, which StreamField never
        # renders, so every later edit would look changed and restart the review.
        if self.instance._state.adding and not self.instance.body:
            self.initial["body"] = self.fields["body"].block.normalize(default_body())
        if self.instance._state.adding and not self.is_bound:
            self._default_author_to_writer()
        # Editing a live article starts a new version: its change note and
        # correction flag describe the version readers have, not the next one.
        elif self._starts_new_version():
            self.initial["change_note"] = ""
            self.initial["corrects_error"] = False

    def _starts_new_version(self):
        page = self.instance
        return bool(page.pk and page.live and page.latest_revision_id == page.live_revision_id)

    def _default_author_to_writer(self):
        # The first author row of a new article is its writer's own profile, if they have one.
        formset = self.formsets.get("authors")
        user = self.for_user
        profile = AuthorProfile.objects.filter(user=user).first() if user else None
        if formset is not None and profile is not None:
            formset.initial_extra = [{"author": profile.pk}]

    def clean(self):
        cleaned_data = super().clean()
        self._normalise_references()
        if self.is_deferred_validation:
            return cleaned_data
        if not cleaned_data.get("change_note", "").strip():
            self.add_error(
                "change_note",
                "Say in one line what changed in this version: readers see it in the "
                "article's history.",
            )
        if cleaned_data.get("sponsored") and not cleaned_data.get("sponsor_name", "").strip():
            self.add_error("sponsor_name", "Name the sponsor: readers are told who paid.")
        reference_forms = self._reference_forms()
        for problem in article_problems(
            hero_image=cleaned_data.get("hero_image"),
            hero_image_alt=cleaned_data.get("hero_image_alt", ""),
            references=[form.cleaned_data for form in reference_forms],
        ):
            if problem.reference is None:
                self.add_error(problem.field, problem.message)
            else:
                reference_forms[problem.reference].add_error(problem.field, problem.message)
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
