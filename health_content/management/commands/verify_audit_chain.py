"""Verify the audit chain of sign-offs, publishes, unpublishes and refused publishes.

Walks health_content.models.AuditEntry in order and exits non-zero if any entry
was edited, deleted or reordered (each entry carries the hash of the one before
it), or if a sign-off no longer matches the entry recorded when it was signed, or
has none. Prints the head of the chain: keep that line somewhere else (a log, a
ticket) so that even removing the newest entries can be noticed later.
"""

from django.core.management.base import BaseCommand, CommandError

from health_content.models import AuditEntry
from health_content.models.audit import verify_chain
from health_content.models.review import sign_off_audit_problems


class Command(BaseCommand):
    help = "Exit non-zero if the audit chain or a sign-off was tampered with."

    def handle(self, *args, **options):
        problems = verify_chain() + sign_off_audit_problems()
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError(f"The audit chain is broken: {len(problems)} problem(s).")
        last = AuditEntry.objects.order_by("-sequence").first()
        if last is None:
            self.stdout.write("The audit chain is empty.")
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Audit chain intact: {last.sequence} entries; head #{last.sequence} {last.hash}"
            )
        )
