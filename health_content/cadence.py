"""Review cadence: when each live article was last medically reviewed and when it is due.

Next review due = date of the sign-off covering the live content + the article's
review interval (ArticlePage.review_interval_months, else the
HEALTH_REVIEW_INTERVAL_MONTHS setting, 12 by default).
"""

import calendar
import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.models import WorkflowState

from .models import SignOff
from .publish_gate import reviewed_page_models


def add_months(day, months):
    """`day` plus whole calendar months, clamped to the month's end (31 Jan + 1 = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def interval_months(page):
    """The page's review interval as it reads now: its own, else the site default."""
    return page.review_interval_months or settings.HEALTH_REVIEW_INTERVAL_MONTHS


def signed_interval_months(page, sign_off):
    """The interval the sign-off was given under; later settings apply from the next review."""
    signed = ((sign_off.scope or {}).get("settings") or {}).get("review_interval_months")
    return signed or interval_months(page)


@dataclass(frozen=True)
class ReviewStatus:
    page: object
    sign_off: object

    @property
    def last_reviewed(self):
        return timezone.localdate(self.sign_off.signed_at) if self.sign_off else None

    @property
    def next_review_due(self):
        if self.sign_off is None:
            return None
        return add_months(self.last_reviewed, signed_interval_months(self.page, self.sign_off))

    def days_until_due(self, today=None):
        if self.next_review_due is None:
            return None
        return (self.next_review_due - (today or timezone.localdate())).days

    def is_overdue(self, today=None):
        days = self.days_until_due(today)
        return days is not None and days < 0

    def is_due_soon(self, today=None):
        days = self.days_until_due(today)
        return days is not None and 0 <= days <= settings.HEALTH_REVIEW_DUE_SOON_DAYS

    @property
    def due_status(self):
        """Overdue, due within N days (HEALTH_REVIEW_DUE_SOON_DAYS) or blank, as of today."""
        if self.is_overdue():
            return "Overdue"
        if self.is_due_soon():
            return f"Due within {settings.HEALTH_REVIEW_DUE_SOON_DAYS} days"
        return ""

    @cached_property
    def review_in_progress(self):
        """Whether a review workflow is running on the page (in review, or sent back for changes).

        One query, so templates ask only once they know the article is overdue.
        """
        return WorkflowState.objects.for_instance(self.page).active().exists()


def review_status(page):
    return ReviewStatus(page=page, sign_off=SignOff.objects.covering(page))


def live_review_statuses():
    """ReviewStatus of every live reviewed page, earliest due first, in two queries a model."""
    pages = {
        page.pk: page
        for model in reviewed_page_models()
        for page in model.objects.live().defer_streamfields()
    }
    sign_offs = (
        SignOff.objects.covering_live_content().filter(page_id__in=pages).select_related("reviewer")
    )
    by_page = {sign_off.page_id: sign_off for sign_off in sign_offs}
    statuses = [ReviewStatus(page=page, sign_off=by_page.get(pk)) for pk, page in pages.items()]
    far_future = datetime.date.max
    return sorted(statuses, key=lambda status: status.next_review_due or far_future)


def due_for_review(today=None):
    """(overdue, due within HEALTH_REVIEW_DUE_SOON_DAYS) lists of ReviewStatus."""
    statuses = live_review_statuses()
    overdue = [status for status in statuses if status.is_overdue(today)]
    due_soon = [status for status in statuses if status.is_due_soon(today)]
    return overdue, due_soon
