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
from health_content import factories
from health_content.cadence import add_months
from health_content.checks import warning_findings
from health_content.forms import acknowledgement_records
from health_content.models import SignOff


def submit(page, writer):
    """Save the writer's revision and start the review workflow on it."""
    page.save_revision(user=writer, log_action=True)
    return factories.submit(page, writer)


def approve_editorial(page, editor):
    return factories.act(page, editor, "approve")


def sign_off(page, reviewer, comment, *, password):
    """Approve the medical step: the reviewer signs with their password, having considered
    every content-check warning; the revision goes live."""
    return factories.sign_off(page, reviewer, comment=comment, password=password)


@transaction.atomic
def sign_off_in_the_past(page, reviewer, comment, months_ago, days=0):
    """Approve the medical step with a sign-off dated `months_ago` months (and days) back.

    Why: a freshly loaded demo has no history, yet the overdue and due-soon review
    screens need articles reviewed long ago. The sign-off is recorded with that
    date through the one constructor (so its audit entry states the same date and
    ``verify_audit_chain`` holds); the workflow step is then approved, which
    publishes through the gate, and the publication and revision dates are moved
    back with it so the sign-off still covers the live content (signed_at <=
    last_published_at, see SignOffQuerySet.covering). Demo data only.
    """
    signed_at = add_months(timezone.now(), -months_ago) - datetime.timedelta(days=days)
    published_at = signed_at + datetime.timedelta(minutes=5)
    submitted_at = signed_at - datetime.timedelta(days=2)
    task_state = page.current_workflow_task_state
    SignOff.objects.record(
        task_state.revision,
        reviewer,
        attestations=factories.ATTESTED,
        comment=comment,
        task_state=task_state,
        authentication="demo content (dated back, not re-authenticated)",
        signed_at=signed_at,
        # The demo reviewer considered every content-check warning on the revision.
        acknowledgements=acknowledgement_records(warning_findings(task_state.revision)),
    )
    task_state.approve(user=reviewer)
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
