"""Background tasks of the medical-content domain, run by the task worker (`db_worker`).

Enqueue with ``task.enqueue(...)``; see TASKS in settings for where they run.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django_tasks import task
from wagtail.models import Revision

from .cadence import due_for_review
from .models import ContentCheckRun, ReviewReminder
from .roles import review_followers

logger = logging.getLogger(__name__)


def reminder_recipients():
    return sorted({user.email for user in review_followers() if user.email})


@task()
def send_review_reminders():
    """Email those who follow reviews about overdue and soon-due reviews; return how many.

    Each article gets one reminder per due date (recorded in ReviewReminder), so
    running it again, or twice at once, sends nothing twice.
    """
    recipients = reminder_recipients()
    if not recipients:
        logger.warning("No editors or medical reviewers with an email address; nothing sent.")
        return 0
    overdue, due_soon = due_for_review()
    return sum(_remind(status, recipients) for status in [*overdue, *due_soon])


def _remind(status, recipients):
    page = status.page
    try:
        with transaction.atomic():
            ReviewReminder.objects.create(page=page, due_date=status.next_review_due)
            state = "is overdue" if status.is_overdue() else "is due"
            send_mail(
                subject=f"Medical review {state}: {page.title}",
                message=(
                    f"The medical review of “{page.title}” {state} on "
                    f"{status.next_review_due:%d %B %Y}.\n"
                    f"Last reviewed by {status.sign_off.reviewer_display} on "
                    f"{status.last_reviewed:%d %B %Y}.\n\n"
                    "Edit and resubmit it: "
                    f"{settings.WAGTAILADMIN_BASE_URL}/admin/pages/{page.pk}/edit/\n"
                ),
                from_email=None,
                recipient_list=recipients,
            )
    except IntegrityError:
        return False
    return True


@task()
def run_content_checks(revision_id):
    """Run the content checks on one revision and store them (ContentCheckRun); return the counts.

    Queued once each save of a gated page's revision commits
    (health_content.signal_handlers); a revision deleted meanwhile is skipped.
    """
    revision = Revision.objects.filter(pk=revision_id).first()
    if revision is None:
        return None
    run = ContentCheckRun.objects.record(revision)
    return {"blocking": run.blocking, "warnings": run.warnings}
