"""Content fingerprints: what a medical sign-off is bound to.

A sign-off stores the SHA-256 of the reviewed content; the publish gate compares
the content being published with it. Everything here is a pure function of a
revision's serialised content, so models, the gate and the audit command share it.
"""

import hashlib
import json
import re

from django.core.serializers.json import DjangoJSONEncoder

# Fields of an article's serialised content that a medical sign-off covers: all
# the reader sees as the article. Scheduling, ownership, slugs and tags are not.
REVIEWED_FIELDS = (
    "title",
    "seo_title",
    "search_description",
    "summary",
    "hero_image",
    "hero_image_alt",
    "body",
    "medical_audience",
    "authors",
    "references",
)
# Keys of child records (authors, references) that identify rows, not content.
CHILD_IDENTITY_KEYS = {"pk", "id", "page", "sort_order"}

BLOCK_KEY_ATTRIBUTE = re.compile(r'\sdata-block-key="[^"]*"')


def _strip_editor_metadata(value):
    """Drop block ids and the rich text editor's block keys: they change on re-save, not content."""
    if isinstance(value, dict):
        return {key: _strip_editor_metadata(item) for key, item in value.items() if key != "id"}
    if isinstance(value, list):
        return [_strip_editor_metadata(item) for item in value]
    if isinstance(value, str):
        return BLOCK_KEY_ATTRIBUTE.sub("", value)
    return value


def _normalise(field, value):
    if field == "body":
        if isinstance(value, str):
            value = json.loads(value or "[]")
        value = _strip_editor_metadata(value)
    if field in ("authors", "references"):
        value = [
            {key: item_value for key, item_value in item.items() if key not in CHILD_IDENTITY_KEYS}
            for item in value or []
        ]
    return value


def fingerprint_content(content):
    """SHA-256 over the reviewed fields of serialised page content (a revision's `content`)."""
    reviewed = {field: _normalise(field, content.get(field)) for field in REVIEWED_FIELDS}
    canonical = json.dumps(reviewed, sort_keys=True, separators=(",", ":"), cls=DjangoJSONEncoder)
    return hashlib.sha256(canonical.encode()).hexdigest()


def fingerprint_page(page):
    return fingerprint_content(page.serializable_data())


def fingerprint_revision(revision):
    return fingerprint_content(revision.content)
