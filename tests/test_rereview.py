"""Re-review requests: a live article asked to be reviewed again, until its next sign-off."""

import pytest
from wagtail.models import PageLogEntry, WorkflowState

from health_content.models import ReReviewRequest
from tests.factories import (
    PASSWORD,
    act,
    make_article,
    make_editor,
    make_reviewer,
    make_writer,
    publish_through_review,
    refreshed,
)

pytestmark = pytest.mark.django_db

REASON = ReReviewRequest.Reason.READER_REPORT


@pytest.fixture
def newsroom(db):
    return {"writer": make_writer(), "editor": make_editor(), "reviewer": make_reviewer()}


@pytest.fixture
def live_article(blog_index, newsroom):
    page = make_article(blog_index, title="Re-reviewed", owner=newsroom["writer"])
    return publish_through_review(
        page, newsroom["writer"], newsroom["editor"], newsroom["reviewer"]
    )


def test_request_starts_the_review_on_the_live_revision_and_is_logged(live_article, newsroom):
    ReReviewRequest.objects.request(live_article, REASON, "Dose in the table is wrong.")
    state = WorkflowState.objects.for_instance(live_article).active().get()
    assert state.current_task_state.revision_id == live_article.live_revision_id
    assert refreshed(live_article).live, "the article stays live while it is reviewed again"
    entry = PageLogEntry.objects.filter(
        page=live_article, action="health_content.rereview_requested"
    ).get()
    assert entry.data["detail"] == "Dose in the table is wrong."


def test_asking_again_for_the_same_reason_adds_to_the_open_request(live_article):
    first = ReReviewRequest.objects.request(live_article, REASON, "Dose is wrong.")
    second = ReReviewRequest.objects.request(live_article, REASON, "Link is broken.")
    assert first.pk == second.pk
    assert ReReviewRequest.objects.open().get().detail == "Dose is wrong.\nLink is broken."


def test_an_unsubmitted_draft_is_not_submitted_for_the_writer(live_article, newsroom):
    draft = refreshed(live_article)
    draft.summary = "Half-written change."
    draft.save_revision(user=newsroom["writer"])
    ReReviewRequest.objects.request(draft, REASON, "Out of date.")
    assert not WorkflowState.objects.for_instance(draft).active().exists()
    assert ReReviewRequest.objects.open().count() == 1


def test_the_next_sign_off_resolves_the_request(live_article, newsroom):
    request = ReReviewRequest.objects.request(live_article, REASON, "Dose is wrong.")
    page = act(live_article, newsroom["editor"], "approve")
    act(
        page,
        newsroom["reviewer"],
        "approve",
        claims_checked=True,
        doses_checked=True,
        disclaimer_appropriate=True,
        password=PASSWORD,
    )
    request.refresh_from_db()
    assert request.resolved_by.page_id == live_article.pk
    assert not ReReviewRequest.objects.open().exists()
