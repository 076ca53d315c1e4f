"""Email reminders for live articles whose medical review is due.

Safe to run from cron every day: each article gets one reminder per due date
(recorded in ReviewReminder), sent to everyone who follows reviews
(health_content.roles.review_followers: medical reviewers, editors, superusers).
"""

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.db import IntegrityError, transaction

from health_content.cadence import due_for_review
from health_content.models import ReviewReminder
from health_content.roles import review_followers


def reminder_recipients():
    return sorted({user.email for user in review_followers() if user.email})


class Command(BaseCommand):
    help = "Email editors and medical reviewers about overdue and soon-due medical reviews."

    def handle(self, *args, **options):
        recipients = reminder_recipients()
        if not recipients:
            self.stdout.write(
                "No editors or medical reviewers with an email address; nothing sent."
            )
            return
        overdue, due_soon = due_for_review()
        sent = 0
        for status in [*overdue, *due_soon]:
            if self._remind(status, recipients):
                sent += 1
        self.stdout.write(f"{sent} reminder(s) sent.")

    def _remind(self, status, recipients):
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
