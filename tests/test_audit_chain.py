"""The audit chain: append-only, hash-chained, and a command that finds any tampering."""

import itertools
from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.models.deletion import ProtectedError

from health_content.models import AuditChainError, AuditEntry, SignOff
from health_content.publish_gate import PublishRefused
from tests.factories import (
    make_article,
    make_editor,
    make_reviewer,
    make_writer,
    publish_through_review,
    refreshed,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def history(blog_index):
    """Sign-off and publish, a refused publish, then an unpublish: one of each entry."""
    writer, editor, reviewer = make_writer(), make_editor(), make_reviewer()
    page = publish_through_review(
        make_article(blog_index, title="Audited", owner=writer), writer, editor, reviewer
    )
    draft = refreshed(page)
    draft.summary = "Changed without review."
    revision = draft.save_revision(user=writer)
    with pytest.raises(PublishRefused):
        revision.publish(user=editor)
    refreshed(page).unpublish(user=editor)
    return page


def verify():
    out, err = StringIO(), StringIO()
    call_command("verify_audit_chain", stdout=out, stderr=err)
    return out.getvalue()


def verify_fails():
    err = StringIO()
    with pytest.raises(CommandError, match="audit chain is broken"):
        call_command("verify_audit_chain", stdout=StringIO(), stderr=err)
    return err.getvalue()


def raw(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


TABLE = AuditEntry._meta.db_table


def test_every_kind_of_event_is_chained(history):
    actions = list(AuditEntry.objects.values_list("action", flat=True))
    assert actions == ["sign_off", "publish", "publish_refused", "unpublish"]
    entries = list(AuditEntry.objects.all())
    for before, after in itertools.pairwise(entries):
        assert after.previous_hash == before.hash
    assert "Audit chain intact: 4 entries" in verify()


def test_entries_cannot_be_changed_or_deleted_through_the_orm(history):
    entry = AuditEntry.objects.first()
    entry.data = {"forged": True}
    with pytest.raises(AuditChainError):
        entry.save()
    with pytest.raises(AuditChainError):
        entry.delete()
    with pytest.raises(AuditChainError):
        AuditEntry.objects.filter(pk=entry.pk).update(data={})
    with pytest.raises(AuditChainError):
        AuditEntry.objects.all().delete()


def test_an_edited_entry_is_found(history):
    entry = AuditEntry.objects.get(action="sign_off")
    raw(f"UPDATE {TABLE} SET username = %s WHERE id = %s", ["someone-else", entry.pk])  # noqa: S608
    assert f"Entry #{entry.sequence} was changed" in verify_fails()


def test_a_deleted_entry_is_found(history):
    entry = AuditEntry.objects.get(action="publish_refused")
    raw(f"DELETE FROM {TABLE} WHERE id = %s", [entry.pk])  # noqa: S608
    assert "missing or reordered" in verify_fails()


def test_reordered_entries_are_found(history):
    first, second = AuditEntry.objects.order_by("sequence")[:2]
    raw(f"UPDATE {TABLE} SET sequence = %s WHERE id = %s", [999, first.pk])  # noqa: S608
    raw(f"UPDATE {TABLE} SET sequence = %s WHERE id = %s", [first.sequence, second.pk])  # noqa: S608
    raw(f"UPDATE {TABLE} SET sequence = %s WHERE id = %s", [second.sequence, first.pk])  # noqa: S608
    assert "does not link to the entry before it" in verify_fails()


def test_a_sign_off_changed_after_signing_is_found(history):
    sign_off = SignOff.objects.get()
    raw(
        f"UPDATE {SignOff._meta.db_table} SET fingerprint = %s WHERE id = %s",  # noqa: S608
        ["0" * 64, sign_off.pk],
    )
    assert f"Sign-off #{sign_off.pk} differs from audit entry" in verify_fails()


def test_sign_offs_are_permanent(history):
    sign_off = SignOff.objects.get()
    with pytest.raises(PermissionDenied, match="permanent"):
        sign_off.delete()
    with pytest.raises(PermissionDenied, match="permanent"):
        SignOff.objects.all().delete()


def test_a_signed_article_cannot_be_deleted_only_unpublished(history):
    with pytest.raises(ProtectedError):
        refreshed(history).delete()
    editor = make_editor("another-editor")
    assert not refreshed(history).permissions_for_user(editor).can_delete()


def test_purging_revisions_keeps_signed_ones(history):
    signed = SignOff.objects.get().revision_id
    call_command("purge_revisions", stdout=StringIO())
    assert SignOff.objects.get().revision_id == signed
    assert refreshed(history).revisions.filter(pk=signed).exists()
