"""The article body blocks: semantics of the rendered HTML, validation, escaping, query cost."""

import json
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from pytest_django.asserts import assertInHTML
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.api.rich_text import APIRichText
from wagtail.blocks import StreamBlockValidationError
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from blog.models import ArticlePage
from health_content.blocks import (
    ArticleBodyBlock,
    assign_section_anchors,
    default_body,
    disclaimer_count_errors,
    table_of_contents,
)
from health_content.blocks.disclaimer import NOT_CHOSEN_MESSAGE
from health_content.blocks.image import ALT_TEXT_MESSAGE
from health_content.blocks.symptoms import CARE_LEVELS
from health_content.models import Disclaimer, NutrientReference
from tests.factories import (
    make_article,
    make_editor,
    make_reviewer,
    make_writer,
    publish_through_review,
)
from tests.fixtures_blocks import BODY, XSS, messages_at, stored, stream, valid_values

MISSING = "Add the medical disclaimer block: every article needs exactly one."
TOO_MANY = "An article can have only one medical disclaimer; remove the extra one(s)."


@pytest.fixture
def disclaimer(db):
    return Disclaimer.objects.create(
        name="General",
        text="<p>This article is general information, <b>not medical advice</b>.</p>",
        is_default=True,
    )


@pytest.fixture
def image(db):
    return get_image_model().objects.create(title="Clams", file=get_test_image_file())


@pytest.fixture
def articles(blog_index):
    """One published (through the review) and one unpublished article."""
    writer, editor, reviewer = make_writer(), make_editor(), make_reviewer()
    live = publish_through_review(
        make_article(blog_index, title="B12 Basics", owner=writer), writer, editor, reviewer
    )
    draft = make_article(blog_index, title="B12 Draft", owner=writer)
    return [live, draft]


@pytest.fixture
def values(b12, disclaimer, image, articles):
    return valid_values(nutrient=b12, disclaimer=disclaimer, image=image, articles=articles)


def render_block(name, value):
    block = BODY.child_blocks[name]
    return block.render(block.normalize(value))


def render_stream(value):
    template = Template(
        "{% load wagtailcore_tags %}{% for block in body %}{% include_block block %}{% endfor %}"
    )
    return template.render(Context({"body": value}))


def with_disclaimer(disclaimer, *items):
    return stream([*items, ("disclaimer", {"disclaimer": disclaimer})])


# Rendering -------------------------------------------------------------------------


def test_section_heading_is_labelled_by_its_anchor(values):
    html = render_block("section", {**values["section"], "heading": "How B12 works"})
    assert '<section class="block-section" aria-labelledby="how-b12-works">' in html
    assertInHTML('<h2 id="how-b12-works">How B12 works</h2>', html)
    assertInHTML("<p>Body text.</p>", html)


def test_symptom_list_makes_emergencies_stand_out_without_colour(values):
    html = render_block("symptom_list", values["symptom_list"])
    emergency, self_care = html.split("<li")[1:3]
    assert "symptom--stands-out" in emergency
    assert "<strong>Emergency: call emergency services</strong>" in emergency
    assert "symptom--stands-out" not in self_care
    assert "<strong>Self-care</strong>" in self_care
    # Each level has its own icon shape besides its label: an octagon, a rounded square.
    assert '<path d="M7.8 1h8.4L23 7.8' in emergency and "<rect" not in emergency
    assert "<rect" in self_care and "M7.8 1h8.4" not in self_care
    assert 'class="when-to-get-help" role="note"' in html


def test_every_care_level_is_labelled_in_text_with_its_own_icon():
    items = [
        {"symptom": f"Symptom {level}", "detail": "", "care_level": level}
        for level, _label in CARE_LEVELS
    ]
    html = render_block("symptom_list", {"heading": "Symptoms", "intro": "", "items": items})
    rendered = html.split("<li")[1:]
    assert len(rendered) == 4
    icons = set()
    for (level, label), item in zip(CARE_LEVELS, rendered, strict=True):
        assert f"symptom--{level}" in item
        assert f"Care level: </span><strong>{label}</strong>" in item
        icons.add(item[item.index("<svg") : item.index("</svg>")])
    assert len(icons) == 4  # four different shapes


