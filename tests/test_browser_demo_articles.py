"""Every demo article opens, saves and moves on in its review through the real admin.

The demo holds every block type in real-world values; whatever state each article
is in, the next step a person would take must work without a server error:
live and draft articles are saved unchanged and submitted, the article waiting for
editorial review is approved from its editor, and the one waiting for medical
review is signed off in the dialog.
"""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from blog.demo.articles import ARTICLES
from blog.demo.people import EDITOR, REVIEWER
from blog.models import ArticlePage
from health_content.forms import ATTESTATIONS
from tests.browser import acknowledge_warnings
from tests.test_browser_review_journey import open_more_actions, sign_off_from_dashboard

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in_as(page, base, account):
    page.context.clear_cookies()
    page.goto(f"{base}/admin/login/")
    page.fill("input[name=username]", account.username)
    page.fill("input[name=password]", account.password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")


@pytest.fixture
def demo(live_server, fresh_install, settings):
    settings.DEBUG = True
    call_command("load_demo", verbosity=0)
    assert ArticlePage.objects.count() == len(ARTICLES)
    return {data["slug"]: data["state"] for data in ARTICLES}


def test_every_demo_article_saves_and_moves_on_without_a_server_error(live_server, demo, page):
    base = live_server.url
    server_errors = []
    page.on(
        "response",
        lambda response: response.status >= 500 and server_errors.append(response.url),
    )
    index_pk = ArticlePage.objects.first().get_parent().pk
    assert set(demo.values()) >= {"draft", "live", "editorial_review", "medical_review"}

    log_in_as(page, base, EDITOR)
    for slug, state in demo.items():
        if state == "medical_review":
            continue
        article = ArticlePage.objects.get(slug=slug)
        page.goto(f"{base}/admin/pages/{article.pk}/edit/")
        if article.live:
            # Editing a live article starts a new version, which needs its own change note.
            page.get_by_role("tab", name="Review").click()
            page.fill("#id_change_note", "Checked again, no changes.")
        page.get_by_role("button", name="Save draft").click()
        page.wait_for_url(f"{base}/admin/pages/{article.pk}/edit/")
        expect(page.locator(".messages")).to_contain_text("has been updated", timeout=30_000)
        open_more_actions(page)
        if state == "editorial_review":
            # Saving made a new revision: approving the one submitted asks for the step again.
            page.get_by_role("button", name="Approve", exact=True).click()
            page.wait_for_url(f"{base}/admin/pages/{index_pk}/")
            expect(page.locator(".messages")).to_contain_text(
                "its latest revision is now waiting for Editorial review"
            )
            page.goto(f"{base}/admin/pages/{article.pk}/edit/")
            open_more_actions(page)
            page.get_by_role("button", name="Approve", exact=True).click()
            page.wait_for_url(f"{base}/admin/pages/{index_pk}/")
            expect(page.locator(".messages")).to_contain_text("now waiting for Medical review")
        else:
            page.get_by_role("button", name="Submit to Health article review").click()
            page.wait_for_url(f"{base}/admin/pages/{index_pk}/")
            expect(page.locator(".messages")).to_contain_text("submitted for moderation")
        article = ArticlePage.objects.get(pk=article.pk)
        assert article.workflow_in_progress, slug
        assert server_errors == [], slug

    # The article waiting for medical review is locked for editing: its reviewer signs it off.
    log_in_as(page, base, REVIEWER)
    for slug, state in demo.items():
        if state != "medical_review":
            continue
        article = ArticlePage.objects.get(slug=slug)
        page.goto(f"{base}/admin/")
        sign_off_from_dashboard(page, article.title)
        dialog = page.locator(".modal")
        expect(dialog).to_contain_text(f"You are reviewing {article.title}")
        for label in ATTESTATIONS.values():
            dialog.get_by_label(label).check()
        dialog.get_by_label("Review comment").fill("Checked again against the sources.")
        acknowledge_warnings(dialog)
        dialog.get_by_label("Your password").fill(REVIEWER.password)
        dialog.locator("button[type=submit]").first.click()
        expect(page.locator(".messages")).to_contain_text("Signed off and published")
        assert ArticlePage.objects.get(pk=article.pk).live, slug
    assert server_errors == []
