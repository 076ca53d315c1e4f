"""The evidence pack of one medically reviewed article: a ZIP an assessor can sample.

`build_evidence_pack(page)` returns the ZIP's bytes. Everything sits under one
folder, ``evidence-pack-<page id>/``:

``index.html``
    The article, its review status, and links to every other part.
``revisions/revision-<id>.json`` and ``.html``
    Every revision's content: as stored by Wagtail, and as the signed scope reads
    it (health_content.signed_scope). A signed revision shows the referenced data
    (disclaimer text, nutrient values, names, files) as its latest sign-off
    recorded them; any other revision shows them as they are now, which is how it
    would be signed.
``diffs/revision-<a>-to-<b>.json`` and ``.html``
    What changed between consecutive revisions (health_content.scope_diff).
``sign-offs/sign-off-<id>.json`` and ``.html``
    Each sign-off: its manifestation (who, credentials, when, meaning, how they
    re-authenticated), attestations, comment, the content-check findings on what
    was signed and the warnings acknowledged, its fingerprints checked against
    the revision, the scope and the audit chain, and what changed since the
    sign-off before it.
``references.json`` and ``.html``
    The references of the latest revision.
``audit.json`` and ``.html``
    The article's entries in the audit chain (health_content.models.audit) and
    the result of verifying the whole chain.
``manifest.json``
    Every other file with its size and SHA-256.

The HTML is self-contained (inline CSS, no scripts, no links leaving the pack;
outside addresses are shown as text) and every text from the database is
escaped by the templates. The number of queries does not grow with the number of
revisions or sign-offs.
"""

import hashlib
import io
import itertools
import json
import zipfile
from dataclasses import dataclass

from django.contrib.staticfiles import finders
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.utils import timezone
from wagtail.models import Revision

from .forms import ATTESTATIONS
from .models import AuditEntry, SignOff
from .models.audit import verify_chain
from .models.review import sign_off_audit_problems
from .scope_diff import ScopeDiff, describe_scope, diff_scopes
from .signed_scope import (
    SCOPE_VERSION,
    canonical_content,
    content_fingerprint,
    object_snapshots,
    referenced_keys,
    scope_fingerprint,
)

#: Bump when the layout of the pack changes; recorded in manifest.json.
PACK_FORMAT_VERSION = 1
#: Inlined, in this order, into every HTML file of the pack.
PACK_CSS_PATHS = ("health_content/css/evidence-pack.css", "health_content/css/scope-diff.css")


def pack_root(page):
    return f"evidence-pack-{page.pk}"


def pack_filename(page):
    return f"{pack_root(page)}.zip"


def build_evidence_pack(page, generated_at=None):
    """The evidence pack of `page` (a medically reviewed page) as ZIP bytes."""
    return EvidencePack(page, generated_at=generated_at).zip_bytes()


@dataclass(frozen=True)
class PackFile:
    path: str
    data: bytes
    description: str


@dataclass(frozen=True)
class RevisionRecord:
    """One revision with the scope it is shown and compared in."""

    revision: Revision
    scope: dict
    sign_offs: tuple
    fingerprint: str

    @property
    def path(self):
        return f"revisions/revision-{self.revision.pk}"


@dataclass(frozen=True)
class RevisionDiff:
    """Two consecutive revisions and what changed between them."""

    old: RevisionRecord
    new: RevisionRecord
    diff: ScopeDiff

    @property
    def path(self):
        return f"diffs/revision-{self.old.revision.pk}-to-{self.new.revision.pk}"


