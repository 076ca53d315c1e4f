"""The audit chain: an append-only, hash-chained record of what went live and who signed it.

Every medical sign-off, publish, unpublish and refused publish of a gated page is
appended here. Each entry carries the SHA-256 of the one before it, so editing,
deleting or reordering any entry breaks the chain from that point on;
``manage.py verify_audit_chain`` walks it and also compares every sign-off with its
entry. Wagtail's page history (PageLogEntry) stays the readable timeline; this is
the tamper-evident one.

Entries keep plain ids and names rather than foreign keys, so deleting a page or
a user never touches the record.
"""

import datetime
import json

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from ..signed_scope import canonical_json, digest

GENESIS_HASH = "0" * 64
#: Attempts when two processes append at once and one loses the race for the next link.
APPEND_ATTEMPTS = 5


class AuditChainError(PermissionDenied):
    """Raised on any attempt to change or delete an audit entry."""


class AuditEntryQuerySet(models.QuerySet):
    def append(self, action, *, page=None, revision=None, user=None, data=None):
        """Add an entry at the end of the chain and return it.

        The last entry is locked while the next one is written (PostgreSQL), and the
        unique previous-hash link refuses a second entry after the same one, so
        concurrent appends form one chain: the loser of a race retries.
        """
        # Stored as it will be read back (no Decimals, no tuples), so the hash of
        # the stored entry is the hash computed now.
        data = canonical_data(data or {})
        for attempt in range(APPEND_ATTEMPTS):
            try:
                with transaction.atomic():
                    last = self.select_for_update().order_by("-sequence").first()
                    entry = AuditEntry(
                        sequence=last.sequence + 1 if last else 1,
                        action=action,
                        page_id=page.pk if page else None,
                        page_title=getattr(page, "title", "") or "",
                        revision_id=revision.pk if revision else None,
                        user_id=user.pk if user else None,
                        username=user.get_username() if user else "",
                        recorded_at=timezone.now().replace(microsecond=0),
                        data=data,
                        previous_hash=last.hash if last else GENESIS_HASH,
                    )
                    entry.hash = entry.compute_hash()
                    entry.save(force_insert=True)
                    return entry
            except IntegrityError:
                if attempt == APPEND_ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")

    def update(self, **kwargs):
        raise AuditChainError("Audit entries are append-only.")

    def delete(self):
        raise AuditChainError("Audit entries are append-only.")


def canonical_data(data):
    return json.loads(canonical_json(data))


class AuditEntry(models.Model):
    """One link of the audit chain."""

    class Action(models.TextChoices):
        SIGN_OFF = "sign_off", "Medical sign-off"
        PUBLISH = "publish", "Published"
        UNPUBLISH = "unpublish", "Unpublished"
        PUBLISH_REFUSED = "publish_refused", "Publish refused"

    sequence = models.PositiveBigIntegerField(unique=True)
    action = models.CharField(max_length=30, choices=Action.choices)
    page_id = models.BigIntegerField(null=True, db_index=True)
    page_title = models.CharField(max_length=255, blank=True)
    revision_id = models.BigIntegerField(null=True)
    user_id = models.BigIntegerField(null=True)
    username = models.CharField(max_length=150, blank=True)
    recorded_at = models.DateTimeField()
    data = models.JSONField(default=dict)
    previous_hash = models.CharField(max_length=64, unique=True)
    hash = models.CharField(max_length=64, unique=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["sequence"]
        verbose_name_plural = "audit entries"

    def __str__(self):
        return f"#{self.sequence} {self.get_action_display()} page {self.page_id}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AuditChainError("Audit entries are append-only.")
        return super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditChainError("Audit entries are append-only.")

    def hashed_fields(self):
        return {
            "sequence": self.sequence,
            "action": self.action,
            "page_id": self.page_id,
            "page_title": self.page_title,
            "revision_id": self.revision_id,
            "user_id": self.user_id,
            "username": self.username,
            "recorded_at": self.recorded_at.astimezone(datetime.UTC).isoformat(),
            "data": self.data,
            "previous_hash": self.previous_hash,
        }

    def compute_hash(self):
        return digest(self.hashed_fields())


def verify_chain(entries=None):
    """Problems found walking the chain in order, as sentences; empty when it is intact."""
    problems = []
    previous_hash, expected_sequence = GENESIS_HASH, 1
    for entry in entries if entries is not None else AuditEntry.objects.order_by("sequence"):
        if entry.sequence != expected_sequence:
            problems.append(
                f"Entry #{entry.sequence} follows #{expected_sequence - 1}: "
                f"{entry.sequence - expected_sequence} entr(y/ies) missing or reordered."
            )
        if entry.previous_hash != previous_hash:
            problems.append(f"Entry #{entry.sequence} does not link to the entry before it.")
        if entry.compute_hash() != entry.hash:
            problems.append(f"Entry #{entry.sequence} was changed after it was recorded.")
        previous_hash, expected_sequence = entry.hash, entry.sequence + 1
    return problems
