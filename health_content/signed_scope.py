"""What a medical sign-off covers: everything the reader sees of an article.

The *signed scope* of a page is a JSON document with four parts:

``content``
    The page's reviewed fields (the model's ``reviewed_fields``) in canonical form:
    StreamField blocks walked with their block definitions (rich text parsed into
    a tree, so text a writer types can never be mistaken for markup), child
    records (authors, references) without their row ids, and every relation as a
    reference (``{"ref": "app.model:pk"}``). Built from serialised content alone,
    without queries, so the publish gate can afford it on every check.
``objects``
    For every referenced object the reader sees through the article (disclaimer
    text, nutrient values and units, author names, topics, image and document
    files by the SHA-1 of their bytes), the fields that reach the reader: the
    model's ``signed_fields``.
``settings``
    What the page shows that comes from settings (the effective review interval,
    hence "next review due"): the page model's ``signed_settings()``.
``version``
    `SCOPE_VERSION`.

A sign-off stores the scope it signed and two fingerprints: the content
fingerprint, which the publish gate compares (the revision being published must
match it), and the scope fingerprint, which the electronic signature is bound to.
Live pages render referenced objects as the scope recorded them (`pinned_object`),
so an edit to a nutrient, a disclaimer or a byline never changes live medical
content before a new review. Files cannot be pinned that way: an image or document
used by live articles cannot have its file replaced (health_content.protection).
"""

import hashlib
import json
from decimal import Decimal, InvalidOperation
from html.parser import HTMLParser

from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

#: Bump when the shape of the scope changes: older sign-offs then need a new review.
SCOPE_VERSION = 2
#: Keys of serialised child records that identify the row, not its content.
CHILD_IDENTITY_KEYS = {"pk", "id", "page", "sort_order"}
#: What readers see of Wagtail's own image and document models (ours declare
#: ``signed_fields`` on the model). Focal points decide how an image is cropped.
IMAGE_SIGNED_FIELDS = (
    "file_hash",
    "focal_point_x",
    "focal_point_y",
    "focal_point_width",
    "focal_point_height",
)
DOCUMENT_SIGNED_FIELDS = ("file_hash", "title")


def canonical_json(data):
    return json.dumps(data, sort_keys=True, separators=(",", ":"), cls=DjangoJSONEncoder)


def digest(data):
    """SHA-256 of `data` in canonical JSON."""
    return hashlib.sha256(canonical_json(data).encode()).hexdigest()


def object_key(model, pk):
    return f"{model._meta.label_lower}:{pk}"


def signed_fields(model):
    """The fields of `model` that readers see through an article, or None when none are."""
    if issubclass(model, get_image_model()):
        return IMAGE_SIGNED_FIELDS
    if issubclass(model, get_document_model()):
        return DOCUMENT_SIGNED_FIELDS
    return getattr(model, "signed_fields", None)


# Content ---------------------------------------------------------------------------


def canonical_content(model, data):
    """The reviewed fields of serialised page content `data` (a revision's ``content``)."""
    return {
        name: _field_value(model._meta.get_field(name), data.get(name))
        for name in model.reviewed_fields
    }


def _ref(model, pk):
    return None if pk in (None, "") else {"ref": object_key(model, pk)}


def _field_value(field, value):
    if isinstance(field, ParentalManyToManyField):
        return sorted(
            (_ref(field.related_model, pk) for pk in value or []), key=lambda ref: ref["ref"]
        )
    if field.one_to_many:  # a child relation (ParentalKey), e.g. authors or references
        child_model = field.related_model
        return [_child_value(child_model, item) for item in value or []]
    if field.many_to_one:
        return _ref(field.related_model, value)
    stream_block = getattr(field, "stream_block", None)
    if stream_block is not None:
        if isinstance(value, str):
            value = json.loads(value or "[]")
        return _block_value(stream_block, value)
    return _leaf(value)


def _child_value(model, item):
    values = {}
    for key, value in item.items():
        if key in CHILD_IDENTITY_KEYS:
            continue
        field = model._meta.get_field(key)
        values[key] = _ref(field.related_model, value) if field.many_to_one else _leaf(value)
    return values


