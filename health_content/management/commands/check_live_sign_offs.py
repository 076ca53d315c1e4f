"""Audit: every live article's live content must match a medical sign-off.

Exits non-zero, listing the offenders, when any live article's content (as
stored in the database now) does not match the sign-off it was published under.
Run it from monitoring or CI against production data.
"""

from django.core.management.base import BaseCommand, CommandError

from health_content.fingerprint import fingerprint_page
from health_content.models import SignOff
from health_content.publish_gate import reviewed_page_models


class Command(BaseCommand):
    help = "Exit non-zero if any live article lacks a sign-off matching its live content."

    def handle(self, *args, **options):
        sign_offs = {
            sign_off.page_id: sign_off for sign_off in SignOff.objects.covering_live_content()
        }
        problems = []
        checked = 0
        pages = (
            page
            for model in reviewed_page_models()
            for page in model.objects.live().order_by("pk").iterator()
        )
        for page in pages:
            checked += 1
            sign_off = sign_offs.get(page.pk)
            if sign_off is None:
                problems.append(f"#{page.pk} {page.title} ({page.url_path}): no medical sign-off")
            elif fingerprint_page(page) != sign_off.fingerprint:
                problems.append(
                    f"#{page.pk} {page.title} ({page.url_path}): live content differs from "
                    f"the sign-off by {sign_off.reviewer_display} on {sign_off.signed_at:%Y-%m-%d}"
                )
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError(
                f"{len(problems)} of {checked} live article(s) lack a matching medical sign-off."
            )
        self.stdout.write(self.style.SUCCESS(f"All {checked} live article(s) match a sign-off."))
