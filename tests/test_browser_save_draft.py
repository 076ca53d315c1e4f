"""An explicit "Save draft" is the latest revision and holds every character typed.

Wagtail's autosave is off for this site (docs/autosave.md): nothing saves behind
the writer's back, so the revision a reviewer signs is the one the writer saved.
Draftail copies typed text into its form field only 250 ms after the last key;
health_content's editor script copies it as the form submits.
"""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from blog.models import ArticlePage
from tests.factories import make_article, make_writer
from tests.test_browser_review_journey import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def section_text(revision):
    page = revision.as_object()
    return [block.value["body"].source for block in page.body if block.block_type == "section"]


def test_save_draft_keeps_text_typed_just_before_and_nothing_saves_later(
    live_server, blog_index, page
):
    base = live_server.url
    writer = make_writer()
    article = make_article(blog_index, title="Folate basics", owner=writer)
    revisions_before = article.revisions.count()

    log_in(page, base, "writer")
    edit_url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    # Posts to the edit view (an autosave would be one); editing-session pings go elsewhere.
    posts = []
    page.on(
        "request",
        lambda request: (
            request.method == "POST"
            and request.url.startswith(f"{base}{edit_url}")
            and posts.append(request.url)
        ),
    )
    page.goto(f"{base}{edit_url}")
    # No autosave machinery on the editor form.
    form = page.locator("form[data-edit-form]")
    expect(form).not_to_have_attribute("data-controller", re.compile(r"w-autosave"))

    editor = page.locator(".public-DraftEditor-content").first
    editor.click()
    expect(editor).to_be_focused()
    page.keyboard.press("Control+End")
    editor.press_sequentially(" Typed a moment ago.")
    # Idle for longer than Wagtail's autosave interval (500 ms): nothing is posted.
    page.wait_for_timeout(1500)
    assert posts == []
    assert ArticlePage.objects.get(pk=article.pk).revisions.count() == revisions_before

    # Keys pressed immediately before the click reach the saved revision.
    editor.press_sequentially(" And the last words")
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url(re.compile(rf".*{edit_url}$"))
    expect(page.locator(".messages")).to_contain_text("has been updated")

    article = ArticlePage.objects.get(pk=article.pk)
    assert article.revisions.count() == revisions_before + 1
    latest = article.get_latest_revision()
    assert latest.pk == max(article.revisions.values_list("pk", flat=True))
    text = section_text(latest)[0]
    assert "Typed a moment ago. And the last words" in text
    assert posts == [f"{base}{edit_url}"]
