"""Admin screens of the review process: the editor panel and the dashboard panels."""

from django.conf import settings
from django.urls import reverse
from wagtail.admin.panels import Panel
from wagtail.admin.ui.components import Component
from wagtail.models import WorkflowState

from . import publish_gate
from .cadence import due_for_review, review_status


class ReviewStatusPanel(Panel):
    """Tells the editor whether this article can go live, and if not, why and what to do."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "health_content/admin/review_status_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            revision = page.get_latest_revision() if page.pk else None
            context["problems"] = publish_gate.publish_problems(page, revision) if revision else []
            context["has_revision"] = revision is not None
            context["latest_sign_off"] = publish_gate.latest_sign_off(page) if page.pk else None
            context["review"] = review_status(page) if page.pk else None
            # Where the editor's Checks panel asks for the server's findings.
            context["content_checks_url"] = (
                reverse("health_content_content_checks_preview", args=[page.pk]) if page.pk else ""
            )
            return context


class ReviewsDuePanel(Component):
    """Dashboard: live articles overdue for medical review or due within 30 days."""

    name = "reviews_due"
    template_name = "health_content/admin/reviews_due_panel.html"
    order = 150

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["overdue"], context["due_soon"] = due_for_review()
        context["due_soon_days"] = settings.HEALTH_REVIEW_DUE_SOON_DAYS
        return context


class ChangesRequestedPanel(Component):
    """Dashboard: the writer's articles that reviewers sent back, with their comments."""

    name = "changes_requested"
    template_name = "health_content/admin/changes_requested_panel.html"
    order = 140

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        states = (
            WorkflowState.objects.filter(
                status=WorkflowState.STATUS_NEEDS_CHANGES, requested_by=self.user
            )
            .select_related("current_task_state__task", "current_task_state__finished_by")
            .order_by("-current_task_state__finished_at")
        )
        context["items"] = [
            (state.content_object, state.current_task_state) for state in states[:20]
        ]
        return context

    def render_html(self, parent_context=None):
        context = self.get_context_data(parent_context or {})
        if not context["items"]:
            return ""
        return super().render_html(parent_context)
