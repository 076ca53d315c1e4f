"""Every block family, posted through the real page editor as the browser posts it.

The editor sends every value as a string ("2.6", "2,6", "", a chooser's id as
text), and leaves out inputs it never rendered. Factories build typed values
(Decimal, model instances), so these tests post form data instead, through the
admin's edit view, for a draft save, a submit for review and the editor's
"Approve" from the page editor (each runs the blocks' full or deferred validation).
"""

from decimal import Decimal

import pytest
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import TaskState, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from tests.admin_forms import article_post_data
from tests.factories import (
    default_disclaimer,
    make_article,
    make_editor,
    make_writer,
    refreshed,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def writer(db):
    return make_writer()


@pytest.fixture
def draft(blog_index, writer):
    return make_article(blog_index, title="Posted values", owner=writer)


@pytest.fixture
def image(db):
    return get_image_model().objects.create(title="Sardines", file=get_test_image_file())


def items(*values):
    """A ListBlock's form data: the same shape as a StreamBlock's, every child typed "item"."""
    return streamfield([("item", value) for value in values])


def food_row(amount, **fields):
    return {
        "food": "Clams",
        "preparation": "cooked",
        "serving": "3 ounces",
        "amount": amount,
        "source": "",
        **fields,
    }


def dose_row(amount, **fields):
    return {
        "population": "Adults 19+",
        "amount": amount,
        "unit": "mcg",
        "frequency": "once daily",
        "route": "oral",
        "note": "",
        **fields,
    }


def comparison_table(caption="Sources compared", heading="Source", number="2,4"):
    return {
        "caption": caption,
        "table": {
            "caption": "",
            "column-count": "2",
            "column-0-type": "text",
            "column-0-order": "0",
            "column-0-deleted": "",
            "column-0-heading": heading,
            "column-1-type": "numeric",
            "column-1-order": "1",
            "column-1-deleted": "",
            "column-1-heading": "mcg per serving",
            "row-count": "1",
            "row-0-order": "0",
            "row-0-deleted": "",
            "cell-0-0": "Clams",
            "cell-0-1": number,
        },
    }


def every_block(b12, image, related):
    """One of each block type, every value a string as the editor posts it."""
    return [
        ("section", {"heading": "What it is", "anchor": "", "body": rich_text("<p>Text.</p>")}),
        (
            "symptom_list",
            {
                "heading": "Symptoms",
                "intro": "",
                "items": items({"symptom": "Tiredness", "detail": "", "care_level": "see_doctor"}),
                "when_to_get_help": "",
            },
        ),
        (
            "food_table",
            {
                "nutrient": str(b12.pk),
                "caption": "Food sources",
                "rows": items(food_row("17"), food_row("2,6", food="Salmon")),
            },
        ),
        ("comparison_table", comparison_table()),
        (
            "faq",
            {
                "heading": "Questions",
                "items": items({"question": "Is it safe?", "answer": rich_text("<p>Yes.</p>")}),
            },
        ),
        ("key_points", {"style": "key_points", "points": items("One point.")}),
        ("callout", {"kind": "warning", "title": "", "body": rich_text("<p>Careful.</p>")}),
        (
            "image",
            {"image": str(image.pk), "alt_text": "Tinned sardines", "caption": "", "credit": ""},
        ),
        (
            "dosage",
            {"substance": "Vitamin B12", "rows": items(dose_row("2,4")), "note": ""},
        ),
        ("related_articles", {"heading": "See also", "articles": items(str(related.pk))}),
        ("disclaimer", {"disclaimer": str(default_disclaimer().pk)}),
    ]


def post(client, user, page, body, action=None, **extra):
    client.force_login(user)
    data = article_post_data(page)
    data.update(nested_form_data({"body": streamfield(body)}))
    data.update(extra)
    if action:
        data[f"action-{action}"] = action
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def submitted(page):
    return WorkflowState.objects.filter(object_id=str(page.pk)).exists()


def latest_body(page):
    return refreshed(page).get_latest_revision_as_object().body


def test_every_block_as_posted_submits_and_stores_typed_values(
    client, writer, draft, blog_index, b12, image
):
    related = make_article(blog_index, title="Related one")
    response = post(client, writer, draft, every_block(b12, image, related), "submit")
    assert response.status_code == 302, response.content.decode()[:2000]
    assert submitted(draft)
    body = latest_body(draft)
    assert [block.block_type for block in body] == [
        name for name, _ in every_block(b12, image, related)
    ]
    food = body.blocks_by_name("food_table")[0].value
    assert [row["amount"] for row in food["rows"]] == [Decimal("17"), Decimal("2.6")]
    assert body.blocks_by_name("dosage")[0].value["rows"][0]["amount"] == Decimal("2.4")
    table = body.blocks_by_name("comparison_table")[0].value["table"]
    assert list(table.row_data[0]["values"]) == ["Clams", Decimal("2.4")]


@pytest.mark.parametrize(
    ("block", "message"),
    [
        (lambda b12: ("food_table", _food(b12, "-1")), "The amount can&#x27;t be negative."),
        (lambda b12: ("food_table", _food(b12, "")), "Enter the amount per serving"),
        (lambda b12: ("dosage", _dose("0")), "The dose must be more than zero."),
        (lambda b12: ("dosage", _dose("")), "Enter the dose amount."),
    ],
)
def test_amount_rules_refuse_a_submit_and_let_a_draft_save(
    client, writer, draft, b12, block, message
):
    body = [block(b12), ("disclaimer", {"disclaimer": str(default_disclaimer().pk)})]
    response = post(client, writer, draft, body, "submit")
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not submitted(draft)
    before = refreshed(draft).get_latest_revision().pk
    response = post(client, writer, draft, body)
    assert response.status_code == 302
    assert refreshed(draft).get_latest_revision().pk != before


def _food(b12, amount):
    return {"nutrient": str(b12.pk), "caption": "Sources", "rows": items(food_row(amount))}


def _dose(amount):
    return {"substance": "Vitamin B12", "rows": items(dose_row(amount)), "note": ""}


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("17 mcg", "Enter only the number"),
        ("about 2", "Enter a number."),
        ("1,000", "it could mean 1000 or 1"),
    ],
)
def test_unreadable_amounts_get_a_specific_message_and_keep_the_input(
    client, writer, draft, b12, typed, message
):
    body = [("food_table", _food(b12, typed))]
    for action in (None, "submit"):
        response = post(client, writer, draft, body, action)
        assert response.status_code == 200
        html = response.content.decode()
        assert message in html
        assert typed in html, "the editor is shown again with what the writer typed"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("2,6", "2.6"), ("0,25", "0.25"), ("1,234.5", "1234.5"), (" 17 ", "17"), ("1 000", "1000")],
)
def test_amounts_typed_with_a_comma_or_grouping_are_read_as_meant(
    client, writer, draft, b12, typed, stored
):
    response = post(client, writer, draft, [("food_table", _food(b12, typed))])
    assert response.status_code == 302
    rows = latest_body(draft).blocks_by_name("food_table")[0].value["rows"]
    assert rows[0]["amount"] == Decimal(stored)


