"""Medical review workflow: sign-offs, request changes, self-review, edits and tampering."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from wagtail.models import WorkflowState

from blog.models import ArticlePage
from health_content import publish_gate, signed_scope
from health_content.models import SignOff, SignOffRefused
from health_content.workflow import WORKFLOW_NAME
from tests.factories import (
    ATTESTED,
    SIGNED,
    act,
    make_article,
    make_editor,
    make_reviewer,
    make_user,
    make_writer,
    publish_through_review,
    refreshed,
    submit,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(db):
    return {
        "writer": make_writer(),
        "editor": make_editor(),
        "reviewer": make_reviewer(),
    }


@pytest.fixture
def draft(blog_index, people):
    return make_article(blog_index, title="Vitamin B12 basics", owner=people["writer"])


def test_workflow_replaces_moderators_approval_on_root(draft):
    workflow = draft.get_workflow()
    assert workflow.name == WORKFLOW_NAME
    tasks = [task.specific for task in workflow.tasks]
    assert [task.name for task in tasks] == ["Editorial review", "Medical review"]
    assert type(tasks[1]).__name__ == "MedicalReviewTask"


def test_happy_path_records_sign_off_and_publishes_signed_revision(draft, people):
    signed_revision = draft.get_latest_revision()
    page = publish_through_review(draft, people["writer"], people["editor"], people["reviewer"])

    assert page.live
    assert page.live_revision_id == signed_revision.pk
    sign_off = SignOff.objects.get(page=page)
    profile = people["reviewer"].reviewer_profile
    assert sign_off.revision_id == signed_revision.pk
    assert sign_off.reviewer == profile
    assert sign_off.user == people["reviewer"]
    assert sign_off.reviewer_name == profile.display_name
    assert sign_off.reviewer_credentials == "MD"
    assert sign_off.attestations == ATTESTED
    assert sign_off.comment == "Checked against sources."
    assert sign_off.fingerprint == signed_scope.revision_content_fingerprint(signed_revision)
    assert len(sign_off.fingerprint) == 64
    # The live row's content is exactly what was signed.
    assert signed_scope.page_content_fingerprint(page) == sign_off.fingerprint
    assert page.get_latest_revision().pk == signed_revision.pk


def test_sign_off_and_publish_appear_in_page_history(draft, people):
    from wagtail.models import PageLogEntry

    page = publish_through_review(draft, people["writer"], people["editor"], people["reviewer"])
    actions = list(PageLogEntry.objects.filter(page=page).values_list("action", flat=True))
    assert "health_content.sign_off" in actions
    assert "wagtail.publish" in actions


def test_editorial_step_comes_first(draft, people):
    page = submit(draft, people["writer"])
    assert page.current_workflow_task.name == "Editorial review"
    # A reviewer cannot act on the editorial step.
    assert page.current_workflow_task.get_actions(page, people["reviewer"]) == []
    assert page.current_workflow_task.get_actions(page, people["writer"]) == []


def test_request_changes_returns_article_to_writer_with_comment(draft, people):
    page = submit(draft, people["writer"])
    page = act(page, people["editor"], "approve")
    page = act(page, people["reviewer"], "reject", comment="Check the dose for children.")

    state = WorkflowState.objects.get(status=WorkflowState.STATUS_NEEDS_CHANGES)
    assert state.current_task_state.comment == "Check the dose for children."
    assert not page.live
    assert not SignOff.objects.exists()

    # The writer fixes it and resubmits: the medical step restarts on the new
    # revision, and because the content changed since the editorial approval
    # (WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT) the editorial step runs again.
    page.summary = "Corrected dosing for children."
    page.save_revision(user=people["writer"])
    state.resume(user=people["writer"])
    page = refreshed(page)
    assert page.current_workflow_task.name == "Medical review"
    page = act(page, people["reviewer"], "approve", **SIGNED, comment="Fixed.")
    assert not page.live
    assert page.current_workflow_task.name == "Editorial review"
    page = act(page, people["editor"], "approve")
    assert page.live
    assert page.summary == "Corrected dosing for children."


def test_request_changes_needs_a_comment(draft, people):
    page = act(submit(draft, people["writer"]), people["editor"], "approve")
    with pytest.raises(SignOffRefused, match="Tell the writer what needs to change"):
        act(page, people["reviewer"], "reject", comment="")


@pytest.mark.parametrize("missing", sorted(ATTESTED))
def test_every_attestation_is_required_even_when_posted_as_json(draft, people, missing):
    page = act(submit(draft, people["writer"]), people["editor"], "approve")
    data = {**ATTESTED, missing: False}
    with pytest.raises(SignOffRefused, match="incomplete"):
        act(page, people["reviewer"], "approve", **data)
    assert not refreshed(page).live
    assert not SignOff.objects.exists()


def test_author_of_revision_cannot_sign_it_off(blog_index, people):
    # A reviewer who writes an article may not sign off their own revision.
    author_reviewer = make_reviewer("author-reviewer")
    page = make_article(blog_index, owner=author_reviewer)
    page = act(submit(page, author_reviewer), people["editor"], "approve")
    task = page.current_workflow_task
    assert task.get_actions(page, author_reviewer) == []
    with pytest.raises(SignOffRefused, match="another reviewer"):
        act(page, author_reviewer, "approve", **SIGNED)
    # Someone else can.
    page = act(page, people["reviewer"], "approve", **SIGNED)
    assert page.live


def test_inactive_reviewer_and_superuser_without_profile_cannot_sign_off(draft, people):
    inactive = make_reviewer("retired", active=False)
    boss = make_user("boss", superuser=True)
    page = act(submit(draft, people["writer"]), people["editor"], "approve")
    for user in (inactive, boss, people["editor"], people["writer"]):
        assert page.current_workflow_task.get_actions(page, user) == []
        with pytest.raises(SignOffRefused):
            act(page, user, "approve", **SIGNED)
    assert not SignOff.objects.exists()


def test_edit_after_sign_off_needs_new_review_and_live_version_stays(draft, people):
    page = publish_through_review(draft, people["writer"], people["editor"], people["reviewer"])
    live_revision = page.live_revision_id

    page.summary = "Edited after sign-off."
    new_revision = page.save_revision(user=people["writer"])
    page = refreshed(page)
    assert page.live and page.live_revision_id == live_revision
    assert page.summary != "Edited after sign-off."  # live row unchanged

    with pytest.raises(publish_gate.PublishRefused, match="differs from the content medically"):
        new_revision.publish(user=people["editor"])
    assert refreshed(page).live_revision_id == live_revision

    # A second review covers the edit.
    page = publish_through_review(page, people["writer"], people["editor"], people["reviewer"])
    assert page.summary == "Edited after sign-off."
    assert SignOff.objects.filter(page=page).count() == 2


def test_edit_during_medical_review_cannot_be_signed(draft, people):
    page = act(submit(draft, people["writer"]), people["editor"], "approve")
    page.title = "Changed while waiting"
    page.save_revision(user=people["writer"])
    with pytest.raises(SignOffRefused, match="changed after it was submitted"):
        act(page, people["reviewer"], "approve", **SIGNED)
    assert not refreshed(page).live


def test_tampered_signed_revision_cannot_be_published(draft, people):
    """save_revision(overwrite_revision=...) rewrites a signed revision's content in place."""
    page = act(submit(draft, people["writer"]), people["editor"], "approve")
    signed = page.get_latest_revision()
    # Sign off, but schedule so it does not go live at once.
    page = act(page, people["reviewer"], "approve", **SIGNED)
    page.unpublish(user=people["editor"])
    page = refreshed(page)

    page.summary = "Tampered claim: megadoses cure everything."
    tampered = page.save_revision(user=people["writer"], overwrite_revision=signed)
    assert tampered.pk == signed.pk

    with pytest.raises(publish_gate.PublishRefused):
        tampered.publish(user=people["editor"])
    page = refreshed(page)
    assert not page.live
    # The tampered draft is still there for a new review.
    assert page.get_latest_revision().as_object().summary.startswith("Tampered")


def test_check_live_sign_offs_command(draft, people, capsys):
    page = publish_through_review(draft, people["writer"], people["editor"], people["reviewer"])
    call_command("check_live_sign_offs")
    assert "All 1 live article(s) show what was signed" in capsys.readouterr().out

    # Someone changes live content behind the gate's back (raw SQL, a bad script).
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {ArticlePage._meta.db_table} SET summary = %s WHERE page_ptr_id = %s",  # noqa: S608
            ["Altered in the database.", page.pk],
        )
    with pytest.raises(CommandError, match="1 problem"):
        call_command("check_live_sign_offs")
    assert "live content differs" in capsys.readouterr().err
