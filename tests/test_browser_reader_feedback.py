"""A reader's feedback and problem report in Chromium, through to the editor's triage.

The reader answers "Was this page helpful?" and reports a factual error with plain
form posts; an editor confirms the report in the admin queue, which puts the
article into re-review; a corrected version then shows its correction notice and
history.
"""

import pytest
from playwright.sync_api import expect

from blog.models import ArticleFeedback, ProblemReport
from health_content.models import ReReviewRequest
from tests.factories import (
    make_article,
    make_editor,
    make_reviewer,
    make_writer,
    publish_through_review,
    refreshed,
)
from tests.test_browser_review_journey import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_feedback_report_triage_and_correction(live_server, blog_index, page):
    base = live_server.url
    writer, editor, reviewer = make_writer(), make_editor(), make_reviewer()
    article = make_article(blog_index, title="Vitamin D", owner=writer, change_note="First.")
    article = publish_through_review(article, writer, editor, reviewer)

    # Reader: helpful? no, with a comment.
    page.goto(f"{base}{article.url}")
    page.get_by_role("radio", name="No").check()
    page.get_by_label("Anything we could do better? (optional)").fill("Say more about doses.")
    page.get_by_role("button", name="Send feedback").click()
    expect(page.get_by_text("Thank you for your feedback.")).to_be_visible()
    assert ArticleFeedback.objects.get().revision_id == article.live_revision_id

    # Reader: report a factual error (an empty report is refused first, nothing lost).
    page.get_by_text("Report a problem with this page").click()
    page.get_by_role("radio", name="Factual error").check()
    page.get_by_label("What is wrong?").fill("The dose is 10 micrograms, not 10 mg.")
    page.get_by_role("button", name="Send report").click()
    expect(page.get_by_text("Thank you for reporting this.")).to_be_visible()
    report = ProblemReport.objects.get()
    assert report.revision_id == article.live_revision_id

    # Editor: confirms it in the queue; the article goes into re-review.
    log_in(page, base, "editor")
    page.goto(f"{base}/admin/reader-reports/?status=new")
    page.get_by_role("link", name="Vitamin D").first.click()
    expect(page.get_by_text("The dose is 10 micrograms, not 10 mg.")).to_be_visible()
    page.select_option("#id_status", "confirmed")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("will be medically reviewed again")).to_be_visible()
    assert ReReviewRequest.objects.open().get(page_id=article.pk).reason == "reader_report"

    # The corrected version: correction notice and history for readers.
    article = refreshed(article)
    article.change_note = "Corrected the dose: 10 micrograms."
    article.corrects_error = True
    article.save_revision(user=writer)
    publish_through_review(article, writer, editor, reviewer)
    page.context.clear_cookies()
    page.goto(f"{base}{article.url}")
    notice = page.get_by_role("note").filter(has_text="Correction")
    expect(notice).to_contain_text("Corrected the dose: 10 micrograms.")
    notice.get_by_role("link", name="See the article's history").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("History of “Vitamin D”")
    expect(page.locator(".article-history > li")).to_have_count(2)