B12_FOODS = [
    # food, preparation, serving, mcg per serving, row header, %DV (DV 2.4 mcg)
    ("Clams", "cooked", "3 ounces", "17", "Clams, cooked, 3 ounces", "708"),
    ("Salmon, Atlantic", "cooked", "3 ounces", "2.6", "Salmon, Atlantic, cooked, 3 ounces", "108"),
    ("Milk, 2%", "", "1 cup", "1.3", "Milk, 2%, 1 cup", "54"),
    ("Egg", "whole", "1 large", "0.5", "Egg, whole, 1 large", "21"),
]


def test_food_table_computes_percent_dv_nih_style(b12):
    rows = [
        {"food": food, "preparation": prep, "serving": serving, "amount": Decimal(amount)}
        for food, prep, serving, amount, _, _ in B12_FOODS
    ]
    caption = "Selected food sources of vitamin B12"
    html = render_stream(
        stored([("food_table", {"nutrient": b12, "caption": caption, "rows": rows})])
    )

    assertInHTML(f"<caption>{caption}</caption>", html)
    assertInHTML(
        '<thead><tr><th scope="col">Food</th><th scope="col">mcg per serving</th>'
        '<th scope="col">Percent DV*</th></tr></thead>',
        html,
    )
    for _, _, _, amount, label, percent in B12_FOODS:
        assertInHTML(
            f'<tr><th scope="row">{label}</th><td class="numeric">{amount}</td>'
            f'<td class="numeric">{percent}</td></tr>',
            html,
        )
    assert f"*DV = Daily Value. {b12.dv_basis}" in html
    assert f'<a href="{b12.source_url}">U.S. Food and Drug Administration</a>' in html


def test_percent_dv_follows_the_nutrient_reference(b12):
    value = stored(
        [
            (
                "food_table",
                {
                    "nutrient": b12,
                    "caption": "B12",
                    "rows": [{"food": "Clams", "serving": "3 ounces", "amount": Decimal("17")}],
                },
            )
        ]
    )
    NutrientReference.objects.filter(pk=b12.pk).update(daily_value=Decimal("6"))
    assert value[0].value.table_rows[0]["percent_dv"] == 283


def test_comparison_table_has_row_and_column_headers(values):
    html = render_block("comparison_table", values["comparison_table"])
    assertInHTML("<caption>Plain text</caption>", html)
    assertInHTML(
        '<tr><th scope="col">Plain text</th><th scope="col">Amount</th>'
        '<th scope="col">Notes</th></tr>',
        html,
    )
    assertInHTML('<th scope="row">Plain text</th>', html)
    assertInHTML('<td class="numeric">2.5</td>', html)
    assert "<b>Bold</b> note" in html


def test_faq_uses_details_and_summary():
    block = BODY.child_blocks["faq"]
    value = block.normalize(
        {
            "heading": "Frequently asked questions",
            "items": [
                {"question": "Is B12 safe?", "answer": "<p>Yes, at <b>usual</b> doses.</p>"},
                {"question": "Draft question", "answer": ""},
            ],
        }
    )
    html = block.render(value)
    assertInHTML("<summary>Is B12 safe?</summary>", html)
    assert html.count("<details") == 2
    assert value.question_answers() == [("Is B12 safe?", "Yes, at usual doses.")]


def test_key_points_aside_is_named_by_its_style(values):
    html = render_block("key_points", {**values["key_points"], "style": "quick_summary"})
    assert '<aside class="block-key-points block-key-points--quick_summary"' in html
    assert 'aria-label="Quick summary"' in html
    assertInHTML("<h2>Quick summary</h2>", html)
    assertInHTML("<li>Second point</li>", html)


