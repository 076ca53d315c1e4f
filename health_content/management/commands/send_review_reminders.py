"""Email reminders for live articles whose medical review is due.

Safe to run from cron every day: each article gets one reminder per due date
(recorded in ReviewReminder), sent to everyone who follows reviews
(health_content.roles.review_followers: medical reviewers, editors, superusers). The
emails are sent by the task worker (health_content.tasks.send_review_reminders);
with ``TASKS_BACKEND=immediate`` they are sent from this process, as every task is.
"""

from django.core.management.base import BaseCommand

from health_content.tasks import send_review_reminders


class Command(BaseCommand):
    help = "Email editors and medical reviewers about overdue and soon-due medical reviews."

    def handle(self, *args, **options):
        result = send_review_reminders.enqueue()
        if result.is_finished:
            self.stdout.write(f"{result.return_value} reminder(s) sent.")
        else:
            self.stdout.write(f"Reminders queued (task {result.id}); the task worker sends them.")