def test_inputs_the_editor_left_out_are_treated_as_blank(client, writer, draft, b12):
    """A struct posted without some child inputs (an older editor, a script) gets messages."""
    row = {"food": "Clams", "amount": "17"}  # no preparation, serving or source keys
    food = {"nutrient": str(b12.pk), "caption": "Sources", "rows": items(row)}
    body = [("food_table", food), ("disclaimer", {"disclaimer": str(default_disclaimer().pk)})]
    response = post(client, writer, draft, body, "submit")
    assert response.status_code == 200
    assert "Give the serving size" in response.content.decode()


def test_comparison_table_numbers_as_posted(client, writer, draft):
    body = [
        ("comparison_table", comparison_table(heading="", number="1,5")),
        ("disclaimer", {"disclaimer": str(default_disclaimer().pk)}),
    ]
    response = post(client, writer, draft, body, "submit")
    assert response.status_code == 200
    assert "Give every column a heading." in response.content.decode()
    body[0] = ("comparison_table", comparison_table(number="1,5"))
    assert post(client, writer, draft, body, "submit").status_code == 302


def test_image_without_alt_text_as_posted(client, writer, draft, image):
    block = {"image": str(image.pk), "alt_text": "", "caption": "", "credit": ""}
    body = [("image", block), ("disclaimer", {"disclaimer": str(default_disclaimer().pk)})]
    response = post(client, writer, draft, body, "submit")
    assert "Add alt text describing the image" in response.content.decode()
    body[0] = ("image", {**block, "decorative": "on"})
    assert post(client, writer, draft, body, "submit").status_code == 302


def test_editor_approves_from_the_page_editor_an_article_with_every_block(
    client, writer, draft, blog_index, b12, image
):
    """The editorial step's Approve, chosen in the page editor, validates the posted form too."""
    related = make_article(blog_index, title="Related two")
    body = every_block(b12, image, related)
    assert post(client, writer, draft, body, "submit").status_code == 302
    editor = make_editor()
    client.logout()
    response = post(
        client,
        editor,
        draft,
        body,
        **{"action-workflow-action": "true", "workflow-action-name": "approve"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    approved = TaskState.objects.filter(
        workflow_state__object_id=str(draft.pk), status=TaskState.STATUS_APPROVED
    )
    assert [(state.task.name, state.finished_by) for state in approved] == [
        ("Editorial review", editor)
    ]