@pytest.mark.parametrize(
    ("kind", "label"),
    [("info", "Information"), ("see_doctor", "When to see a doctor"), ("emergency", "Emergency")],
)
def test_callout_is_a_labelled_note_not_an_alert(values, kind, label):
    html = render_block("callout", {**values["callout"], "kind": kind})
    assert 'role="note"' in html and 'role="alert"' not in html
    assert f'<strong class="callout__label">{label}</strong>: Plain text' in html


def test_choice_labels_of_stored_content_with_an_unknown_choice(values):
    """A stored value no longer among the choices reads as the default's label, or as nothing."""
    callout = render_block("callout", {**values["callout"], "kind": "retired"})
    assert '<strong class="callout__label">Information</strong>' in callout
    key_points = render_block("key_points", {**values["key_points"], "style": "retired"})
    assertInHTML("<h2>Key points</h2>", key_points)
    row = {**values["dosage"]["rows"][0], "route": "retired"}
    dosage = BODY.child_blocks["dosage"].normalize({**values["dosage"], "rows": [row]})
    assert dosage["rows"][0].route_label == ""
    item = {"symptom": "Tiredness", "detail": "", "care_level": "retired"}
    symptoms = BODY.child_blocks["symptom_list"].normalize(
        {**values["symptom_list"], "items": [item]}
    )
    assert symptoms["items"][0].care_level_label == ""


def test_image_renders_responsive_picture_with_alt_caption_and_credit(values):
    html = render_block("image", {**values["image"], "alt_text": "Clams in a bowl"})
    assert html.count("<source") == 2  # avif and webp, jpeg is the <img> fallback
    assert 'type="image/avif"' in html and 'type="image/webp"' in html
    img = html[html.index("<img") :]
    for attribute in ['alt="Clams in a bowl"', 'loading="lazy"', "srcset=", "width=", "height="]:
        assert attribute in img
    assert '<span class="block-image__caption">Plain text</span>' in html
    assert '<small class="block-image__credit">Plain text</small>' in html


def test_decorative_image_has_empty_alt(values):
    html = render_block("image", {**values["image"], "decorative": True})
    assert 'alt=""' in html and 'alt="Plain text"' not in html


def test_dosage_table_and_advice(values):
    html = render_block("dosage", {**values["dosage"], "substance": "Vitamin B12"})
    assertInHTML("<caption>Dosage guidance: Vitamin B12</caption>", html)
    assertInHTML('<th scope="row">Plain text</th>', html)
    assertInHTML("<td>2.4 Plain text</td>", html)
    assert "Follow the advice of your clinician or pharmacist." in html


def test_related_articles_link_live_articles_only(values, articles):
    live, draft = articles
    html = render_stream(stored([("related_articles", values["related_articles"])]))
    assert '<nav class="block-related" aria-label="Plain text">' in html
    assertInHTML(f'<a href="{live.url}">{live.title}</a>', html)
    assert live.summary in html
    assert draft.title not in html


def test_disclaimer_renders_managed_text(values):
    html = render_block("disclaimer", values["disclaimer"])
    assert '<aside class="disclaimer" aria-label="Medical disclaimer">' in html
    assert "<b>not medical advice</b>" in html


@pytest.mark.usefixtures("values")  # previews of chooser blocks show existing objects
def test_every_block_has_template_label_help_and_a_renderable_preview():
    for name, block in ArticleBodyBlock().child_blocks.items():
        assert block.meta.template == f"blocks/{name}.html"
        assert block.meta.icon != "placeholder"
        assert block.label and block.get_description() and block.meta.help_text
        assert block.is_previewable
        block.render(block.get_preview_value())


