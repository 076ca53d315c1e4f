"""Where the content checks are shown in the admin: the dashboard panel and a JSON endpoint.

The endpoint is the server's answer for one page's latest revision, so anything
in the editor that shows findings (such as a checks panel) reads the server's
findings rather than re-implementing them in the browser.
"""

from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from wagtail.admin.ui.components import Component
from wagtail.models import Page

from .checks import BLOCKING, WARNING, run_checks
from .publish_gate import reviewed_page_models

#: The dashboard checks this many most recently edited drafts, to stay quick.
DASHBOARD_ARTICLES = 20


def findings_json(request, page_id):
    """GET: the findings on the page's latest revision; only for users who may edit it."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not isinstance(page, tuple(reviewed_page_models())):
        raise Http404
    if not page.permissions_for_user(request.user).can_edit():
        return JsonResponse({"error": "You may not edit this page."}, status=403)
    revision = page.get_latest_revision()
    findings = run_checks(revision or page)
    return JsonResponse(
        {
            "page": page.pk,
            "revision": revision.pk if revision else None,
            "blocking": sum(f.severity == BLOCKING for f in findings),
            "warnings": sum(f.severity == WARNING for f in findings),
            "findings": [f.as_dict() for f in findings],
        }
    )


def drafts_with_findings(user):
    """``[(page, blocking count, warning count), ...]`` for drafts `user` may edit."""
    rows = []
    for model in reviewed_page_models():
        drafts = model.objects.filter(has_unpublished_changes=True).order_by(
            "-latest_revision_created_at"
        )
        for page in drafts[:DASHBOARD_ARTICLES]:
            if not page.permissions_for_user(user).can_edit():
                continue
            findings = run_checks(page.get_latest_revision() or page)
            blocking = sum(f.severity == BLOCKING for f in findings)
            warnings = sum(f.severity == WARNING for f in findings)
            if blocking or warnings:
                rows.append((page, blocking, warnings))
    return rows


class ContentChecksPanel(Component):
    """Dashboard: drafts with content-check findings, blocking and warning counts each."""

    name = "content_checks"
    template_name = "health_content/admin/content_checks_panel.html"
    order = 145

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["rows"] = drafts_with_findings(self.user)
        return context
