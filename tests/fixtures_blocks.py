"""Helpers for tests/test_blocks.py: valid block values and error-path lookup."""

import json
from decimal import Decimal

from django.core.serializers.json import DjangoJSONEncoder

from health_content.blocks import ArticleBodyBlock

BODY = ArticleBodyBlock()

XSS = "<script>alert(1)</script>\"'><img src=x onerror=alert(1)>"


def valid_values(*, nutrient, disclaimer, image, articles=(), text="Plain text"):
    """One valid value per block type, with `text` in every plain-text field."""
    return {
        "section": {"heading": text, "anchor": "", "body": "<p>Body text.</p>"},
        "symptom_list": {
            "heading": text,
            "intro": text,
            "items": [
                {"symptom": text, "detail": text, "care_level": "emergency"},
                {"symptom": "Tiredness", "detail": "", "care_level": "self_care"},
            ],
            "when_to_get_help": text,
        },
        "food_table": {
            "nutrient": nutrient,
            "caption": text,
            "rows": [
                {
                    "food": text,
                    "preparation": text,
                    "serving": text,
                    "amount": Decimal("17"),
                    "source": text,
                }
            ],
        },
        "comparison_table": {
            "caption": text,
            "table": {
                "caption": text,
                "columns": [
                    {"type": "text", "heading": text},
                    {"type": "numeric", "heading": "Amount"},
                    {"type": "rich_text", "heading": "Notes"},
                ],
                "rows": [{"values": [text, "2.5", "<p><b>Bold</b> note</p>"]}],
            },
        },
        "faq": {
            "heading": text,
            "items": [{"question": text, "answer": "<p>An answer.</p>"}],
        },
        "key_points": {"style": "key_points", "points": [text, "Second point"]},
        "callout": {"kind": "warning", "title": text, "body": "<p>Callout text.</p>"},
        "image": {
            "image": image,
            "alt_text": text,
            "decorative": False,
            "caption": text,
            "credit": text,
        },
        "dosage": {
            "substance": text,
            "rows": [
                {
                    "population": text,
                    "amount": Decimal("2.4"),
                    "unit": text,
                    "frequency": text,
                    "route": "oral",
                    "note": text,
                }
            ],
            "note": text,
        },
        "related_articles": {"heading": text, "articles": list(articles)},
        "disclaimer": {"disclaimer": disclaimer},
    }


def stream(items):
    """A StreamValue of (block name, value) pairs, as the editor form would give."""
    return BODY.normalize(list(items))


def stored(items):
    """A StreamValue as loaded from the database: lazy, converted with bulk_to_python."""
    raw = json.loads(json.dumps(BODY.get_prep_value(stream(items)), cls=DjangoJSONEncoder))
    return BODY.to_python(raw)


def messages_at(error, *path):
    """The messages of the error at `path` (block indexes and child names) inside `error`.

    A path ending at a ListBlock or StreamBlock error gives its non-block messages.
    """
    for step in path:
        error = error.block_errors[step]
    if hasattr(error, "non_block_errors"):
        return [message for e in error.non_block_errors.as_data() for message in e.messages]
    return error.messages