def test_blocks_are_grouped_in_the_picker():
    groups = [group for group, _ in BODY.grouped_child_blocks()]
    assert groups == ["Text", "Health", "Tables", "Media", "Links", "Required"]
    assert list(BODY.child_blocks) == [
        "section",
        "symptom_list",
        "food_table",
        "comparison_table",
        "faq",
        "key_points",
        "callout",
        "image",
        "dosage",
        "related_articles",
        "disclaimer",
    ]


# Validation --------------------------------------------------------------------------

INVALID = [
    # (block, change to the valid value, error path inside the block, message)
    ("section", {"heading": ""}, ["heading"], "Give the section a heading."),
    ("section", {"body": ""}, ["body"], "Write the text of this section."),
    ("section", {"body": "<p> </p>"}, ["body"], "Write the text of this section."),
    (
        "symptom_list",
        {"items": [{"symptom": "", "care_level": "urgent"}]},
        ["items", 0, "symptom"],
        "Name the symptom.",
    ),
    (
        "symptom_list",
        {"items": [{"symptom": "Fever", "care_level": ""}]},
        ["items", 0, "care_level"],
        "Choose how urgently to seek care for this symptom.",
    ),
    ("symptom_list", {"items": []}, ["items"], "Add at least one symptom."),
    ("food_table", {"nutrient": None}, ["nutrient"], "Choose the nutrient this table is about."),
    ("food_table", {"rows": []}, ["rows"], "Add at least one food."),
    (
        "food_table",
        {"rows": [{"food": "Clams", "serving": "3 ounces", "amount": None}]},
        ["rows", 0, "amount"],
        "Enter the amount per serving, in the nutrient's unit.",
    ),
    (
        "food_table",
        {"rows": [{"food": "", "serving": "3 ounces", "amount": Decimal(1)}]},
        ["rows", 0, "food"],
        "Name the food.",
    ),
    (
        "food_table",
        {"rows": [{"food": "Clams", "serving": "3 ounces", "amount": Decimal(-1)}]},
        ["rows", 0, "amount"],
        "The amount can't be negative.",
    ),
    (
        "comparison_table",
        {"caption": ""},
        ["caption"],
        "Add a caption saying what the table compares.",
    ),
    (
        "comparison_table",
        {"table": {"columns": [], "rows": []}},
        ["table"],
        "Add at least one column and one row.",
    ),
    (
        "comparison_table",
        {"table": {"columns": [{"type": "text", "heading": " "}], "rows": [{"values": ["a"]}]}},
        ["table"],
        "Give every column a heading.",
    ),
    (
        "faq",
        {"items": [{"question": "Is it safe?", "answer": ""}]},
        ["items", 0, "answer"],
        "Each question needs an answer.",
    ),
    (
        "faq",
        {"items": [{"question": "", "answer": "<p>Yes.</p>"}]},
        ["items", 0, "question"],
        "Write the question.",
    ),
    ("faq", {"items": []}, ["items"], "Add at least one question."),
    (
        "key_points",
        {"points": ["One", ""]},
        ["points", 1],
        "Write the point, or remove the empty one.",
    ),
    ("key_points", {"points": []}, ["points"], "Add at least one point."),
    ("callout", {"body": ""}, ["body"], "Write the text of the callout."),
    ("image", {"alt_text": "", "decorative": False}, ["alt_text"], ALT_TEXT_MESSAGE),
    ("image", {"alt_text": "   ", "decorative": False}, ["alt_text"], ALT_TEXT_MESSAGE),
    ("image", {"image": None}, ["image"], "Choose an image."),
    ("dosage", {"rows": []}, ["rows"], "Add at least one dose."),
    (
        "dosage",
        {"rows": [{"population": "Adults", "amount": None, "unit": "mcg", "frequency": "daily"}]},
        ["rows", 0, "amount"],
        "Enter the dose amount.",
    ),
    (
        "dosage",
        {"rows": [{"population": "", "amount": Decimal(1), "unit": "mcg", "frequency": "daily"}]},
        ["rows", 0, "population"],
        "Say who this dose is for, e.g. 'Adults 19+'.",
    ),
    (
        "dosage",
        {"rows": [{"population": "Adults", "amount": Decimal(0), "unit": "mcg", "frequency": "x"}]},
        ["rows", 0, "amount"],
        "The dose must be more than zero.",
    ),
    ("related_articles", {"articles": []}, ["articles"], "Choose at least one article."),
    (
        "related_articles",
        {"articles": [None]},
        ["articles", 0],
        "Choose an article, or remove the empty item.",
    ),
    ("disclaimer", {"disclaimer": None}, ["disclaimer"], "Choose the disclaimer text."),
]


