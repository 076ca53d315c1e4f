"""The reviewer's evidence in the admin: changes since the last sign-off, and the evidence pack.

* "Changes since the last sign-off" shows the revision in review (or the latest
  one) against the content, referenced data and settings the last sign-off
  signed (health_content.scope_diff). Open to anyone who may edit the article
  and to everyone who follows medical reviews (roles.follows_reviews).
* "Evidence pack" downloads the ZIP of health_content.evidence. It holds every
  revision, sign-off and audit record of the article, usernames included, so it
  is for the people who answer for reviews only: editors, medical reviewers and
  superusers (roles.follows_reviews), not writers.

Both are offered as buttons in the article's admin header (wagtail_hooks).
"""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.models import Page

from .evidence import build_evidence_pack, pack_filename
from .publish_gate import MedicallyReviewedPageMixin
from .roles import follows_reviews
from .scope_diff import changes_since_last_sign_off


def reviewed_page_or_404(page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not isinstance(page, MedicallyReviewedPageMixin):
        raise Http404("Only medically reviewed articles have sign-offs and evidence.")
    return page


def may_see_changes(user, page):
    return follows_reviews(user) or page.permissions_for_user(user).can_edit()


def may_export_evidence(user):
    return follows_reviews(user)


def _denied(request, area, who):
    return TemplateResponse(
        request,
        "health_content/admin/permission_denied.html",
        {"area": area, "who": who, "header_icon": "history"},
        status=403,
    )


def revision_in_review(page):
    """The revision the current workflow step reviews, else the latest revision."""
    task_state = page.current_workflow_task_state
    return task_state.revision if task_state is not None else page.get_latest_revision()


def changes_since_sign_off(request, page_id):
    """GET: the article's revision in review against its last signed-off scope."""
    page = reviewed_page_or_404(page_id)
    if not may_see_changes(request.user, page):
        return _denied(
            request,
            "Changes since the last sign-off",
            "people who may edit the article, editors and medical reviewers",
        )
    revision = revision_in_review(page)
    if revision is None:
        raise Http404("This article has no saved revision yet.")
    return TemplateResponse(
        request,
        "health_content/admin/changes_since_sign_off.html",
        {"page": page, "changes": changes_since_last_sign_off(page, revision)},
    )


def evidence_pack_download(request, page_id):
    """GET: the article's evidence pack as a ZIP download."""
    page = reviewed_page_or_404(page_id)
    if not may_export_evidence(request.user):
        return _denied(request, "Evidence packs", "editors and medical reviewers")
    response = HttpResponse(build_evidence_pack(page), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{pack_filename(page)}"'
    return response


class ReviewedPageButton(PageMenuItem):
    """A button of a reviewed page's admin header, shown to whom `allows(user, page)` lets in."""

    def __init__(self, label, *, page, url_name, allows, **kwargs):
        super().__init__(label, page=page, **kwargs)
        self.url_name = url_name
        self.allows = allows

    def is_shown(self, user):
        page = self.page.specific_deferred
        return isinstance(page, MedicallyReviewedPageMixin) and self.allows(user, page)


def header_buttons(page):
    """The article header's links to its changes since the last sign-off and its evidence pack."""
    yield ReviewedPageButton(
        "Changes since the last sign-off",
        page=page,
        url_name="health_content_changes_since_sign_off",
        allows=may_see_changes,
        icon_name="history",
        priority=66,
    )
    yield ReviewedPageButton(
        "Download evidence pack",
        page=page,
        url_name="health_content_evidence_pack",
        allows=lambda user, page: may_export_evidence(user),
        icon_name="download",
        priority=67,
    )
