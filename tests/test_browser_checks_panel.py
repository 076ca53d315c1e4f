"""The content checks where people work, in Chromium: the editor's Checks panel and sign-off.

A writer opens the editor of an article naming a brand-name drug and quoting an
uncited figure, opens Wagtail's Checks panel and reads the server's findings there,
unsaved edits included; the medical reviewer then acknowledges each warning in the
sign-off dialog, and the sign-off records the acknowledgements.
"""

import pytest
from playwright.sync_api import expect

from health_content.forms import ATTESTATIONS
from health_content.models import SignOff
from tests.browser import acknowledge_warnings, open_editor
from tests.factories import (
    PASSWORD,
    act,
    article_with_warnings,
    make_editor,
    make_reviewer,
    make_writer,
    refreshed,
    submit,
)
from tests.test_browser_review_journey import log_in, sign_off_from_dashboard

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BRAND = "“Lyrica” is a brand name: use the generic name (pregabalin)"
FIGURE = "“40%” is a figure with no source beside it."


@pytest.fixture
def article(blog_index):
    # The literal "<img src=x>" is text readers would see: it must stay text.
    return article_with_warnings(blog_index, make_writer(), " Type &lt;img src=x&gt; to test.")


def test_the_writer_sees_the_servers_findings_in_the_checks_panel(live_server, article, page):
    base = live_server.url
    log_in(page, base, "writer")
    open_editor(page, f"{base}/admin/pages/{article.pk}/edit/")
    page.locator('[data-side-panel-toggle="checks"]').click()

    panel = page.locator("[data-checks-panel]")
    brand = panel.locator("[data-health-finding='promotional-content']")
    # The preview loads, Wagtail's checks run in it, then the server's findings arrive.
    expect(brand).to_contain_text(f"Warning: {BRAND}", timeout=30_000)
    expect(brand).to_contain_text("Where: body.0.body")
    figure = panel.locator("[data-health-finding='uncited-statistic']")
    expect(figure).to_contain_text(f"Warning: {FIGURE}")
    expect(figure).to_contain_text("About 40% of older adults have low B12.")
    # The excerpt is shown as text, never as markup.
    expect(figure).to_contain_text("Type <img src=x> to test.")
    expect(panel.locator("img")).to_have_count(0)
    # The panel's counters include the server's findings.
    count = int(
        page.locator("[data-side-panel='checks'] [data-content-checker-count]").inner_text()
    )
    assert count >= panel.locator("[data-health-finding]").count() >= 2

    # An unsaved edit is checked as the preview shows it: a call to buy in the summary.
    page.fill("#id_summary", "Buy now while stocks last.")
    expect(panel.locator("[data-health-finding][data-severity='blocking']")).to_contain_text(
        "Blocking: “Buy now” is a call to buy.", timeout=30_000
    )
    # Leave the editor before the test database is flushed: it keeps talking to the
    # server (preview updates, the editing session) while it is open.
    page.goto(f"{base}/admin/", wait_until="networkidle")


def test_the_reviewer_acknowledges_each_warning_and_the_sign_off_records_them(
    live_server, article, page
):
    reviewer = make_reviewer()
    in_review = act(submit(article, article.owner), make_editor(), "approve")
    assert in_review.current_workflow_task.name == "Medical review"

    log_in(page, live_server.url, reviewer.username)
    sign_off_from_dashboard(page, article.title)
    dialog = page.locator(".modal")
    expect(dialog.get_by_label(f"Considered: {BRAND}")).to_be_visible()
    expect(dialog.get_by_label(f"Considered: {FIGURE}")).to_be_visible()
    warnings = dialog.locator("input[name^='acknowledge_']").count()
    for label in ATTESTATIONS.values():
        dialog.get_by_label(label).check()
    dialog.get_by_label("Your password").fill(PASSWORD)
    dialog.locator("button[type=submit]").first.click()
    # Not acknowledged: refused, nothing signed.
    expect(page.locator(".modal")).to_contain_text("Tick to confirm you considered this warning.")
    assert not SignOff.objects.exists()

    dialog = page.locator(".modal")
    for label in ATTESTATIONS.values():
        dialog.get_by_label(label).check()
    acknowledge_warnings(dialog)
    dialog.get_by_label("Your password").fill(PASSWORD)
    dialog.locator("button[type=submit]").first.click()
    expect(page.locator(".messages")).to_contain_text("Signed off and published")
    assert refreshed(article).live

    sign_off = SignOff.objects.get(page=article)
    assert len(sign_off.acknowledgements) == warnings
    assert all(ack["acknowledged"] for ack in sign_off.acknowledgements)
    checks = {ack["check"] for ack in sign_off.acknowledgements}
    assert {"promotional-content", "uncited-statistic"} <= checks
    messages = " ".join(ack["message"] for ack in sign_off.acknowledgements)
    assert BRAND in messages and FIGURE in messages