@pytest.mark.parametrize(
    ("name", "change", "path", "message"),
    INVALID,
    ids=[f"{name}-{message}" for name, _, _, message in INVALID],
)
def test_full_validation_gives_specific_message_on_the_field(values, name, change, path, message):
    value = stream([(name, {**values[name], **change}), ("disclaimer", values["disclaimer"])])
    with pytest.raises(StreamBlockValidationError) as caught:
        BODY.clean(value)
    assert list(caught.value.block_errors) == [0]
    assert messages_at(caught.value, 0, *path) == [message]


@pytest.mark.parametrize(
    ("name", "change"),
    [(name, change) for name, change, _, _ in INVALID],
    ids=[f"{name}-{message}" for name, _, _, message in INVALID],
)
def test_draft_save_defers_every_rule(values, name, change):
    BODY.clean_deferred(stream([(name, {**values[name], **change})]))


def test_deferral_is_restored_after_a_draft_save(values):
    faq = ("faq", {**values["faq"], "items": [{"question": "Q", "answer": ""}]})
    BODY.clean_deferred(stream([faq]))
    with pytest.raises(StreamBlockValidationError):
        BODY.clean(with_disclaimer(values["disclaimer"]["disclaimer"], faq))


def test_every_valid_block_passes_full_validation(values):
    BODY.clean(stream(values.items()))


def test_decorative_image_needs_no_alt_text(values, disclaimer):
    decorative = {**values["image"], "alt_text": "", "decorative": True}
    BODY.clean(with_disclaimer(disclaimer, ("image", decorative)))


def test_article_form_field_saves_a_draft_and_validates_on_publish(disclaimer):
    """The page editor's path: posted form data, deferred on "save draft", full otherwise."""
    field = ArticlePage._meta.get_field("body").formfield()
    question = {"question": "Is B12 safe?", "answer": rich_text("")}
    faq = {
        "heading": "FAQ",
        "items": {"count": "1", "0": {"value": question, "deleted": "", "order": "0"}},
    }
    data = nested_form_data({"body": streamfield([("faq", faq)])})
    value = field.widget.value_from_datadict(data, {}, "body")

    field.is_deferred_validation = True  # as WagtailAdminModelForm.defer_required_fields sets it
    assert field.clean(value)[0].value["items"][0]["question"] == "Is B12 safe?"

    del field.is_deferred_validation
    with pytest.raises(StreamBlockValidationError) as caught:
        field.clean(value)
    assert messages_at(caught.value, 0, "items", 0, "answer") == ["Each question needs an answer."]
    assert messages_at(caught.value) == [MISSING]


# The disclaimer rule -----------------------------------------------------------------


def test_article_without_disclaimer_is_rejected(values):
    with pytest.raises(StreamBlockValidationError) as caught:
        BODY.clean(stream([("section", values["section"])]))
    assert messages_at(caught.value) == [MISSING]


def test_article_with_two_disclaimers_is_rejected_with_our_message_only(values):
    value = stream([("disclaimer", values["disclaimer"]), ("disclaimer", values["disclaimer"])])
    with pytest.raises(StreamBlockValidationError) as caught:
        BODY.clean(value)
    assert messages_at(caught.value) == [TOO_MANY]


