"""The editors' queue of reader reports, and the read-only list of "Was this helpful?" answers.

Who may see and triage them is the model permissions Editors hold (health_content.roles):
writers and medical reviewers do not triage readers' messages; a confirmed factual
error reaches reviewers as a re-review request. Nobody adds or deletes reader
messages in the admin: they are what readers sent.
"""

from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from blog.models import ArticleFeedback, ProblemReport


class ReaderMessagePermissionPolicy(ModelPermissionPolicy):
    """Model permissions, with adding and deleting refused to everyone, superusers included."""

    def user_has_any_permission(self, user, actions):
        allowed = [action for action in actions if action not in ("add", "delete")]
        return super().user_has_any_permission(user, allowed) if allowed else False

    def user_has_permission(self, user, action):
        return action not in ("add", "delete") and super().user_has_permission(user, action)


register_permission_policy(ProblemReport, ReaderMessagePermissionPolicy(ProblemReport))
register_permission_policy(ArticleFeedback, ReaderMessagePermissionPolicy(ArticleFeedback))


class TriageView(generic.EditView):
    def save_instance(self):
        report = super().save_instance()
        report.triage(self.request.user)
        return report

    def get_success_message(self, instance=None):
        report = instance or self.object
        if report.rereview_request_id:
            return f"Report confirmed. “{report.page.title}” will be medically reviewed again."
        return f"Report marked {report.get_status_display().lower()}."


class ProblemReportViewSet(ModelViewSet):
    model = ProblemReport
    icon = "warning"
    menu_label = "Problem reports"
    url_prefix = "reader-reports"
    edit_view_class = TriageView
    list_display = ["page", "category", "status", "age", "created_at"]
    list_filter = ["status", "category"]
    ordering = ["-created_at"]
    copy_view_enabled = False
    inspect_view_enabled = True


class ArticleFeedbackViewSet(ModelViewSet):
    model = ArticleFeedback
    icon = "comment"
    menu_label = "Was it helpful?"
    url_prefix = "reader-feedback"
    list_display = ["page", "helpful", "comment", "age"]
    list_filter = ["helpful"]
    ordering = ["-created_at"]
    copy_view_enabled = False
    inspect_view_enabled = True


class ReaderFeedbackGroup(ViewSetGroup):
    menu_label = "Reader feedback"
    menu_icon = "comment"
    menu_order = 260
    items = (ProblemReportViewSet, ArticleFeedbackViewSet)
