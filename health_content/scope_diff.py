"""Readable differences between two signed scopes (health_content.signed_scope).

`diff_scopes(old, new)` compares everything a reader sees of an article:

* the reviewed fields of the content. Lists (the body's blocks, authors,
  references, topics) are compared item by item: an item is added, removed,
  changed or unchanged; items are matched by content first, and an unmatched old
  item and new item of the same block type in the same place count as one
  changed item. Each item is shown as lines ("rows 2 / amount: 17"), compared
  line by line, and a changed line word by word;
* the referenced objects (disclaimer text, nutrient values, author names,
  topics, images and documents by file hash), as the two scopes recorded them;
* the settings the page shows (the review interval).

Every text is returned as plain strings: templates escape them when they render.
The reviewer's "Changes since the last sign-off" (health_content.evidence_admin)
and the evidence pack (health_content.evidence) both render these results.
"""

import difflib
import re
from dataclasses import asdict, dataclass

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from wagtail import blocks
from wagtail.fields import RichTextField

from .publish_gate import latest_sign_off
from .signed_scope import canonical_json, rich_text_nodes, signed_fields, signed_scope

EQUAL, ADDED, REMOVED, CHANGED, UNCHANGED = "equal", "added", "removed", "changed", "unchanged"
#: Joins the parts of a line's label: "rows 2 / amount".
PATH_SEPARATOR = " / "
#: Rich text elements that start a line of their own.
BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "div", "br"}
#: Snapshot fields that name an object, in order of preference.
NAME_FIELDS = ("display_name", "name", "title")
ITEM_TITLE_LENGTH = 80
#: Lines that name an item best, before its first line: "Section: What B12 does".
TITLE_LABELS = ("heading", "title", "caption", "substance", "question")
_WORDS = re.compile(r"\w+|\s+|[^\w\s]")
_INDEX = re.compile(r" \d+(?=$| /)")


@dataclass(frozen=True)
class Segment:
    """A run of words of a changed line: kept (equal), added (insert) or removed (delete)."""

    kind: str
    text: str


@dataclass(frozen=True)
class Line:
    """One line of an item: its label (a path inside the item), the old and new text."""

    status: str
    label: str
    old: str = ""
    new: str = ""
    segments: tuple = ()

    @property
    def text(self):
        return self.old if self.status == REMOVED else self.new


@dataclass(frozen=True)
class Item:
    """One block of a stream field, or one entry of another list (an author, a reference)."""

    status: str
    title: str
    old_position: int | None
    new_position: int | None
    lines: tuple = ()


@dataclass(frozen=True)
class FieldChange:
    """A reviewed field that differs: its items (for lists) or its lines (for values)."""

    name: str
    label: str
    items: tuple = ()
    lines: tuple = ()

    def counts(self):
        """``{status: count}`` of the items that are not unchanged."""
        counts = {}
        for item in self.items:
            if item.status != UNCHANGED:
                counts[item.status] = counts.get(item.status, 0) + 1
        return counts


@dataclass(frozen=True)
class ObjectChange:
    """A referenced object whose recorded fields differ, or that one side does not refer to."""

    key: str
    label: str
    status: str
    lines: tuple = ()


@dataclass(frozen=True)
class ScopeDiff:
    """What differs between two signed scopes; empty when a reader would see no difference."""

    fields: tuple
    objects: tuple
    settings: tuple
    old_version: int | None
    new_version: int | None

    @property
    def is_empty(self):
        return not (self.fields or self.objects or self.settings)

    def summary(self):
        """One sentence per changed part, for the sign-off dialog."""
        sentences = []
        for field in self.fields:
            counts = field.counts()
            if counts:
                parts = ", ".join(f"{count} {status}" for status, count in counts.items())
                sentences.append(f"{field.label}: {parts}.")
            else:
                sentences.append(f"{field.label} changed.")
        sentences += [f"{change.label}: {change.status}." for change in self.objects]
        sentences += [f"Setting {line.label} changed." for line in self.settings]
        return sentences

    def as_dict(self):
        return asdict(self)