def test_article_with_one_disclaimer_is_accepted(values):
    BODY.clean(stream([("section", values["section"]), ("disclaimer", values["disclaimer"])]))


@pytest.mark.parametrize("count", [0, 2])
def test_draft_saves_with_any_number_of_disclaimers(values, count):
    BODY.clean_deferred(stream([("disclaimer", values["disclaimer"])] * count))


def test_editor_offers_at_most_one_disclaimer():
    assert BODY.meta.block_counts == {"disclaimer": {"max_num": 1}}


def test_disclaimer_count_errors_for_the_publish_gate(disclaimer):
    one = ("disclaimer", {"disclaimer": disclaimer})
    assert disclaimer_count_errors(stored([])) == [MISSING]
    assert disclaimer_count_errors(stored([one, one])) == [TOO_MANY]
    assert disclaimer_count_errors(stored([one])) == []
    empty = ("disclaimer", {"disclaimer": None})
    assert disclaimer_count_errors(stored([empty])) == [NOT_CHOSEN_MESSAGE]

    saved = BODY.get_prep_value(stream([one]))
    disclaimer.delete()
    assert disclaimer_count_errors(BODY.to_python(saved)) == [NOT_CHOSEN_MESSAGE]


def test_default_body_starts_with_the_default_disclaimer(db, disclaimer):
    assert default_body() == [("disclaimer", {"disclaimer": disclaimer})]
    BODY.clean(BODY.normalize(default_body()))
    Disclaimer.objects.update(is_default=False)
    assert default_body() == []


# Section anchors -----------------------------------------------------------------------


def test_anchors_are_unique_and_stable():
    value = stream(
        [
            ("section", {"heading": "Symptoms", "anchor": "", "body": "<p>a</p>"}),
            ("section", {"heading": "Symptoms", "anchor": "", "body": "<p>b</p>"}),
            ("section", {"heading": "Why B12?", "anchor": "", "body": "<p>c</p>"}),
            ("section", {"heading": "References", "anchor": "", "body": "<p>d</p>"}),
        ]
    )
    assign_section_anchors(value)
    assert table_of_contents(value) == [
        ("symptoms", "Symptoms"),
        ("symptoms-2", "Symptoms"),
        ("why-b12", "Why B12?"),
        ("references-2", "References"),  # the page's reference list owns #references
    ]

    # Renaming a heading or inserting a same-named section first keeps existing anchors.
    value[2].value["heading"] = "Why vitamin B12 matters"
    value.insert(0, ("section", {"heading": "Symptoms", "anchor": "", "body": "<p>new</p>"}))
    assign_section_anchors(value)
    assert [anchor for anchor, _ in table_of_contents(value)] == [
        "symptoms-3",
        "symptoms",
        "symptoms-2",
        "why-b12",
        "references-2",
    ]


def test_typed_anchor_is_slugified_and_duplicates_resolved():
    value = stream(
        [
            ("section", {"heading": "One", "anchor": "Dose & Timing", "body": "<p>a</p>"}),
            ("section", {"heading": "Two", "anchor": "dose-timing", "body": "<p>b</p>"}),
        ]
    )
    assert [anchor for anchor, _ in table_of_contents(value)] == ["dose-timing", "dose-timing-2"]


def test_anchor_made_from_a_long_heading_still_validates(disclaimer):
    heading = "Why " + "very " * 20 + "long headings"  # 117 of 120 characters
    value = with_disclaimer(disclaimer, ("section", {"heading": heading, "body": "<p>a</p>"}))
    assign_section_anchors(value)
    anchor = value[0].value["anchor"]
    assert anchor.startswith("why-very-very") and len(anchor) <= 80
    BODY.clean(value)


def test_rendered_ids_match_the_table_of_contents():
    value = stored(
        [
            ("section", {"heading": "Symptoms", "anchor": "", "body": "<p>a</p>"}),
            ("section", {"heading": "Symptoms", "anchor": "", "body": "<p>b</p>"}),
        ]
    )
    anchors = [anchor for anchor, _ in table_of_contents(value)]
    html = render_stream(value)
    for anchor in anchors:
        assert f'<h2 id="{anchor}">' in html


