"""The review process's panels on the admin dashboard (Wagtail's construct_homepage_panels).

Kept apart from admin_ui.py, which the page models import while Django loads
them: these panels read the workflow and check-run tables.
"""

from django.conf import settings
from django.db.models import Q
from wagtail.admin.ui.components import Component
from wagtail.models import WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy

from .cadence import due_for_review
from .publish_gate import reviewed_page_models
from .roles import follows_reviews

#: A panel lists this many articles at most: the most recently edited drafts per
#: page type, the most recently returned articles.
DASHBOARD_ARTICLES = 20


def changes_requested(user):
    """The writer's articles that reviewers sent back, with their comments."""
    states = (
        WorkflowState.objects.filter(status=WorkflowState.STATUS_NEEDS_CHANGES, requested_by=user)
        .select_related("current_task_state__task", "current_task_state__finished_by")
        .order_by("-current_task_state__finished_at")
    )
    return {
        "items": [
            (state.content_object, state.current_task_state)
            for state in states[:DASHBOARD_ARTICLES]
        ]
    }


def drafts_with_findings(user):
    """``[(page, run or None), ...]``: drafts `user` may edit whose latest revision has
    blocking findings or warnings, or has not been checked yet (run None).

    "May edit" as Wagtail's page permission policy filters it in the database (change
    permission, or add permission on one's own pages), so the panel costs the same
    few queries whatever the number of drafts.
    """
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change"])
    rows = []
    for model in reviewed_page_models():
        drafts = (
            model.objects.filter(has_unpublished_changes=True, pk__in=editable.values("pk"))
            .filter(
                Q(latest_revision__content_check_run__isnull=True)
                | Q(latest_revision__content_check_run__blocking__gt=0)
                | Q(latest_revision__content_check_run__warnings__gt=0)
            )
            .select_related("latest_revision__content_check_run")
            .order_by("-latest_revision_created_at")
        )
        for page in drafts[:DASHBOARD_ARTICLES]:
            run = getattr(page.latest_revision, "content_check_run", None)
            rows.append((page, run))
    return rows


def content_checks(user):
    """Drafts `user` may edit with content-check findings (the worker's stored counts)."""
    return {"rows": drafts_with_findings(user)}


def reviews_due(user):
    """Live articles overdue for medical review or due within the due-soon window."""
    overdue, due_soon = due_for_review()
    return {
        "overdue": overdue,
        "due_soon": due_soon,
        "due_soon_days": settings.HEALTH_REVIEW_DUE_SOON_DAYS,
    }


class DashboardPanel(Component):
    """A dashboard panel of the review process: its template filled with what its
    query finds for the signed-in user (``templates/health_content/admin/<name>_panel.html``).

    The panels differ only in query and template, so each is an instance of this one
    component (see `review_panels`); a template with nothing to show renders nothing.
    """

    def __init__(self, name, order, query, user):
        self.name = name
        self.order = order
        self.template_name = f"health_content/admin/{name}_panel.html"
        self.query = query
        self.user = user

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context.update(self.query(self.user))
        return context


def review_panels(user):
    """The review process's dashboard panels for `user` (Wagtail sorts panels by order)."""
    panels = [
        DashboardPanel("changes_requested", 140, changes_requested, user),
        DashboardPanel("content_checks", 145, content_checks, user),
    ]
    if follows_reviews(user):
        panels.append(DashboardPanel("reviews_due", 150, reviews_due, user))
    return panels
