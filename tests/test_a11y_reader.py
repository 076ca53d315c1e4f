"""Accessibility of the reader pages in a real browser: axe-core, keyboard use, headings.

axe-core comes from the npm registry into tests/js/node_modules (``make install``
runs ``npm ci --prefix tests/js`` when it is missing). Like Chromium, a missing
axe-core skips these tests locally and fails them when REQUIRE_BROWSER is set (CI).

A live-server test runs outside a transaction and the database is flushed after
it, which also removes what data migrations installed (root page, roles, review
workflow): `site` asks for conftest's `migrated_data`, which puts it back.
"""

import itertools

import pytest
from django.urls import reverse

from tests.browser import inject_axe
from tests.reader_factories import Cast, live_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BLOCKING_IMPACTS = {"serious", "critical"}


@pytest.fixture
def site(migrated_data, site_tree):
    """Home, index, a topic, and an article holding every block type (related articles too)."""
    blog_index = site_tree[1]
    cast = Cast()
    plain = live_article(blog_index, cast, title="Iron and tiredness")
    article = live_article(
        blog_index, cast, title="Vitamin B12 deficiency", related=[plain], tags=["vegan"]
    )
    return {"cast": cast, "article": article}


def blocking_violations(page, axe_source):
    inject_axe(page, axe_source)
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} -> "
        + "; ".join(node["target"][0] for node in violation["nodes"][:3])
        for violation in results["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ]


def heading_levels(page):
    return page.eval_on_selector_all(
        "main h1, main h2, main h3, main h4, main h5, main h6",
        "elements => elements.map(e => Number(e.tagName[1]))",
    )


def test_reader_pages_have_no_serious_or_critical_violations(live_server, page, site, axe_source):
    cast, article = site["cast"], site["article"]
    urls = [
        "/",
        "/articles/",
        f"/topics/{cast.topic.slug}/",
        "/search/?q=vitamin",
        article.url,
        reverse("blog:article_history", args=[article.pk]),
        cast.reviewer.get_absolute_url(),
    ]
    problems = {}
    for url in urls:
        page.goto(live_server.url + url)
        violations = blocking_violations(page, axe_source)
        if violations:
            problems[url] = violations
    assert problems == {}


def test_headings_are_in_logical_order(live_server, page, site):
    cast, article = site["cast"], site["article"]
    for url in (
        "/",
        "/articles/",
        f"/topics/{cast.topic.slug}/",
        "/search/?q=vitamin",
        article.url,
    ):
        page.goto(live_server.url + url)
        levels = heading_levels(page)
        assert levels.count(1) == 1 and levels[0] == 1, (url, levels)
        for previous, current in itertools.pairwise(levels):
            # Going deeper one level at a time; going back up may skip levels.
            assert current <= previous + 1, (url, levels)


def test_skip_link_is_first_visible_on_focus_and_moves_to_main(live_server, page, site):
    page.goto(live_server.url + site["article"].url)
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    box = page.locator(".skip-link").bounding_box()
    assert box is not None and box["x"] >= 0 and box["y"] >= 0  # on screen when focused
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    # The next Tab continues inside the main content, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("() => !!document.activeElement.closest('main')")


def test_faq_opens_with_enter_and_space(live_server, page, site):
    page.goto(live_server.url + site["article"].url)
    questions = page.locator(".block-faq summary")
    assert questions.count() == 2
    details = page.locator(".block-faq details")
    assert details.nth(0).get_attribute("open") is None

    questions.nth(0).focus()
    page.keyboard.press("Enter")
    assert details.nth(0).get_attribute("open") is not None
    assert page.locator(".block-faq .faq-item__answer").nth(0).is_visible()

    page.keyboard.press("Tab")  # to the second question (the answer holds no links)
    assert page.evaluate("() => document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press(" ")
    assert details.nth(1).get_attribute("open") is not None
    page.keyboard.press(" ")
    assert details.nth(1).get_attribute("open") is None


def test_focus_is_visible(live_server, page, site):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Tab")  # site title
    outline = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, parseFloat(s.outlineWidth)]; }"
    )
    assert outline[0] != "none" and outline[1] >= 2


def test_a_report_sent_back_has_each_error_next_to_its_field(live_server, page, site, axe_source):
    page.goto(live_server.url + site["article"].url)
    page.get_by_text("Report a problem with this page").click()
    page.get_by_role("radio", name="Out of date").check()
    # Only spaces: the browser's "required" lets it through, the server refuses it.
    page.get_by_label("What is wrong?").fill("   ")
    page.get_by_role("button", name="Send report").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Check your report"
    detail = page.get_by_label("What is wrong?")
    assert detail.get_attribute("aria-invalid") == "true"
    error_id = detail.get_attribute("aria-describedby").split()[-1]
    error = page.locator(f"#{error_id}")
    assert error.inner_text() == "Error: Tell us what is wrong, so an editor can check it."
    # The message sits right above the field it is about.
    assert detail.evaluate("field => field.previousElementSibling.id") == error_id
    gap = detail.bounding_box()["y"] - (error.bounding_box()["y"] + error.bounding_box()["height"])
    assert 0 <= gap < 24
    # The reader's choice is kept, and the summary links to the field.
    assert page.get_by_role("radio", name="Out of date").is_checked()
    summary = page.get_by_role("alert")
    assert summary.get_by_role("link").get_attribute("href") == f"#{detail.get_attribute('id')}"
    assert blocking_violations(page, axe_source) == []
