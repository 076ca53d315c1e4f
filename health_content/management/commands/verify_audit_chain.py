"""Verify the audit chain of sign-offs, publishes, unpublishes and refused publishes.

Walks health_content.models.AuditEntry in order and exits non-zero if any entry
was edited, deleted or reordered (each entry carries the hash of the one before
it), or if a sign-off no longer matches the entry recorded when it was signed, or
has none. Prints the head of the chain: keep that line somewhere else (a log, a
ticket) so that even removing the newest entries can be noticed later.
"""

from django.core.management.base import BaseCommand, CommandError

from health_content.models import AuditEntry, SignOff
from health_content.models.audit import verify_chain

#: Fields of a sign-off that its audit entry repeats and must still agree with.
CROSS_CHECKED = ("reviewer", "signed_at", "meaning", "fingerprint", "scope_fingerprint")


def sign_off_problems():
    entries = {
        entry.data.get("sign_off_id"): entry
        for entry in AuditEntry.objects.filter(action=AuditEntry.Action.SIGN_OFF)
    }
    problems = []
    for sign_off in SignOff.objects.order_by("pk"):
        entry = entries.pop(sign_off.pk, None)
        if entry is None:
            problems.append(f"Sign-off #{sign_off.pk} has no audit entry.")
            continue
        recorded = sign_off.manifestation()
        changed = [name for name in CROSS_CHECKED if entry.data.get(name) != recorded[name]]
        if changed:
            problems.append(
                f"Sign-off #{sign_off.pk} differs from audit entry #{entry.sequence} "
                f"({', '.join(changed)})."
            )
    problems += [
        f"Audit entry #{entry.sequence} records sign-off #{pk}, which no longer exists."
        for pk, entry in entries.items()
    ]
    return problems


class Command(BaseCommand):
    help = "Exit non-zero if the audit chain or a sign-off was tampered with."

    def handle(self, *args, **options):
        problems = verify_chain() + sign_off_problems()
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