def diff_scopes(old, new, model=None):
    """The `ScopeDiff` from scope `old` to scope `new`.

    `model` (the page model) names fields and block types as the editor does;
    without it they are named from their keys.
    """
    old, new = old or {}, new or {}
    labels = _Labels(model)
    old_content, new_content = old.get("content") or {}, new.get("content") or {}
    old_objects, new_objects = old.get("objects") or {}, new.get("objects") or {}
    fields = []
    order = getattr(model, "reviewed_fields", ()) or new_content
    for name in _ordered_keys(order, {**old_content, **new_content}):
        old_value, new_value = old_content.get(name), new_content.get(name)
        if canonical_json(old_value) == canonical_json(new_value):
            continue
        label = labels.field(name)
        if isinstance(old_value, list) or isinstance(new_value, list):
            items = _diff_items(
                old_value or [], new_value or [], label, labels, old_objects, new_objects
            )
            fields.append(FieldChange(name, label, items=items))
        else:
            lines = _diff_lines(
                _lines(old_value, "", old_objects, like=new_value),
                _lines(new_value, "", new_objects),
            )
            fields.append(FieldChange(name, label, lines=lines))
    return ScopeDiff(
        fields=tuple(fields),
        objects=_diff_objects(old_objects, new_objects),
        settings=_diff_settings(old.get("settings") or {}, new.get("settings") or {}),
        old_version=old.get("version"),
        new_version=new.get("version"),
    )


def describe_scope(scope, model=None):
    """Every reviewed field of `scope` as unchanged items and lines, to show one version."""
    labels = _Labels(model)
    content, objects = (scope or {}).get("content") or {}, (scope or {}).get("objects") or {}
    fields = []
    for name, value in content.items():
        label = labels.field(name)
        if isinstance(value, list):
            items = tuple(
                Item(
                    UNCHANGED,
                    _item_title(item, label, labels, objects),
                    position,
                    position,
                    _equal_lines(_item_lines(item, objects)),
                )
                for position, item in enumerate(value, start=1)
            )
            fields.append(FieldChange(name, label, items=items))
        else:
            fields.append(FieldChange(name, label, lines=_equal_lines(_lines(value, "", objects))))
    return fields


def _equal_lines(pairs):
    return tuple(Line(EQUAL, label, text, text) for label, text in pairs)


# Items ---------------------------------------------------------------------------


