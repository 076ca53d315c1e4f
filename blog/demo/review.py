"""Taking demo articles through the real review workflow; nothing here skips the publish gate.

Writers submit with the site's workflow ("Health article review" on the root
page), an editor approves the editorial step and a medical reviewer approves the
medical step with the attestations, which records the SignOff and publishes the
signed revision, exactly as the admin does.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from blog.models import ArticlePage
from health_content.cadence import add_months
from health_content.checks import warning_findings
from health_content.forms import acknowledgement_field
from health_content.models import SignOff


def submit(page, writer):
    """Save the writer's revision and start the review workflow on it."""
    page.save_revision(user=writer, log_action=True)
    page.get_workflow().start(page, writer)
    page.refresh_from_db()


def approve_editorial(page, editor):
    page.current_workflow_task.on_action(page.current_workflow_task_state, editor, "approve")
    page.refresh_from_db()


def sign_off(page, reviewer, comment, *, password):
    """Approve the medical step: the reviewer signs with their password; the revision goes live."""
    page.current_workflow_task.on_action(
        page.current_workflow_task_state,
        reviewer,
        "approve",
        claims_checked=True,
        doses_checked=True,
        disclaimer_appropriate=True,
        comment=comment,
        password=password,
        # The demo reviewer considered every content-check warning on the revision.
        **{
            acknowledgement_field(number): True
            for number in range(len(warning_findings(page.current_workflow_task_state.revision)))
        },
    )
    page.refresh_from_db()


@transaction.atomic
def backdate_review(page, months_ago, days=0):
    """Move the live article's sign-off and publication `months_ago` months (and days) back.

    Why: a freshly loaded demo has no history, yet the overdue and due-soon review
    screens need articles reviewed long ago. The sign-off is made through the real
    path first; only its timestamp moves, with the publication and revision dates,
    so the sign-off still covers the live content (signed_at <= last_published_at,
    see SignOffQuerySet.covering_live_content). Demo data only: real sign-offs are
    never edited.
    """
    sign_off = SignOff.objects.filter(page=page).latest("signed_at")
    signed_at = add_months(timezone.now(), -months_ago) - datetime.timedelta(days=days)
    published_at = signed_at + datetime.timedelta(minutes=5)
    submitted_at = signed_at - datetime.timedelta(days=2)
    SignOff.objects.filter(pk=sign_off.pk).update(signed_at=signed_at)
    # Queryset updates: the dates are not reviewed content, and a full save of a
    # live article is refused by the publish gate unless it matches the sign-off.
    ArticlePage.objects.filter(pk=page.pk).update(
        first_published_at=published_at,
        last_published_at=published_at,
        latest_revision_created_at=submitted_at,
    )
    page.revisions.update(created_at=submitted_at)
    page.refresh_from_db()
    return signed_at
