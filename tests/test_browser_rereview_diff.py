"""A reviewer sees what changed since the last sign-off, in Chromium.

The article is live; a nutrient's Daily Value changes (which sends it back to
review) and the writer rewords a section. The reviewer opens the sign-off dialog
from the dashboard, reads the summary, and follows its link to the full diff.
"""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from tests.factories import act, refreshed, submit
from tests.reader_factories import live_article
from tests.test_browser_review_journey import log_in, sign_off_from_dashboard

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_reviewer_reads_the_changes_since_the_last_sign_off(
    live_server, blog_index, cast, page
):
    article = refreshed(live_article(blog_index, cast))
    cast.nutrient.daily_value = Decimal("24")
    cast.nutrient.save()
    body = list(article.body.raw_data)
    body[1]["value"]["body"] = "<p>Vitamin B12, or cobalamin, keeps nerves and blood healthy.</p>"
    article.body = body
    article.save_revision(user=cast.writer)
    article = act(submit(article, cast.writer), cast.editor, "approve")

    log_in(page, live_server.url, cast.reviewer_user.username)
    sign_off_from_dashboard(page, article.title)
    dialog = page.get_by_role("dialog")
    summary = dialog.locator("[data-changes-since-sign-off]")
    expect(summary).to_contain_text("Body: 1 changed.")
    expect(summary).to_contain_text("Nutrient “Vitamin B12”")

    with page.context.expect_page() as opened:
        summary.get_by_role("link", name="See every change since the last sign-off").click()
    changes = opened.value
    changes.wait_for_load_state()
    expect(changes.get_by_role("heading", name="Changes since the last sign-off")).to_be_visible()
    changed_block = changes.locator("[data-item-status=changed]")
    expect(changed_block).to_contain_text("What vitamin B12 does")
    expect(changed_block.locator("ins")).to_have_text("and blood ")
    nutrient = changes.locator("[data-object^='health_content.nutrientreference']")
    expect(nutrient).to_contain_text("daily value")
    expect(nutrient.locator("ins")).to_have_text("24")
