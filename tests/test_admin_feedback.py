"""What the admin tells each role: next steps after review actions, what is being
signed, the workflow step in listings, the writer's own byline by default."""

import html
import json
import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from blog.models import ArticlePage
from health_content.models import AuthorProfile
from tests.admin_forms import article_post_data
from tests.factories import (
    PASSWORD,
    SIGNED,
    act,
    make_article,
    make_editor,
    make_reviewer,
    make_writer,
    publish_through_review,
    refreshed,
    submit,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(db):
    return {"writer": make_writer(), "editor": make_editor(), "reviewer": make_reviewer()}


def signed_in(client, user):
    client.login(username=user.username, password=PASSWORD)
    return client


def workflow_action_url(page, action):
    page = refreshed(page)
    return reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, action, page.current_workflow_task_state.pk],
    )


def messages_after(response):
    return [html.unescape(str(message)).strip() for message in get_messages(response.wsgi_request)]


def test_editorial_approval_says_medical_review_comes_next(client, blog_index, people):
    page = submit(
        make_article(blog_index, title="Iron basics", owner=people["writer"]), people["writer"]
    )
    response = signed_in(client, people["editor"]).post(workflow_action_url(page, "approve"))
    assert response.status_code == 302
    assert messages_after(response) == [
        "Approved: 'Iron basics' is now waiting for Medical review."
    ]


def test_approving_a_revision_saved_over_says_the_step_is_needed_again(client, blog_index, people):
    page = submit(
        make_article(blog_index, title="Iron basics", owner=people["writer"]), people["writer"]
    )
    submitted = refreshed(page).current_workflow_task_state.revision
    page.save_revision(user=people["writer"])
    response = signed_in(client, people["editor"]).post(workflow_action_url(page, "approve"))
    assert messages_after(response) == [
        f"Approved revision {submitted.pk}, but 'Iron basics' was saved again after it was "
        "submitted: its latest revision is now waiting for Editorial review."
    ]
    assert refreshed(page).current_workflow_task.name == "Editorial review"


def test_sign_off_says_signed_off_and_published(client, blog_index, people):
    page = make_article(blog_index, title="Iron basics", owner=people["writer"])
    page = act(submit(page, people["writer"]), people["editor"], "approve")
    response = signed_in(client, people["reviewer"]).post(
        workflow_action_url(page, "approve"), {"comment": "Checked.", **SIGNED}
    )
    assert refreshed(page).live
    assert messages_after(response) == ["Signed off and published: readers now see 'Iron basics'."]


def test_wrong_password_says_nothing_was_signed(client, blog_index, people):
    page = make_article(blog_index, title="Iron basics", owner=people["writer"])
    page = act(submit(page, people["writer"]), people["editor"], "approve")
    response = signed_in(client, people["reviewer"]).post(
        workflow_action_url(page, "approve"),
        {"comment": "Checked.", **SIGNED, "password": "wrong"},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert not refreshed(page).live
    assert not any(m.startswith("Signed off") for m in messages_after(response))


def test_request_changes_says_it_goes_back_to_the_writer(client, blog_index, people):
    page = make_article(blog_index, title="Iron basics", owner=people["writer"])
    page = act(submit(page, people["writer"]), people["editor"], "approve")
    response = signed_in(client, people["reviewer"]).post(
        workflow_action_url(page, "reject"), {"comment": "Cite the guideline."}
    )
    assert messages_after(response) == ["Changes requested: 'Iron basics' goes back to its writer."]


def dialog_html(client, page, action="approve"):
    response = client.get(
        workflow_action_url(page, action), headers={"x-requested-with": "XMLHttpRequest"}
    )
    assert response.status_code == 200
    return json.loads(response.content)["html"]


def test_sign_off_dialog_names_article_and_revision_first_review(client, blog_index, people):
    page = make_article(blog_index, title="Iron <basics>", owner=people["writer"])
    page = act(submit(page, people["writer"]), people["editor"], "approve")
    revision = refreshed(page).current_workflow_task_state.revision
    html = dialog_html(signed_in(client, people["reviewer"]), page)
    assert "You are reviewing <strong>Iron &lt;basics&gt;</strong>" in html
    assert f"revision {revision.pk} saved" in html
    assert "has never been signed off" in html
    assert "revisions/compare" not in html


def test_sign_off_dialog_links_to_changes_since_last_sign_off(client, blog_index, people):
    page = publish_through_review(
        make_article(blog_index, title="Iron basics", owner=people["writer"]),
        people["writer"],
        people["editor"],
        people["reviewer"],
    )
    signed_revision = page.live_revision
    page.summary = "A clearer summary."
    page.save_revision(user=people["writer"])
    page = act(submit(page, people["writer"]), people["editor"], "approve")
    new_revision = refreshed(page).current_workflow_task_state.revision
    second = make_reviewer("second")
    html = dialog_html(signed_in(client, second), page)
    compare = reverse(
        "wagtailadmin_pages:revisions_compare",
        args=[page.pk, signed_revision.pk, new_revision.pk],
    )
    assert f'href="{compare}"' in html
    assert f"(revision {signed_revision.pk})" in html
    # The reviewer can open the comparison.
    assert client.get(compare).status_code == 200


def test_listing_shows_the_current_review_step(client, blog_index, people):
    drafted = make_article(blog_index, title="Drafted", owner=people["writer"])
    editorial = submit(
        make_article(blog_index, title="At editorial", owner=people["writer"]), people["writer"]
    )
    medical = act(
        submit(
            make_article(blog_index, title="At medical", owner=people["writer"]), people["writer"]
        ),
        people["editor"],
        "approve",
    )
    sent_back = act(
        submit(
            make_article(blog_index, title="Sent back", owner=people["writer"]), people["writer"]
        ),
        people["editor"],
        "reject",
    )
    html = (
        signed_in(client, people["editor"])
        .get(reverse("wagtailadmin_explore", args=[blog_index.pk]))
        .content.decode()
    )
    rows = {
        title: re.search(rf"{title}.*?</tr>", html, re.S).group(0)
        for title in (drafted.title, editorial.title, medical.title, sent_back.title)
    }
    assert "data-workflow-step" not in rows["Drafted"]
    assert "In editorial review" in rows["At editorial"]
    assert "In medical review" in rows["At medical"]
    assert "Changes requested" in rows["Sent back"]


def author_input(html):
    return re.search(r'<input[^>]*name="authors-0-author"[^>]*>', html).group(0)


def test_new_article_author_defaults_to_the_writers_profile(client, blog_index, people):
    own = AuthorProfile.objects.create(display_name="Sam Writer", slug="sam", user=people["writer"])
    AuthorProfile.objects.create(display_name="Someone Else", slug="else")
    url = reverse("wagtailadmin_pages:add", args=["blog", "articlepage", blog_index.pk])
    html = signed_in(client, people["writer"]).get(url).content.decode()
    assert f'value="{own.pk}"' in author_input(html)
    # Saved as is, the article is bylined to the writer.
    data = article_post_data(title="By default", author=own)
    response = client.post(url, data)
    assert response.status_code == 302
    page = ArticlePage.objects.get(slug="iron-and-tiredness")
    assert [link.author for link in page.authors.all()] == [own]


def test_writer_without_profile_chooses_an_author(client, blog_index, people):
    AuthorProfile.objects.create(display_name="Someone Else", slug="else")
    url = reverse("wagtailadmin_pages:add", args=["blog", "articlepage", blog_index.pk])
    html = signed_in(client, people["editor"]).get(url).content.decode()
    assert 'value=""' in author_input(html) or "value=" not in author_input(html)