# Escaping ------------------------------------------------------------------------------


def test_payload_in_every_text_field_renders_inert(b12, disclaimer, image, blog_index):
    for field in ["name", "dv_basis", "source"]:
        setattr(b12, field, XSS)
    b12.unit = "<b>mcg</b>"  # a 12-character field; PostgreSQL enforces the limit
    b12.save()
    writer, editor, reviewer = make_writer(), make_editor(), make_reviewer()
    hostile = make_article(blog_index, title=XSS, summary=XSS, owner=writer)
    articles = [publish_through_review(hostile, writer, editor, reviewer)]
    items = valid_values(
        nutrient=b12, disclaimer=disclaimer, image=image, articles=articles, text=XSS
    )
    items["section"]["anchor"] = XSS
    items["key_points"]["points"] = [XSS]
    # Choice values are checked by the editor form, not by code that stores content.
    items["key_points"]["style"] = XSS
    items["callout"]["kind"] = XSS
    items["symptom_list"]["items"][0]["care_level"] = XSS
    items["dosage"]["rows"][0]["route"] = XSS
    html = render_stream(stored(items.items()))

    assert "<script" not in html
    assert "<img src=x" not in html
    assert "onerror=alert(1)>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'alt="&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#x27;&gt;' in html
    assert "<b>mcg</b>" not in html and "&lt;b&gt;mcg&lt;/b&gt;" in html


def test_editor_input_cannot_store_markup(db):
    """What protects readers from rich text: the editor converts its input, it never stores HTML.

    The writer's text arrives as Draftail content state; markup typed into it is text.
    """
    content_state = {
        "blocks": [
            {
                "key": "a1",
                "type": "unstyled",
                "text": XSS,
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 0, "length": 8, "key": 0}],
            }
        ],
        "entityMap": {
            "0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "javascript:alert(1)"}}
        },
    }
    source = ContentstateConverter(["link", "bold"]).to_database_format(json.dumps(content_state))
    html = str(RichText(source))
    assert "<script" not in html and "<img" not in html and "javascript:" not in html
    assert "&lt;script&gt;" in html


def test_rich_text_from_code_must_be_sanitised_first():
    """RichText rendering trusts stored HTML, so code (importer, scripts) must sanitise it.

    Wagtail 8's db-HTML sanitiser, used by its API for rich text input, enforces a
    field's features; the importer should pass HTML through it before storing.
    """
    dirty = (
        "<p>Hi<script>alert(1)</script><img src=x onerror=alert(1)>"
        '<a href="javascript:alert(1)">x</a></p>'
    )
    assert "<script>" in str(RichText(dirty))  # rendering does not clean

    clean, removals = APIRichText.sanitize_db_html(dirty, features=["bold", "italic", "link"])
    assert "<script" not in clean and "<img" not in clean and "javascript:" not in clean
    assert removals


# Query cost ----------------------------------------------------------------------------


def test_rendering_cost_does_not_grow_with_the_number_of_blocks(values):
    one_of_each = list(values.items())
    other_image = get_image_model().objects.create(title="Salmon", file=get_test_image_file())
    twice = [
        *one_of_each,
        *[(n, {**v, "image": other_image}) if n == "image" else (n, v) for n, v in one_of_each],
    ]
    render_stream(stored(twice))  # creates the renditions and fills the caches

    def queries_to_render(items):
        cache.clear()  # cold caches: renditions must come from the bulk prefetch
        with CaptureQueriesContext(connection) as captured:
            html = render_stream(stored(items))
        # The blocks that read the database did render.
        assert "<picture>" in html and "/articles/b12-basics/" in html and "708" in html
        return len(captured)

    assert queries_to_render(twice) == queries_to_render(one_of_each)