class EvidencePack:
    """Collects one page's records in a fixed number of queries and renders the pack's files."""

    def __init__(self, page, generated_at=None):
        self.page = page.specific
        self.model = type(self.page)
        self.generated_at = generated_at or timezone.now()
        self.root = pack_root(self.page)
        revisions = list(
            Revision.objects.for_instance(self.page)
            .select_related("user")
            .order_by("created_at", "pk")
        )
        self.sign_offs = list(
            SignOff.objects.filter(page_id=self.page.pk).order_by("signed_at", "pk")
        )
        self.audit_entries = list(
            AuditEntry.objects.filter(page_id=self.page.pk).order_by("sequence")
        )
        self.revisions = self._revision_records(revisions)
        self.diffs = [
            RevisionDiff(old, new, diff_scopes(old.scope, new.scope, self.model))
            for old, new in itertools.pairwise(self.revisions)
        ]
        self.chain = self._chain_verification()
        self.css = "\n".join(_read_static(path) for path in PACK_CSS_PATHS)

    def _revision_records(self, revisions):
        contents = {
            revision.pk: canonical_content(self.model, revision.content) for revision in revisions
        }
        signed = {}
        for sign_off in self.sign_offs:
            signed.setdefault(sign_off.revision_id, []).append(sign_off)
        keys = set().union(*(referenced_keys(content) for content in contents.values()))
        current = object_snapshots(keys)
        records = []
        for revision in revisions:
            content = contents[revision.pk]
            sign_offs = tuple(signed.get(revision.pk, ()))
            latest_scope = sign_offs[-1].scope if sign_offs and sign_offs[-1].scope else None
            if latest_scope is not None:
                objects, settings = (
                    latest_scope.get("objects", {}),
                    latest_scope.get("settings", {}),
                )
            else:
                objects = {key: current[key] for key in referenced_keys(content)}
                settings = self._page_fields_at(revision).signed_settings()
            scope = {
                "version": SCOPE_VERSION,
                "content": content,
                "objects": objects,
                "settings": settings,
            }
            records.append(RevisionRecord(revision, scope, sign_offs, content_fingerprint(content)))
        return records

    def _page_fields_at(self, revision):
        """The page with its own fields (no relations) as `revision` saved them.

        Wagtail's ``as_object()`` also loads the revision's relations, a few
        queries for each revision; settings are read from plain fields.
        """
        page = self.model(pk=self.page.pk)
        for field in self.model._meta.concrete_fields:
            if not field.is_relation and field.attname in revision.content:
                setattr(page, field.attname, field.to_python(revision.content[field.attname]))
        return page

    # Building -------------------------------------------------------------------

    def zip_bytes(self):
        self.files = []
        self._add_revisions()
        self._add_sign_offs()
        self._add_references()
        self._add_audit()
        self._add_html(
            "index.html",
            "health_content/evidence/index.html",
            self._index_context(),
            "Start here: the article and links to every part.",
        )
        manifest = {
            "format": "health-content-evidence-pack",
            "format_version": PACK_FORMAT_VERSION,
            "generated_at": self.generated_at,
            "page": self._page_record(),
            "files": [
                {
                    "path": file.path,
                    "bytes": len(file.data),
                    "sha256": hashlib.sha256(file.data).hexdigest(),
                    "description": file.description,
                }
                for file in self.files
            ],
        }
        self._add_json("manifest.json", manifest, "Every other file with its SHA-256.")
        buffer = io.BytesIO()
        stamp = timezone.localtime(self.generated_at).timetuple()[:6]
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for file in self.files:
                info = zipfile.ZipInfo(f"{self.root}/{file.path}", date_time=stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, file.data)
        return buffer.getvalue()

    def _add(self, path, data, description):
        self.files.append(PackFile(path, data, description))

    def _add_json(self, path, data, description):
        self._add(path, _json_text(data).encode(), description)

    def _add_html(self, path, template, context, description):
        depth = path.count("/")
        context = {"css": self.css, "up": "../" * depth, "page": self.page, "pack": self, **context}
        self._add(path, render_to_string(template, context).encode(), description)

    def _add_revisions(self):
        diffs_to = {entry.new.revision.pk: entry for entry in self.diffs}
        for record in self.revisions:
            revision = record.revision
            data = {
                "revision_id": revision.pk,
                "created_at": revision.created_at,
                "user": _username(revision.user),
                "approved_go_live_at": revision.approved_go_live_at,
                "is_live": revision.pk == self.page.live_revision_id,
                "is_latest": revision.pk == self.page.latest_revision_id,
                "sign_off_ids": [sign_off.pk for sign_off in record.sign_offs],
                "content_fingerprint": record.fingerprint,
                "content": revision.content,
                "signed_scope": record.scope,
            }
            self._add_json(f"{record.path}.json", data, f"Revision {revision.pk}: its content.")
            self._add_html(
                f"{record.path}.html",
                "health_content/evidence/revision.html",
                {
                    "record": record,
                    "fields": describe_scope(record.scope, self.model),
                    "diff_from_previous": diffs_to.get(revision.pk),
                },
                f"Revision {revision.pk}: its content, readable.",
            )
        for entry in self.diffs:
            old, new = entry.old.revision.pk, entry.new.revision.pk
            data = {"from_revision": old, "to_revision": new, "diff": entry.diff.as_dict()}
            self._add_json(
                f"{entry.path}.json", data, f"What changed from revision {old} to {new}."
            )
            self._add_html(
                f"{entry.path}.html",
                "health_content/evidence/diff.html",
                {"entry": entry, "diff": entry.diff},
                f"What changed from revision {old} to {new}, readable.",
            )

    def _add_sign_offs(self):
        fingerprints = {record.revision.pk: record.fingerprint for record in self.revisions}
        entries = {
            entry.data.get("sign_off_id"): entry
            for entry in self.audit_entries
            if entry.action == AuditEntry.Action.SIGN_OFF
        }
        previous = None
        for sign_off in self.sign_offs:
            entry = entries.get(sign_off.pk)
            checks = {
                "scope_fingerprint_matches_scope": bool(sign_off.scope)
                and scope_fingerprint(sign_off.scope) == sign_off.scope_fingerprint,
                "content_fingerprint_matches_scope": bool(sign_off.scope)
                and content_fingerprint(sign_off.scope.get("content")) == sign_off.fingerprint,
                "revision_content_matches_fingerprint": fingerprints.get(sign_off.revision_id)
                == sign_off.fingerprint,
                "audit_entry": entry.sequence if entry else None,
                "audit_problems": sign_off_audit_problems([sign_off], [entry] if entry else []),
            }
            data = {
                "sign_off_id": sign_off.pk,
                "page_id": sign_off.page_id,
                "page_title": sign_off.page_title,
                "revision_id": sign_off.revision_id,
                "manifestation": sign_off.manifestation(),
                "reviewer": {
                    "profile_id": sign_off.reviewer_id,
                    "user_id": sign_off.user_id,
                    "name": sign_off.reviewer_name,
                    "credentials": sign_off.reviewer_credentials,
                    "conflicts_of_interest": sign_off.reviewer_conflicts,
                },
                "attestation_statements": {
                    key: ATTESTATIONS.get(key, key) for key in sign_off.attestations
                },
                "comment": sign_off.comment,
                "acknowledgements": sign_off.acknowledgements,
                "check_findings": sign_off.check_findings,
                "verification": checks,
                "scope": sign_off.scope,
            }
            slug = f"sign-off-{sign_off.pk}"
            self._add_json(
                f"sign-offs/{slug}.json", data, f"Sign-off {sign_off.pk}: the full record."
            )
            since_previous = (
                diff_scopes(previous.scope, sign_off.scope, self.model)
                if previous is not None and previous.scope and sign_off.scope
                else None
            )
            self._add_html(
                f"sign-offs/{slug}.html",
                "health_content/evidence/sign_off.html",
                {
                    "sign_off": sign_off,
                    "attestations": [
                        (ATTESTATIONS.get(key, key), value)
                        for key, value in sign_off.attestations.items()
                    ],
                    "verification": checks,
                    "previous": previous,
                    "since_previous": since_previous,
                },
                f"Sign-off {sign_off.pk}: manifestation, checks and acknowledgements, readable.",
            )
            previous = sign_off

    def _add_references(self):
        latest = self.revisions[-1] if self.revisions else None
        references = latest.scope["content"].get("references", []) if latest else []
        data = {"revision_id": latest.revision.pk if latest else None, "references": references}
        self._add_json("references.json", data, "The references of the latest revision.")
        self._add_html(
            "references.html",
            "health_content/evidence/references.html",
            {"latest": latest, "references": references},
            "The references of the latest revision, readable.",
        )

    def _chain_verification(self):
        """The whole chain verified, and this page's sign-offs against their entries."""
        problems = verify_chain()
        problems += sign_off_audit_problems(self.sign_offs, self.audit_entries)
        head = AuditEntry.objects.order_by("-sequence").values("sequence", "hash").first()
        return {"intact": not problems, "problems": problems, "head": head}

    def _add_audit(self):
        entries = [
            {
                **entry.hashed_fields(),
                "hash": entry.hash,
                "hash_verified": entry.compute_hash() == entry.hash,
            }
            for entry in self.audit_entries
        ]
        self._add_json(
            "audit.json",
            {"chain": self.chain, "entries": entries},
            "The article's audit entries and the chain's verification.",
        )
        self._add_html(
            "audit.html",
            "health_content/evidence/audit.html",
            {
                "chain": self.chain,
                "entries": [{**entry, "data_json": _json_text(entry["data"])} for entry in entries],
            },
            "The article's audit entries and the chain's verification, readable.",
        )

    def _page_record(self):
        page = self.page
        return {
            "id": page.pk,
            "title": page.title,
            "model": page._meta.label,
            "url_path": page.url_path,
            "live": page.live,
            "live_revision_id": page.live_revision_id,
            "latest_revision_id": page.latest_revision_id,
            "first_published_at": page.first_published_at,
            "last_published_at": page.last_published_at,
        }

    def _index_context(self):
        return {
            "record": self._page_record(),
            "revisions": self.revisions,
            "diffs": self.diffs,
            "sign_offs": self.sign_offs,
            "chain": self.chain,
            "generated_at": self.generated_at,
        }


def _json_text(data):
    return json.dumps(data, cls=DjangoJSONEncoder, indent=2, sort_keys=True, ensure_ascii=False)


def _username(user):
    return user.get_username() if user else ""


def _read_static(path):
    found = finders.find(path)
    with open(found, encoding="utf-8") as handle:
        return handle.read()
