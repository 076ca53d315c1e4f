"""The whole review journey through the real admin in Chromium.

A writer builds an article from blocks and submits it (and is offered no
Publish), an editor approves the editorial step, a medical reviewer signs it
off in the approval dialog, and an anonymous reader sees the reviewed-by line.
"""

import re

import pytest
from playwright.sync_api import expect

from blog.models import ArticlePage
from health_content.forms import ATTESTATIONS
from health_content.models import AuthorProfile, SignOff
from tests.browser import acknowledge_warnings
from tests.factories import (
    PASSWORD,
    default_disclaimer,
    make_editor,
    make_reviewer,
    make_writer,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, base_url, username):
    page.context.clear_cookies()
    page.goto(f"{base_url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")


def open_more_actions(page):
    page.get_by_role("button", name="More actions").click()


def sign_off_from_dashboard(page, title):
    """Open the sign-off dialog from the reviewer's "Awaiting your review" panel.

    The page editor is locked for the medical step (reviewers do not rewrite what
    they sign), so its action menu offers no review actions.
    """
    awaiting = page.locator("#awaiting-review-content, section:has-text('Awaiting your review')")
    row = awaiting.first.locator("tr", has_text=title)
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approve and sign off").click()


def test_writer_editor_reviewer_reader_journey(live_server, blog_index, page):
    base = live_server.url
    writer = make_writer()
    make_editor()
    make_reviewer()
    default_disclaimer()
    profile = AuthorProfile.objects.create(
        display_name="Sam Writer", slug="sam-writer", user=writer
    )

    # Writer: build the article from blocks, save, submit.
    log_in(page, base, "writer")
    page.goto(f"{base}/admin/pages/add/blog/articlepage/{blog_index.pk}/")
    page.fill("#id_title", "Iron and tiredness")
    page.fill("#id_summary", "Why low iron can leave you tired, and what helps.")
    # The writer's own profile is the first author already.
    expect(page.locator("input[name='authors-0-author']")).to_have_value(str(profile.pk))
    # New articles start with the default disclaimer already in the body.
    expect(page.get_by_text("Medical disclaimer", exact=True)).to_be_visible()
    page.locator("button[title='Insert a block']").first.click()
    page.get_by_role("option", name="Section").click()
    page.locator("input[name$='-value-heading']").first.fill("Why iron matters")
    # Type only once the rich-text editor has focus, and check the text arrived:
    # keys sent while Draftail is still mounting are lost, and the submission
    # would then fail validation ("Write the text of this section.").
    editor = page.locator(".public-DraftEditor-content").first
    editor.click()
    expect(editor).to_be_focused()
    editor.press_sequentially("Iron carries oxygen around your body.")
    expect(editor).to_have_text("Iron carries oxygen around your body.")
    page.locator("button[title='Insert a block']").nth(1).click()
    page.get_by_role("option", name="Key points").click()
    page.locator("input[name$='-value-points-0-value']").fill("Tiredness can have many causes.")
    # The one-line change note readers see in the history is required to submit.
    page.get_by_role("tab", name="Review").click()
    page.fill("#id_change_note", "First version.")
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/"))
    article = ArticlePage.objects.get(title="Iron and tiredness")
    assert not article.live

    open_more_actions(page)
    expect(page.locator("button[name='action-publish']")).to_have_count(0)
    page.get_by_role("button", name="Submit to Health article review").click()
    # Wagtail saves the submission, then redirects to the section's page listing.
    # Waiting for that URL, not for "a navigation", keeps the database read below
    # after the submission (the editor can navigate within the page first).
    page.wait_for_url(f"{base}/admin/pages/{blog_index.pk}/")
    expect(page.locator(".messages")).to_contain_text("submitted for moderation")
    assert ArticlePage.objects.get(pk=article.pk).current_workflow_task.name == "Editorial review"

    # Editor: approve the editorial step from the page editor's action menu.
    log_in(page, base, "editor")
    page.goto(f"{base}/admin/pages/{article.pk}/edit/")
    open_more_actions(page)
    page.get_by_role("button", name="Approve", exact=True).click()
    page.wait_for_url(f"{base}/admin/pages/{blog_index.pk}/")
    expect(page.locator(".messages")).to_contain_text(
        "Approved: 'Iron and tiredness' is now waiting for Medical review."
    )
    # The listing shows where each article is in its review.
    expect(page.locator("tr", has_text="Iron and tiredness")).to_contain_text("In medical review")
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.current_workflow_task.name == "Medical review"
    # Approving did not create a revision of the editor's: the reviewer reviews the writer's.
    assert article.get_latest_revision().user == writer

    # Reviewer: sign off from the dashboard's "Awaiting your review", in the
    # approval dialog with its attestations and comment.
    log_in(page, base, "reviewer")
    awaiting = page.locator(
        "#awaiting-review-content, section:has-text('Awaiting your review')"
    ).first
    expect(awaiting).to_contain_text("Iron and tiredness")
    awaiting.get_by_role("button", name="Actions").click()
    awaiting.get_by_role("button", name="Approve and sign off").click()
    dialog = page.locator(".modal")
    expect(dialog.get_by_text("I checked every dose, figure and unit.")).to_be_visible()
    expect(dialog).to_contain_text("You are reviewing Iron and tiredness, revision")
    expect(dialog).to_contain_text("has never been signed off")
    dialog.get_by_label("I checked the article's claims against the cited sources.").check()
    dialog.get_by_label("I checked every dose, figure and unit.").check()
    dialog.get_by_label("The medical disclaimer is appropriate for this article.").check()
    dialog.get_by_label("Review comment").fill("Checked against the NIH fact sheet.")
    # The signature: a wrong password is refused in the dialog, nothing is signed.
    expect(dialog).to_contain_text("The signature means")
    dialog.get_by_label("Your password").fill("not-my-password")
    dialog.locator("button[type=submit], input[type=submit]").first.click()
    expect(page.locator(".modal")).to_contain_text("That password is not correct")
    assert not SignOff.objects.filter(page=article).exists()
    dialog = page.locator(".modal")
    for label in ATTESTATIONS.values():
        dialog.get_by_label(label).check()
    acknowledge_warnings(dialog)
    dialog.get_by_label("Your password").fill(PASSWORD)
    with page.expect_navigation():
        dialog.locator("button[type=submit], input[type=submit]").first.click()

    expect(page.locator(".messages")).to_contain_text(
        "Signed off and published: readers now see 'Iron and tiredness'."
    )
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.live
    sign_off = SignOff.objects.get(page=article)
    assert sign_off.comment == "Checked against the NIH fact sheet."
    assert sign_off.authentication == "password"

    # Anonymous reader.
    page.context.clear_cookies()
    page.goto(f"{base}{article.url}")
    byline = page.locator(".byline-review")
    expect(byline).to_contain_text("Medically reviewed by Dr Reviewer, MD")
    expect(page.locator(".byline-due")).to_contain_text("Next review due")
    expect(page.locator("h2", has_text="Why iron matters")).to_be_visible()
