"""Re-review diff: what changed since the last sign-off, block by block, referenced data included.

Each article is signed off and published through the real workflow, then edited
the way a writer or an editor would (a new revision, a nutrient's Daily Value, a
disclaimer's text); the diff is read from health_content.scope_diff and from the
reviewer's admin page and sign-off dialog over HTTP.
"""

import json
from decimal import Decimal

import pytest
from django.urls import reverse

from blog.models import ArticlePage
from health_content.models import SignOff
from health_content.scope_diff import changes_since_last_sign_off, diff_scopes, word_diff
from tests.factories import PASSWORD, act, refreshed, submit
from tests.reader_factories import draft_article, live_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(blog_index, cast):
    return live_article(blog_index, cast)


def edit_body(page, cast, change):
    """Save a new revision of `page` whose body (raw JSON blocks) `change` edited."""
    page = refreshed(page)
    body = list(page.body.raw_data)
    change(body)
    page.body = body
    page.save_revision(user=cast.writer)
    return refreshed(page)


def diff_since_sign_off(page):
    page = refreshed(page)
    changes = changes_since_last_sign_off(page, page.get_latest_revision())
    assert changes.sign_off == SignOff.objects.filter(page_id=page.pk).first()
    return changes.diff


def block_types(body):
    return [block["type"] for block in body]


def items(diff, field="body"):
    (change,) = [f for f in diff.fields if f.name == field]
    return change.items


def test_changed_text_in_a_block_is_shown_word_by_word(article, cast):
    def reword(body):
        section = body[block_types(body).index("section")]
        section["value"]["body"] = (
            "<p>Vitamin B12, or cobalamin, keeps nerves and red blood cells healthy.</p>"
        )

    diff = diff_since_sign_off(edit_body(article, cast, reword))
    assert [field.name for field in diff.fields] == ["body"]
    changed = [item for item in items(diff) if item.status != "unchanged"]
    assert [(item.status, item.title) for item in changed] == [
        ("changed", "Section: What vitamin B12 does")
    ]
    (line,) = [line for line in changed[0].lines if line.status == "changed"]
    assert line.label == "body"
    assert line.old == "Vitamin B12, or cobalamin, keeps nerves healthy."
    assert [(s.kind, s.text) for s in line.segments if s.kind != "equal"] == [
        ("insert", "and red blood cells ")
    ]
    # The heading did not change and is shown as context.
    assert ("equal", "heading", "What vitamin B12 does") in [
        (line.status, line.label, line.new) for line in changed[0].lines
    ]
    assert not diff.objects and not diff.settings


def test_an_added_and_a_removed_block(article, cast):
    def rearrange(body):
        del body[block_types(body).index("symptom_list")]
        body.insert(
            0,
            {
                "type": "callout",
                "value": {
                    "kind": "see_doctor",
                    "title": "When to get tested",
                    "body": "<p>Ask for a blood test if you feel tired for weeks.</p>",
                },
            },
        )

    diff = diff_since_sign_off(edit_body(article, cast, rearrange))
    body_items = items(diff)
    added = [item for item in body_items if item.status == "added"]
    removed = [item for item in body_items if item.status == "removed"]
    assert [(item.title, item.new_position) for item in added] == [
        ("Callout: When to get tested", 1)
    ]
    assert {line.text for line in added[0].lines} >= {
        "When to get tested",
        "Ask for a blood test if you feel tired for weeks.",
    }
    assert all(line.status == "added" for line in added[0].lines)
    assert [(item.title, item.old_position) for item in removed] == [
        ("Symptom list: Symptoms of low B12", 3)
    ]
    assert "Pins and needles (paresthesia)" in {line.old for line in removed[0].lines}
    # Moved by the insertion, the other blocks are matched as unchanged, not changed.
    assert not [item for item in body_items if item.status == "changed"]
    assert diff.summary() == ["Body: 1 added, 1 removed."]


def test_a_changed_nutrient_value_in_the_reference_data(article, cast):
    cast.nutrient.daily_value = Decimal("24")
    cast.nutrient.save()
    page = refreshed(article)
    diff = diff_since_sign_off(page)
    # The article itself is as signed: only the nutrient it refers to changed.
    assert not diff.fields
    (change,) = diff.objects
    assert change.key == f"health_content.nutrientreference:{cast.nutrient.pk}"
    assert change.status == "changed"
    assert change.label == f"Nutrient “Vitamin B12” (#{cast.nutrient.pk})"
    changed = [(line.label, line.old, line.new) for line in change.lines if line.status != "equal"]
    assert changed == [("daily value", "2.4", "24")]


def test_a_changed_amount_in_a_food_table(article, cast):
    def more_clams(body):
        table = body[block_types(body).index("food_table")]
        table["value"]["rows"][0]["value"]["amount"] = "19"

    diff = diff_since_sign_off(edit_body(article, cast, more_clams))
    (changed,) = [item for item in items(diff) if item.status == "changed"]
    assert changed.title == "Nutrient food table: Selected food sources of vitamin B12"
    assert [
        (line.label, line.old, line.new) for line in changed.lines if line.status != "equal"
    ] == [("rows / 1 / amount", "17", "19")]


def test_a_changed_disclaimer_text(article, cast):
    cast.disclaimer.text = "<p>General information only. <b>Ask your doctor</b> about you.</p>"
    cast.disclaimer.save()
    diff = diff_since_sign_off(refreshed(article))
    (change,) = diff.objects
    assert change.key == f"health_content.disclaimer:{cast.disclaimer.pk}"
    (line,) = change.lines
    assert (line.status, line.label) == ("changed", "text")
    assert line.old == "This article is general information, not medical advice."
    assert line.new == "General information only. Ask your doctor about you."


