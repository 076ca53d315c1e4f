"""A draft always saves; submitting for review validates fully, with specific messages."""

import pytest
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, rich_text, streamfield

from health_content.references import normalise_doi
from tests.admin_forms import article_post_data
from tests.factories import PASSWORD, default_disclaimer, make_article, make_writer, refreshed

pytestmark = pytest.mark.django_db

SECTION = ("section", {"heading": "Overview", "anchor": "", "body": rich_text("<p>Text.</p>")})


@pytest.fixture
def writer(db):
    return make_writer()


@pytest.fixture
def draft(blog_index, writer):
    # No references: the tests post the reference list the writer fills in.
    return make_article(blog_index, title="Validation", owner=writer, references=[])


def post(client, writer, draft, action, **overrides):
    client.login(username=writer.username, password=PASSWORD)
    data = article_post_data(draft)
    data.update(overrides)
    if action:
        data[f"action-{action}"] = action
    return client.post(reverse("wagtailadmin_pages:edit", args=[draft.pk]), data)


def body_data(*items):
    from wagtail.test.utils.form_data import nested_form_data

    return nested_form_data({"body": streamfield(list(items))})


def reference_data(**fields):
    from wagtail.test.utils.form_data import nested_form_data

    return nested_form_data(
        {"references": inline_formset([{"title": "A source", "publication": "J", **fields}])}
    )


def submitted(draft):
    return WorkflowState.objects.filter(object_id=str(draft.pk)).exists()


def errors_of(response):
    return response.content.decode()


CASES = {
    "missing disclaimer": (
        lambda: body_data(SECTION),
        "Add the medical disclaimer block: every article needs exactly one.",
    ),
    "two disclaimers": (
        lambda: body_data(
            SECTION,
            ("disclaimer", {"disclaimer": default_disclaimer().pk}),
            ("disclaimer", {"disclaimer": default_disclaimer().pk}),
        ),
        "An article can have only one medical disclaimer",
    ),
    "empty FAQ answer": (
        lambda: (
            body_data(
                ("faq", {"heading": "FAQ", "items": streamfield([])}),
                ("disclaimer", {"disclaimer": default_disclaimer().pk}),
            )
            | {
                "body-0-value-items-count": "1",
                "body-0-value-items-0-type": "item",
                "body-0-value-items-0-deleted": "",
                "body-0-value-items-0-order": "0",
                "body-0-value-items-0-value-question": "Is it safe?",
                "body-0-value-items-0-value-answer": rich_text(""),
            }
        ),
        "Each question needs an answer.",
    ),
    "malformed DOI": (lambda: reference_data(doi="doi-10/abc"), "Enter a DOI like 10.1000/xyz123"),
    "malformed PMID": (lambda: reference_data(pmid="PMID12a"), "A PMID is a PubMed ID"),
    "malformed URL": (lambda: reference_data(url="ods.nih.gov"), "Enter a full web address"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_submit_refuses_with_specific_message_and_keeps_input(client, writer, draft, case):
    data, message = CASES[case]
    response = post(client, writer, draft, "submit", **data())
    assert response.status_code == 200, "the editor is shown again with errors"
    assert message in errors_of(response)
    assert not submitted(draft)


@pytest.mark.parametrize("case", list(CASES))
def test_draft_save_accepts_the_same_input(client, writer, draft, case):
    data, _ = CASES[case]
    before = draft.get_latest_revision().pk
    response = post(client, writer, draft, None, **data())
    assert response.status_code == 302
    assert refreshed(draft).get_latest_revision().pk != before


def test_hero_image_needs_alt_text_on_submit_only(client, writer, draft):
    image = get_image_model().objects.create(title="Hero", file=get_test_image_file())
    response = post(client, writer, draft, "submit", hero_image=image.pk, hero_image_alt="")
    assert "Add alt text describing the hero image." in errors_of(response)
    response = post(client, writer, draft, None, hero_image=image.pk, hero_image_alt="")
    assert response.status_code == 302


def test_blank_summary_saves_as_draft_but_not_on_submit(client, writer, draft):
    response = post(client, writer, draft, None, summary="")
    assert response.status_code == 302
    response = post(client, writer, draft, "submit", summary="")
    assert response.status_code == 200
    assert not submitted(draft)


def test_pasted_doi_resolver_prefix_is_normalised(client, writer, draft):
    post(
        client, writer, draft, None, **reference_data(doi="https://doi.org/10.3945/ajcn.2008.26947")
    )
    latest = refreshed(draft).get_latest_revision().as_object()
    assert latest.references.get().doi == "10.3945/ajcn.2008.26947"
    assert normalise_doi("doi:10.1000/xyz") == "10.1000/xyz"


def test_valid_article_submits(client, writer, draft):
    response = post(
        client,
        writer,
        draft,
        "submit",
        **reference_data(
            doi="10.3945/ajcn.2008.26947", pmid="19116323", url="https://ods.od.nih.gov/"
        ),
    )
    assert response.status_code == 302
    assert submitted(draft)


def test_new_article_starts_with_the_default_disclaimer(client, writer, blog_index):
    disclaimer = default_disclaimer()
    client.login(username=writer.username, password=PASSWORD)
    response = client.get(
        reverse("wagtailadmin_pages:add", args=["blog", "articlepage", blog_index.pk])
    )
    body = response.context["form"].initial["body"]
    assert [(block.block_type, block.value["disclaimer"]) for block in body] == [
        ("disclaimer", disclaimer)
    ]


def test_unchanged_edit_is_not_a_content_change(client, writer, draft):
    """Re-posting the editor unchanged must not count as an edit (it would restart review)."""
    post(client, writer, draft, None)  # saved once through the editor, as writers do
    draft = refreshed(draft).get_latest_revision_as_object()
    data = article_post_data(draft)
    for index, block in enumerate(draft.body):
        data[f"body-{index}-id"] = block.id
    form_class = type(draft).get_edit_handler().get_form_class()
    form = form_class(data, instance=draft, parent_page=draft.get_parent(), for_user=writer)
    assert form.is_valid(), form.errors
    assert "body" not in form.changed_data


def test_section_anchors_are_stored_and_survive_a_reworded_heading(client, writer, draft):
    section = (
        "section",
        {"heading": "Signs of low iron", "anchor": "", "body": rich_text("<p>a</p>")},
    )
    disclaimer = ("disclaimer", {"disclaimer": default_disclaimer().pk})
    assert post(client, writer, draft, None, **body_data(section, disclaimer)).status_code == 302
    stored = refreshed(draft).get_latest_revision().as_object().body[0].value
    assert stored["anchor"] == "signs-of-low-iron"
    # The writer rewords the heading and saves again, posting the stored anchor back.
    reworded = (
        "section",
        {"heading": "Symptoms", "anchor": "signs-of-low-iron", "body": rich_text("<p>a</p>")},
    )
    assert post(client, writer, draft, None, **body_data(reworded, disclaimer)).status_code == 302
    page = refreshed(draft).get_latest_revision().as_object()
    assert page.table_of_contents == [("signs-of-low-iron", "Symptoms")]