def _block_value(block, raw):
    """Canonical form of `raw` (a block's stored JSON value), walked with its definition."""
    if isinstance(block, blocks.StreamBlock):
        return [
            {
                "type": child["type"],
                "value": _block_value(block.child_blocks[child["type"]], child.get("value")),
            }
            for child in raw or []
            if child.get("type") in block.child_blocks
        ]
    if isinstance(block, blocks.ListBlock):
        items = [
            item["value"] if isinstance(item, dict) and item.get("type") == "item" else item
            for item in raw or []
        ]
        return [_block_value(block.child_block, item) for item in items]
    if isinstance(block, blocks.StructBlock):
        raw = raw or {}
        return {
            name: _block_value(child, raw.get(name)) for name, child in block.child_blocks.items()
        }
    if isinstance(block, TypedTableBlock):
        raw = raw or {}
        columns = raw.get("columns") or []
        return {
            "caption": raw.get("caption", ""),
            "columns": [{"type": c.get("type"), "heading": c.get("heading")} for c in columns],
            "rows": [
                [
                    _block_value(block.child_blocks.get(column.get("type")), value)
                    for column, value in zip(columns, row.get("values") or [], strict=False)
                ]
                for row in raw.get("rows") or []
            ],
        }
    if isinstance(block, blocks.RichTextBlock):
        return {"rich_text": rich_text_nodes(raw or "")}
    if isinstance(block, blocks.ChooserBlock):
        return _ref(block.target_model, raw)
    if isinstance(block, blocks.DecimalBlock):
        return _amount(raw)
    return _leaf(raw)


def _amount(raw):
    # 2.6 and 2.60 are the same amount to a reader; anything unreadable is kept as typed.
    try:
        return f"{Decimal(str(raw)).normalize():f}" if raw not in (None, "") else None
    except InvalidOperation:
        return raw


def _leaf(value):
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    return value


def rich_text_nodes(html):
    """Rich text `html` as the scope records it (see `_HTMLTree`)."""
    return _HTMLTree.parse(html).nodes


