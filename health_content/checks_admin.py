"""Where the content checks are shown in the admin: the JSON endpoints of the Checks panel.

The endpoints are the server's answer for one page, so the editor's Checks panel
(static/health_content/js/content-checks-panel.js) shows the server's findings
rather than re-implementing them in the browser. Findings on saved revisions come
from the background task's stored run (ContentCheckRun), as the dashboard's
(dashboard.py) do.
"""

from django.http import Http404, JsonResponse, QueryDict
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from wagtail.admin.views.pages.preview import PreviewOnEditView
from wagtail.models import Page

from .checks import run_checks
from .models import ContentCheckRun
from .models.check_runs import finding_counts
from .publish_gate import reviewed_page_models


def findings_payload(page, findings, *, source, revision=None, checked_at=None):
    """The JSON the endpoints answer: counts, then each finding as ``Finding.as_dict()``."""
    return {
        "page": page.pk,
        "source": source,
        "revision": revision.pk if revision else None,
        "checked_at": checked_at.isoformat() if checked_at else None,
        **finding_counts(findings),
        "findings": findings,
    }


def revision_findings(page):
    """The findings on `page`'s latest revision: the worker's stored run, else checked now."""
    revision = page.get_latest_revision()
    run = ContentCheckRun.objects.filter(revision=revision).first() if revision else None
    if run is not None:
        return findings_payload(
            page, run.findings, source="revision", revision=revision, checked_at=run.checked_at
        )
    findings = [finding.as_dict() for finding in run_checks(revision or page)]
    return findings_payload(page, findings, source="revision", revision=revision)


def findings_json(request, page_id):
    """GET: the findings on the page's latest revision; only for users who may edit it."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not isinstance(page, tuple(reviewed_page_models())):
        raise Http404
    if not page.permissions_for_user(request.user).can_edit():
        return JsonResponse({"error": "You may not edit this page."}, status=403)
    return JsonResponse(revision_findings(page))


@method_decorator(never_cache, name="dispatch")
class PreviewFindingsView(PreviewOnEditView):
    """GET: the findings on what the editor's preview shows, unsaved edits included.

    Wagtail's preview view, answering findings instead of the rendered page: the same
    permission (may edit the page) and the same preview state (the form data the
    preview panel last stored for this user, applied to the latest revision). With
    no valid preview state it answers the latest revision's findings.
    """

    http_method_names = ("get",)

    def get_object(self):
        page = super().get_object()
        if not isinstance(page, tuple(reviewed_page_models())):
            raise Http404
        return page

    def get(self, request, *args, **kwargs):
        form_state = self.get_form_state_queryset().first()
        form = self.get_form(QueryDict(form_state.data if form_state else ""))
        if not self.validate_form(form):
            return JsonResponse(revision_findings(self.object))
        previewed = form.save(commit=False)
        findings = [finding.as_dict() for finding in run_checks(previewed)]
        return JsonResponse(findings_payload(previewed, findings, source="preview"))