def _diff_items(old_items, new_items, label, labels, old_objects, new_objects):
    old_keys = [canonical_json(item) for item in old_items]
    new_keys = [canonical_json(item) for item in new_items]
    result = []
    matcher = difflib.SequenceMatcher(None, old_keys, new_keys, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            result += [
                Item(
                    UNCHANGED,
                    _item_title(new_items[j1 + k], label, labels, new_objects),
                    i1 + k + 1,
                    j1 + k + 1,
                )
                for k in range(i2 - i1)
            ]
            continue
        # Unmatched runs: an old and a new item of the same kind, in the same place,
        # are one item changed; the rest were removed or added.
        old_kinds = [_kind(item) for item in old_items[i1:i2]]
        new_kinds = [_kind(item) for item in new_items[j1:j2]]
        kinds = difflib.SequenceMatcher(None, old_kinds, new_kinds, autojunk=False)
        for kind_tag, k1, k2, m1, m2 in kinds.get_opcodes():
            if kind_tag == "equal":
                for k in range(k2 - k1):
                    old_item, new_item = old_items[i1 + k1 + k], new_items[j1 + m1 + k]
                    result.append(
                        Item(
                            CHANGED,
                            _item_title(new_item, label, labels, new_objects),
                            i1 + k1 + k + 1,
                            j1 + m1 + k + 1,
                            _diff_lines(
                                _item_lines(old_item, old_objects, like=new_item),
                                _item_lines(new_item, new_objects),
                            ),
                        )
                    )
                continue
            result += [
                _whole_item(REMOVED, old_items[i1 + k], i1 + k + 1, label, labels, old_objects)
                for k in range(k1, k2)
            ]
            result += [
                _whole_item(ADDED, new_items[j1 + m], j1 + m + 1, label, labels, new_objects)
                for m in range(m1, m2)
            ]
    return tuple(result)


def _whole_item(status, item, position, label, labels, objects):
    """An item only one side has: every line of it added, or every line removed."""
    lines = tuple(
        Line(status, line_label, **{"old" if status == REMOVED else "new": text})
        for line_label, text in _item_lines(item, objects)
    )
    old_position, new_position = (position, None) if status == REMOVED else (None, position)
    return Item(
        status, _item_title(item, label, labels, objects), old_position, new_position, lines
    )


def _is_block(item):
    return isinstance(item, dict) and set(item) == {"type", "value"}


def _kind(item):
    return item["type"] if _is_block(item) else ""


def _item_lines(item, objects, like=None):
    if _is_block(item):
        like_value = like.get("value") if _is_block(like) else None
        return _lines(item["value"], "", objects, like=like_value)
    return _lines(item, "", objects, like=like)


def _item_title(item, field_label, labels, objects):
    kind = labels.block(item["type"]) if _is_block(item) else field_label
    lines = [(label, text) for label, text in _item_lines(item, objects) if text.strip()]
    titles = [text for label, text in lines if label in TITLE_LABELS]
    first = (titles or [text for _, text in lines] or [""])[0]
    if len(first) > ITEM_TITLE_LENGTH:
        first = first[: ITEM_TITLE_LENGTH - 1].rstrip() + "…"
    return f"{kind}: {first}" if first else kind


# Lines ---------------------------------------------------------------------------


def _lines(value, label, objects, like=None):
    """``[(label, text), ...]`` for a canonical value; empty values give no line.

    `like` is the value this one is compared with: dictionaries are walked in its
    key order, so two scopes whose JSON was stored with different key orders (as
    PostgreSQL's jsonb does) still line up.
    """
    if value is None or value == "" or value == []:
        return []
    if isinstance(value, dict):
        if set(value) == {"ref"}:
            return [(label, ref_text(value["ref"], objects))]
        if set(value) == {"rich_text"}:
            return [(label, text) for text in rich_text_lines(value["rich_text"])]
        like = like if isinstance(like, dict) else {}
        lines = []
        for key in _ordered_keys(like, value):
            lines += _lines(value[key], _join(label, _humanise(key)), objects, like.get(key))
        return lines
    if isinstance(value, list):
        like = like if isinstance(like, list) else []
        lines = []
        for position, item in enumerate(value, start=1):
            item_like = like[position - 1] if position <= len(like) else None
            lines += _lines(item, _join(label, str(position)), objects, item_like)
        return lines
    if isinstance(value, bool):
        return [(label, "yes" if value else "no")]
    return [(label, str(value))]


def _diff_lines(old_lines, new_lines):
    """Line-level difference; lines match on their text and label less list positions,
    so a row inserted above does not make every row below it look changed."""
    old_keys = [(_INDEX.sub("", label), text) for label, text in old_lines]
    new_keys = [(_INDEX.sub("", label), text) for label, text in new_lines]
    result = []
    matcher = difflib.SequenceMatcher(None, old_keys, new_keys, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            result += [
                Line(EQUAL, new_lines[j][0], old_lines[i][1], new_lines[j][1])
                for i, j in zip(range(i1, i2), range(j1, j2), strict=True)
            ]
            continue
        old_run, new_run = old_lines[i1:i2], new_lines[j1:j2]
        # Lines with the same label in the same place changed; the rest went or came.
        pairs = difflib.SequenceMatcher(
            None,
            [_INDEX.sub("", label) for label, _ in old_run],
            [_INDEX.sub("", label) for label, _ in new_run],
            autojunk=False,
        )
        for pair_tag, k1, k2, m1, m2 in pairs.get_opcodes():
            if pair_tag == "equal":
                for (_, old_text), (new_label, new_text) in zip(
                    old_run[k1:k2], new_run[m1:m2], strict=True
                ):
                    result.append(
                        Line(CHANGED, new_label, old_text, new_text, word_diff(old_text, new_text))
                    )
                continue
            result += [Line(REMOVED, label, old=text) for label, text in old_run[k1:k2]]
            result += [Line(ADDED, label, new=text) for label, text in new_run[m1:m2]]
    return tuple(result)


def word_diff(old, new):
    """`Segment`s turning text `old` into `new`, word by word."""
    old_words, new_words = _WORDS.findall(old), _WORDS.findall(new)
    segments = []
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            segments.append(Segment("equal", "".join(old_words[i1:i2])))
            continue
        if i2 > i1:
            segments.append(Segment("delete", "".join(old_words[i1:i2])))
        if j2 > j1:
            segments.append(Segment("insert", "".join(new_words[j1:j2])))
    return tuple(segments)


def rich_text_lines(nodes):
    """Rich text (as the scope records it) as lines of text, one per paragraph or list item.

    Link targets are kept in the text ("[→ https://…]"): where a link points is
    part of what the reader is sent to.
    """
    lines, current = [], []

    def flush():
        text = " ".join("".join(current).split())
        if text:
            lines.append(text)
        current.clear()

    def walk(node_list):
        for node in node_list:
            if isinstance(node, str):
                current.append(node)
                continue
            tag, attributes, children = node
            if tag in BLOCK_TAGS:
                flush()
                if tag == "li":
                    current.append("• ")
                elif tag[0] == "h" and tag[1:].isdigit():
                    current.append("#" * int(tag[1:]) + " ")
            walk(children)
            target = _link_target(tag, attributes)
            if target:
                current.append(f" [→ {target}]")
            if tag in BLOCK_TAGS:
                flush()

    walk(nodes)
    flush()
    return lines


def _link_target(tag, attributes):
    if tag == "a":
        if attributes.get("linktype") in ("page", "document"):
            return f"{attributes['linktype']} {attributes.get('id', '?')}"
        return attributes.get("href", "")
    if tag == "embed":
        return f"{attributes.get('embedtype', 'embed')} {attributes.get('id', '?')}"
    return ""


def ref_text(key, objects):
    """How a reference to an object reads: its kind, id and recorded name or file."""
    label, _, pk = key.rpartition(":")
    try:
        kind = str(apps.get_model(label)._meta.verbose_name)
    except (LookupError, ValueError):
        kind = label
    snapshot = objects.get(key) or {}
    name = next((snapshot[field] for field in NAME_FIELDS if snapshot.get(field)), "")
    if name:
        return f"{kind} “{name}” (#{pk})"
    if snapshot.get("file_hash"):
        return f"{kind} #{pk} (file {snapshot['file_hash'][:12]})"
    return f"{kind} #{pk}"


# Referenced objects and settings -------------------------------------------------


def _diff_objects(old_objects, new_objects):
    changes = []
    for key in sorted(set(old_objects) | set(new_objects)):
        in_old, in_new = key in old_objects, key in new_objects
        old_snapshot, new_snapshot = old_objects.get(key), new_objects.get(key)
        if in_old and in_new and canonical_json(old_snapshot) == canonical_json(new_snapshot):
            continue
        model = _model(key)
        old_lines, new_lines = (
            _object_lines(model, old_snapshot),
            _object_lines(model, new_snapshot),
        )
        label = ref_text(key, new_objects if new_snapshot else old_objects)
        label = label[0].upper() + label[1:]
        if not in_old:
            status = "newly referenced"
            lines = tuple(Line(ADDED, label_, new=text) for label_, text in new_lines)
        elif not in_new:
            status = "no longer referenced"
            lines = tuple(Line(REMOVED, label_, old=text) for label_, text in old_lines)
        elif new_snapshot is None:
            status = "deleted"
            lines = tuple(Line(REMOVED, label_, old=text) for label_, text in old_lines)
        else:
            status, lines = CHANGED, _diff_lines(old_lines, new_lines)
        changes.append(ObjectChange(key, label, status, lines))
    return tuple(changes)


def _object_lines(model, snapshot):
    lines = []
    order = (signed_fields(model) if model else None) or ()
    for name in _ordered_keys(order, snapshot or {}):
        field = _field(model, name)
        label = "file (SHA-1)" if name == "file_hash" else _field_label(field, name)
        value = snapshot[name]
        if isinstance(field, RichTextField) and isinstance(value, str):
            lines += [(label, text) for text in rich_text_lines(rich_text_nodes(value))]
        else:
            lines += _lines(value, label, {})
    return lines


def _diff_settings(old, new):
    return tuple(
        Line(CHANGED, _humanise(key), _text(old.get(key)), _text(new.get(key)))
        for key in _ordered_keys(new, old)
        if canonical_json(old.get(key)) != canonical_json(new.get(key))
    )


# Names ---------------------------------------------------------------------------


class _Labels:
    """Field and block-type names as the editor shows them, from the page model if known."""

    def __init__(self, model):
        self.model = model
        self.stream_blocks = {}
        for field in model._meta.get_fields() if model else ():
            stream_block = getattr(field, "stream_block", None)
            if isinstance(stream_block, blocks.StreamBlock):
                self.stream_blocks.update(stream_block.child_blocks)

    def field(self, name):
        field = _field(self.model, name)
        if field is not None and field.one_to_many:
            # A child relation (authors, references) has no verbose name of its own.
            return _humanise(name).capitalize()
        label = _field_label(field, name)
        return label[0].upper() + label[1:]

    def block(self, block_type):
        block = self.stream_blocks.get(block_type)
        return (
            str(block.label)
            if block is not None and block.label
            else _humanise(block_type).capitalize()
        )


def _model(key):
    try:
        return apps.get_model(key.rpartition(":")[0])
    except (LookupError, ValueError):
        return None


def _field(model, name):
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _field_label(field, name):
    return str(getattr(field, "verbose_name", "") or _humanise(name))


def _humanise(key):
    return str(key).replace("_", " ")


def _join(prefix, part):
    return f"{prefix}{PATH_SEPARATOR}{part}" if prefix else part


def _ordered_keys(like, value):
    """The keys of `value`: those also in `like` first, in its order, then the rest in order."""
    first = [key for key in like if key in value]
    return first + [key for key in value if key not in first]


def _text(value):
    return "" if value is None else str(value)


# The reviewer's question ---------------------------------------------------------


@dataclass(frozen=True)
class ChangesSinceSignOff:
    """What changed in `revision` since the article's last sign-off.

    `diff` is None when there is nothing to compare with: no earlier sign-off
    (a first review) or one recorded before sign-offs stored their scope.
    """

    revision: object
    sign_off: object
    diff: ScopeDiff | None

    @property
    def first_review(self):
        return self.sign_off is None


def changes_since_last_sign_off(page, revision):
    """The last sign-off of `page` and the diff from its signed scope to `revision`'s,
    with referenced objects and settings as `revision` would be signed now."""
    sign_off = latest_sign_off(page)
    if sign_off is None or not sign_off.scope:
        return ChangesSinceSignOff(revision, sign_off, None)
    new_scope = signed_scope(revision.as_object())
    return ChangesSinceSignOff(
        revision, sign_off, diff_scopes(sign_off.scope, new_scope, model=type(page))
    )
