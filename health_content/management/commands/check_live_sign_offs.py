"""Audit: what readers see of every live article must be what a medical reviewer signed.

For each live gated page it checks the whole signed scope (health_content.signed_scope):

* there is a sign-off covering the live content, recorded with a scope;
* the live revision went live through the publish gate (an audit chain entry);
* the live row's reviewed content, and the live revision's, match the signed content;
* every image and document file the article shows is the file that was signed;
* referenced data edited since the sign-off (readers still see the signed values)
  has an open re-review request, so nobody is left unaware of it.

Exits non-zero, listing the offenders. Run it from monitoring, and CI runs it on
the demo data.
"""

from django.core.management.base import BaseCommand, CommandError

from health_content.models import AuditEntry, ReReviewRequest, SignOff
from health_content.publish_gate import reviewed_page_models
from health_content.signed_scope import (
    changed_objects,
    page_content_fingerprint,
    revision_content_fingerprint,
)


def live_page_problems(page):
    """Why readers of live `page` may not be seeing what was signed, as sentences."""
    sign_off = SignOff.objects.covering(page)
    if sign_off is None:
        return ["no medical sign-off covers the live content"]
    signed = f"the sign-off by {sign_off.reviewer_display} on {sign_off.signed_at:%Y-%m-%d}"
    if not sign_off.scope:
        return [f"{signed} predates signatures over everything readers see: review it again"]
    problems = []
    published = AuditEntry.objects.filter(
        action=AuditEntry.Action.PUBLISH, page_id=page.pk, revision_id=page.live_revision_id
    ).exists()
    if not published:
        problems.append("the live revision did not go live through the publish gate")
    if page_content_fingerprint(page) != sign_off.fingerprint:
        problems.append(f"the live content differs from {signed}")
    if (
        page.live_revision
        and revision_content_fingerprint(page.live_revision) != sign_off.fingerprint
    ):
        problems.append(f"the live revision differs from {signed}")
    stale = changed_objects(sign_off.scope)
    files = [key for key in stale if _is_file(key, sign_off.scope)]
    if files:
        problems.append(f"readers now get other files than {signed}: {', '.join(files)}")
    data = [key for key in stale if key not in files]
    flagged = ReReviewRequest.objects.open().filter(page_id=page.pk).exists()
    if data and not flagged:
        problems.append(
            f"data shown in the article changed since {signed} ({', '.join(data)}) "
            "and no re-review was requested"
        )
    return problems


def _is_file(key, scope):
    return "file_hash" in ((scope.get("objects") or {}).get(key) or {})


class Command(BaseCommand):
    help = "Exit non-zero if what readers see of any live article differs from what was signed."

    def handle(self, *args, **options):
        problems, checked = [], 0
        for model in reviewed_page_models():
            for page in model.objects.live().order_by("pk").iterator():
                checked += 1
                problems += [
                    f"#{page.pk} {page.title} ({page.url_path}): {problem}"
                    for problem in live_page_problems(page)
                ]
            unlisted = model._base_manager.filter(live=True).exclude(
                pk__in=model.objects.live().values("pk")
            )
            for page in unlisted:
                checked += 1
                problems.append(
                    f"#{page.pk} {page.title} ({page.url_path}): live outside the publish gate "
                    "(readers are not shown it; unpublish it or publish it through review)"
                )
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError(
                f"{len(problems)} problem(s) in {checked} live article(s): readers may not see "
                "what was signed."
            )
        self.stdout.write(
            self.style.SUCCESS(f"All {checked} live article(s) show what was signed.")
        )
