"""The admin's "Medical reviews due" report: Wagtail's ReportView, registered as a viewset.

Kept apart from admin_ui, which page models import: Wagtail's report views need
the models loaded.
"""

from django.conf import settings
from django.template.response import TemplateResponse
from django.urls import path, reverse
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.base import ViewSet

from .cadence import due_for_review
from .roles import follows_reviews


class ReviewsDueReportView(ReportView):
    """Reports → Medical reviews due: live articles overdue for review, then those due soon.

    Wagtail's report view (listing, pagination, CSV and XLSX export) over
    `cadence.due_for_review()`, earliest due first, so the overdue rows come first.
    """

    page_title = "Medical reviews due"
    header_icon = "time"
    index_url_name = "health_content_reviews_due:index"
    index_results_url_name = "health_content_reviews_due:results"
    export_filename = "medical-reviews-due"
    columns = [
        # Status first: the report is read as "what is overdue, then what is due soon".
        Column("due_status", label="Status"),
        TitleColumn(
            "title",
            label="Article",
            accessor="page.title",
            get_url=lambda status: reverse("wagtailadmin_pages:edit", args=[status.page.pk]),
        ),
        Column("reviewer", label="Last reviewed by", accessor="sign_off.reviewer_display"),
        Column("last_reviewed", label="Last reviewed"),
        Column("next_review_due", label="Next review due"),
    ]
    list_export = [
        "due_status",
        "page.title",
        "sign_off.reviewer_display",
        "last_reviewed",
        "next_review_due",
    ]
    export_headings = {column.accessor: column.label for column in columns}

    def dispatch(self, request, *args, **kwargs):
        if not follows_reviews(request.user):
            # A signed-in writer is not helped by Wagtail's redirect to the dashboard: say why not.
            return TemplateResponse(
                request,
                "health_content/admin/permission_denied.html",
                {
                    "area": self.page_title,
                    "who": "editors and medical reviewers",
                    "header_icon": self.header_icon,
                },
                status=403,
            )
        return super().dispatch(request, *args, **kwargs)

    @property
    def no_results_message(self):
        days = settings.HEALTH_REVIEW_DUE_SOON_DAYS
        return f"No live article is overdue for review or due within {days} days."

    def get_queryset(self):
        overdue, due_soon = due_for_review()
        return overdue + due_soon


class ReviewsDueMenuItem(MenuItem):
    def is_shown(self, request):
        return follows_reviews(request.user)


class ReviewsDueViewSet(ViewSet):
    """The reviews-due report's URLs (/admin/reviews-due/) and its Reports menu item."""

    name = "health_content_reviews_due"
    url_prefix = "reviews-due"
    icon = "time"
    menu_label = "Medical reviews due"
    menu_order = 50
    menu_hook = "register_reports_menu_item"
    menu_item_class = ReviewsDueMenuItem

    def get_urlpatterns(self):
        return [
            path("", ReviewsDueReportView.as_view(), name="index"),
            path("results/", ReviewsDueReportView.as_view(results_only=True), name="results"),
        ]