class _HTMLTree(HTMLParser):
    """Rich text as a tree of ``[tag, {attributes}, [children]]`` lists and text strings.

    The editor's ``data-block-key`` attributes change on every save and mean nothing
    to the reader, so they are dropped; everything else, text included, is kept as
    it is, so no typed text can collide with markup.
    """

    IGNORED_ATTRIBUTES = {"data-block-key"}
    VOID = {"area", "br", "col", "embed", "hr", "img", "input", "source", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.nodes = []
        self._open = [self.nodes]

    @classmethod
    def parse(cls, html):
        tree = cls()
        tree.feed(html)
        tree.close()
        return tree

    def handle_starttag(self, tag, attrs):
        attributes = {
            name: value or "" for name, value in attrs if name not in self.IGNORED_ATTRIBUTES
        }
        node = [tag, attributes, []]
        self._open[-1].append(node)
        if tag not in self.VOID:
            self._open.append(node[2])

    def handle_startendtag(self, tag, attrs):
        attributes = {
            name: value or "" for name, value in attrs if name not in self.IGNORED_ATTRIBUTES
        }
        self._open[-1].append([tag, attributes, []])

    def handle_endtag(self, tag):
        if tag not in self.VOID and len(self._open) > 1:
            self._open.pop()

    def handle_data(self, data):
        self._open[-1].append(data)


# Referenced objects ----------------------------------------------------------------


def referenced_keys(content):
    """Keys of the objects `content` refers to whose fields readers see."""
    keys = set()
    _collect_keys(content, keys)
    return keys


def _collect_keys(value, keys):
    if isinstance(value, dict):
        ref = value.get("ref")
        if isinstance(ref, str) and _model_for(ref) is not None:
            keys.add(ref)
        for item in value.values():
            _collect_keys(item, keys)
    elif isinstance(value, list):
        if len(value) == 3 and value[0] == "a" and isinstance(value[1], dict):
            # A rich text link: linked documents are what the reader downloads.
            attributes = value[1]
            if attributes.get("linktype") == "document" and attributes.get("id"):
                keys.add(object_key(get_document_model(), attributes["id"]))
        for item in value:
            _collect_keys(item, keys)


def _model_for(key):
    label, _, _ = key.rpartition(":")
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return None
    return model if signed_fields(model) is not None else None


def current_file_hash(instance):
    """SHA-1 of the stored file as it is now, not the recorded hash (which a swap would keep)."""
    try:
        with instance.file.open("rb") as handle:
            return hash_filelike(handle)
    except (FileNotFoundError, OSError, ValueError):
        return "missing"


def object_snapshot(instance):
    """The signed fields of one referenced object as the reader sees them now."""
    return {
        name: current_file_hash(instance) if name == "file_hash" else _leaf(getattr(instance, name))
        for name in signed_fields(type(instance))
    }


def object_snapshots(keys):
    """``{key: snapshot}`` for `keys`, one query per model; a deleted object maps to None."""
    by_model = {}
    for key in keys:
        by_model.setdefault(key.rpartition(":")[0], []).append(key.rpartition(":")[2])
    snapshots = {}
    for label, pks in by_model.items():
        model = apps.get_model(label)
        found = model._default_manager.in_bulk([model._meta.pk.to_python(pk) for pk in pks])
        for pk in pks:
            instance = found.get(model._meta.pk.to_python(pk))
            snapshots[object_key(model, pk)] = object_snapshot(instance) if instance else None
    return snapshots


# The whole scope -------------------------------------------------------------------


def signed_scope(page):
    """The scope of `page` (a reviewed page, or a revision's ``as_object()``) as it reads now."""
    content = canonical_content(type(page), page.serializable_data())
    return {
        "version": SCOPE_VERSION,
        "content": content,
        "objects": object_snapshots(referenced_keys(content)),
        "settings": page.signed_settings(),
    }


def content_fingerprint(content):
    return digest({"version": SCOPE_VERSION, "content": content})


def scope_fingerprint(scope):
    return digest(scope)


def page_content_fingerprint(page):
    """The content fingerprint of `page` as it is in memory (no queries for stream content)."""
    return content_fingerprint(canonical_content(type(page), page.serializable_data()))


def revision_content_fingerprint(revision):
    model = revision.content_type.model_class()
    return content_fingerprint(canonical_content(model, revision.content))


def changed_objects(scope):
    """Keys of the objects in `scope` whose reader-visible fields differ now, or that are gone."""
    signed = scope.get("objects") or {}
    current = object_snapshots(signed)
    return sorted(key for key, snapshot in signed.items() if current.get(key) != snapshot)


# Rendering what was signed ---------------------------------------------------------


def pinned_object(instance, scope):
    """`instance` as `scope` recorded it (an unsaved copy), or `instance` if unrecorded.

    For rendering live pages: readers see the disclaimer text, nutrient values and
    names the reviewer signed, whatever has been edited since. Files are not
    pinned (see the module docstring).
    """
    if instance is None or not scope:
        return instance
    snapshot = (scope.get("objects") or {}).get(object_key(type(instance), instance.pk))
    if not snapshot or "file_hash" in snapshot:
        return instance
    pinned = type(instance)()
    for field in instance._meta.concrete_fields:
        setattr(pinned, field.attname, getattr(instance, field.attname))
    for name, value in snapshot.items():
        field = instance._meta.get_field(name)
        setattr(pinned, field.attname, field.to_python(value))
    pinned._state.adding = False
    pinned._state.db = instance._state.db
    return pinned


def recorded_object(model, pk, scope):
    """The object of `model` with `pk` built from what `scope` recorded of it, without a query.

    An unsaved-looking copy holding the primary key and the signed fields only
    (``signed_fields`` are by definition all that readers see of it), or None
    when the scope did not record it or records a file (files are not pinned).
    """
    snapshot = (scope.get("objects") or {}).get(object_key(model, pk)) if scope else None
    if not snapshot or "file_hash" in snapshot:
        return None
    instance = model(pk=model._meta.pk.to_python(pk))
    for name, value in snapshot.items():
        field = model._meta.get_field(name)
        setattr(instance, field.attname, field.to_python(value))
    instance._state.adding = False
    return instance


def recorded_refs(scope, field_name, key=None):
    """The objects a reviewed relation of the signed content referred to, as recorded.

    ``field_name`` is a many-to-many field (e.g. ``topics``), or, with `key`, a child
    relation whose records refer to them (``authors`` records' ``author``). None if
    any of them was not recorded, so callers fall back to the database.
    """
    values = ((scope or {}).get("content") or {}).get(field_name)
    if values is None:
        return None
    refs = [value.get(key) if key else value for value in values]
    objects = []
    for ref in refs:
        label, _, pk = (ref or {}).get("ref", "").rpartition(":")
        try:
            model = apps.get_model(label)
        except (LookupError, ValueError):
            return None
        instance = recorded_object(model, pk, scope)
        if instance is None:
            return None
        objects.append(instance)
    return objects


def recorded_children(scope, model, field_name):
    """Unsaved `model` records of a child relation (e.g. references) as signed, or None."""
    values = ((scope or {}).get("content") or {}).get(field_name)
    if values is None:
        return None
    records = []
    for value in values:
        record = model()
        for name, item in value.items():
            field = model._meta.get_field(name)
            if field.many_to_one:
                return None  # refers to another object: not handled here
            setattr(record, field.attname, field.to_python(item))
        records.append(record)
    return records


def pin_stream(stream_value, scope):
    """Replace, in place, the objects referenced in `stream_value` by their signed versions."""
    for child in stream_value or []:
        _pin(child.value, scope)


def _pin(value, scope):
    if isinstance(value, blocks.StructValue):
        for name, item in value.items():
            if isinstance(item, models.Model):
                value[name] = pinned_object(item, scope)
            else:
                _pin(item, scope)
    elif isinstance(value, blocks.list_block.ListValue | list):
        for item in value:
            _pin(item, scope)