def test_changed_topics_authors_and_settings(blog_index, cast):
    page = live_article(blog_index, cast)
    cast.topic.name = "Cobalamin"
    cast.topic.save()
    cast.author.display_name = "Ada Renamed"
    cast.author.save()
    page = refreshed(page)
    page.review_interval_months = 6
    page.save_revision(user=cast.writer)
    diff = diff_since_sign_off(page)
    labels = {change.key.partition(":")[0]: change for change in diff.objects}
    assert {"health_content.topic", "health_content.authorprofile"} <= set(labels)
    assert ("display name", "Ada Renamed") in [
        (line.label, line.new) for line in labels["health_content.authorprofile"].lines
    ]
    assert [(line.label, line.old, line.new) for line in diff.settings] == [
        ("review interval months", "12", "6")
    ]
    # The article's own field was blank (the site default) and is now set.
    (field,) = diff.fields
    assert field.name == "review_interval_months"
    assert [(line.status, line.new) for line in field.lines] == [("added", "6")]


def test_identical_scopes_have_no_diff(article):
    scope = SignOff.objects.get(page_id=article.pk).scope
    diff = diff_scopes(scope, json.loads(json.dumps(scope)), ArticlePage)
    assert diff.is_empty and diff.summary() == []


def test_keys_stored_in_another_order_still_line_up(article):
    # PostgreSQL's jsonb does not keep key order: the diff must not depend on it.
    scope = SignOff.objects.get(page_id=article.pk).scope
    reordered = json.loads(json.dumps(scope, sort_keys=True))
    reordered["content"]["body"][1]["value"]["heading"] = "What B12 does"
    (changed,) = [
        item for item in items(diff_scopes(scope, reordered)) if item.status != "unchanged"
    ]
    assert [(line.status, line.label) for line in changed.lines if line.status != "equal"] == [
        ("changed", "heading")
    ]


def test_word_diff():
    segments = word_diff("Take 2 tablets daily.", "Take 3 tablets twice daily.")
    assert [(s.kind, s.text) for s in segments] == [
        ("equal", "Take "),
        ("delete", "2"),
        ("insert", "3"),
        ("equal", " tablets "),
        ("insert", "twice "),
        ("equal", "daily."),
    ]


# The reviewer's admin page -------------------------------------------------------


def changes_url(page):
    return reverse("health_content_changes_since_sign_off", args=[page.pk])


def signed_in(client, user):
    client.login(username=user.username, password=PASSWORD)
    return client


def test_the_page_shows_the_diff_with_user_text_escaped(client, article, cast):
    def hostile(body):
        section = body[block_types(body).index("section")]
        section["value"]["heading"] = "<script>alert('x')</script> B12"

    page = edit_body(article, cast, hostile)
    response = signed_in(client, cast.reviewer_user).get(changes_url(page))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert 'data-item-status="changed"' in html
    assert "<del>What vitamin</del>" in html or "<del>What vitamin B12 does</del>" in html
    assert "Dr Rhea Reviewer" in html


def test_a_first_review_says_there_is_nothing_to_compare_with(client, blog_index, cast):
    page = draft_article(blog_index, cast)
    page.save_revision(user=cast.writer)
    response = signed_in(client, cast.reviewer_user).get(changes_url(page))
    assert response.status_code == 200
    html = response.content.decode()
    assert "first medical review" in html and "never been signed off" in html
    assert "data-scope-diff" not in html
    assert changes_since_last_sign_off(page, page.get_latest_revision()).first_review


def test_only_reviewed_pages_have_changes(client, blog_index, cast):
    response = signed_in(client, cast.editor).get(changes_url(blog_index))
    assert response.status_code == 404


def test_the_article_header_links_to_the_changes(client, article, cast):
    response = signed_in(client, cast.editor).get(
        reverse("wagtailadmin_pages:edit", args=[article.pk])
    )
    assert changes_url(article) in response.content.decode()


# The sign-off dialog ----------------------------------------------------------------


def dialog_html(client, page):
    page = refreshed(page)
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "approve", page.current_workflow_task_state.pk],
    )
    response = client.get(url, headers={"x-requested-with": "XMLHttpRequest"})
    assert response.status_code == 200
    return json.loads(response.content)["html"]


@pytest.mark.reference_index
def test_the_sign_off_dialog_summarises_the_changes_and_links_to_them(client, article, cast):
    cast.nutrient.daily_value = Decimal("24")
    cast.nutrient.save()
    page = refreshed(article)
    # The Daily Value change sent the article back to review: the editor approves.
    page = act(page, cast.editor, "approve")
    html = dialog_html(signed_in(client, cast.reviewer_user), page)
    assert "data-changes-since-sign-off" in html
    assert f"Nutrient “Vitamin B12” (#{cast.nutrient.pk}): changed." in html
    assert f'href="{changes_url(page)}"' in html


def test_the_sign_off_dialog_of_a_first_review_says_so(client, blog_index, cast):
    page = draft_article(blog_index, cast)
    page.save_revision(user=cast.writer)
    page = act(submit(page, cast.writer), cast.editor, "approve")
    html = dialog_html(signed_in(client, cast.reviewer_user), page)
    assert "has never been signed off" in html
    assert "data-changes-since-sign-off" not in html
