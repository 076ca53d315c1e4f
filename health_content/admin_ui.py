"""The editor panel of the review process (the dashboard panels are in dashboard.py)."""

from django.urls import reverse
from wagtail.admin.panels import Panel

from . import publish_gate
from .cadence import review_status


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
