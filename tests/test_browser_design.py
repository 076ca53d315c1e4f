"""The reader design in a real browser at phone (390 px) and desktop (1280 px) widths.

axe-core reports no violation of any impact on home, an article (corrected,
sponsored, with declared conflicts of interest) and search; care levels read as
text; cards without an image leave no gap; nothing scrolls sideways; the reader
feedback has large choices with a visible focus ring; the print stylesheet drops
navigation and the feedback forms and prints reference addresses.
axe-core comes from tests/js/node_modules (conftest's `axe_source`).
"""

import pytest

from blog.demo.standard_pages import create_standard_pages
from tests.browser import inject_axe
from tests.reader_factories import Cast, edit_and_republish, live_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (390, 1280)


@pytest.fixture
def design_site(migrated_data, site_tree):
    home, blog_index = site_tree
    create_standard_pages(home)
    cast = Cast()
    cast.author.conflicts_of_interest = "Paid speaker for a dairy council (2025)."
    cast.author.save()
    pictured = live_article(blog_index, cast, title="Iron and tiredness")
    imageless = live_article(blog_index, cast, title="Folate before pregnancy", hero_image=None)
    article = live_article(blog_index, cast, title="Vitamin B12 deficiency", related=[pictured])
    article = edit_and_republish(
        article,
        cast,
        change_note="Corrected the daily value: 2.4 micrograms, not milligrams.",
        corrects_error=True,
        sponsored=True,
        sponsor_name="Example Nutrition Foundation",
    )
    return {"article": article, "pictured": pictured, "imageless": imageless}


def axe_violations(page, axe_source):
    inject_axe(page, axe_source)
    return page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => `${v.id} (${v.impact}): ${v.help} -> `"
        " + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join('; '))"
    )


def test_home_article_and_search_have_no_axe_violations_at_both_widths(
    live_server, browser, design_site, axe_source
):
    urls = ["/", design_site["article"].url, "/search/?q=vitamin"]
    problems = {}
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        for url in urls:
            page.goto(live_server.url + url)
            found = axe_violations(page, axe_source)
            if found:
                problems[(url, width)] = found
            overflow = page.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{url} scrolls sideways at {width} px"
        context.close()
    assert problems == {}


def test_care_levels_are_told_apart_by_visible_text_and_icon_shape(live_server, page, design_site):
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(live_server.url + design_site["article"].url)
    levels = page.locator(".symptom__care-level strong")
    assert levels.all_inner_texts() == ["See a doctor", "Urgent: same day"]
    for index in range(levels.count()):
        assert levels.nth(index).is_visible()
    # Screen readers hear what the text is before the level itself.
    assert page.locator(".symptom__care-level").first.text_content().split() == [
        "Care",
        "level:",
        "See",
        "a",
        "doctor",
    ]
    # Urgent stands out by its border weight too, not by colour alone.
    widths = page.eval_on_selector_all(
        ".symptom", "items => items.map(i => parseFloat(getComputedStyle(i).borderLeftWidth))"
    )
    assert widths[1] > widths[0]
    icons = page.eval_on_selector_all(".symptom__icon", "icons => icons.map(i => i.innerHTML)")
    assert len(set(icons)) == 2


def card_boxes(page, title):
    card = page.locator(".card", has_text=title).first
    heading = card.locator(".card-title")
    return card.bounding_box(), heading.bounding_box()


def test_cards_without_an_image_leave_no_gap(live_server, browser, design_site):
    pictured, imageless = design_site["pictured"].title, design_site["imageless"].title

    phone = browser.new_context(viewport={"width": 390, "height": 900}).new_page()
    phone.goto(live_server.url + "/")
    card, heading = card_boxes(phone, imageless)
    # One column: the title starts right at the top of the card.
    assert heading["y"] - card["y"] < 40

    desktop = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    desktop.goto(live_server.url + "/")
    card, heading = card_boxes(desktop, imageless)
    other_card, other_heading = card_boxes(desktop, pictured)
    # Side by side (the three "latest" cards in one row): the titles line up, and
    # the image-less card shows the site's mark where a picture would be.
    assert card["y"] == pytest.approx(other_card["y"], abs=1)
    assert heading["y"] == pytest.approx(other_heading["y"], abs=2)
    panel = desktop.locator(".card--no-image").first.evaluate(
        "card => getComputedStyle(card, '::before').backgroundImage"
    )
    assert "logo-mark.svg" in panel


def test_print_drops_navigation_and_prints_reference_addresses(live_server, page, design_site):
    page.goto(live_server.url + design_site["article"].url)
    page.emulate_media(media="print")
    for selector in (
        ".site-nav",
        ".site-search",
        ".breadcrumbs",
        ".toc",
        ".site-footer__nav",
        ".reader-feedback",
    ):
        assert not page.locator(selector).first.is_visible(), selector
    # What readers must know stays on paper: the correction and the sponsor.
    assert page.locator(".correction-notice").is_visible()
    assert page.locator(".sponsor-label").is_visible()
    doi_link = page.locator(".references a[href^='https://doi.org/']").first
    after = doi_link.evaluate("a => getComputedStyle(a, '::after').content")
    assert "https://doi.org/10.1136/bmj.m1234" in after
    # A link whose text is its address is not printed twice.
    url_link = page.locator(".references a.reference-url").first
    assert url_link.evaluate("a => getComputedStyle(a, '::after').content") in ("none", "normal")
    assert (
        page.locator(".symptom").first.evaluate("s => getComputedStyle(s).breakInside") == "avoid"
    )
    page.emulate_media(media="screen")
    assert page.locator(".site-nav").is_visible()


def test_favicon_and_logo_are_served(live_server, page, design_site):
    page.goto(live_server.url + "/")
    icons = page.eval_on_selector_all("link[rel=icon]", "links => links.map(l => [l.type, l.href])")
    assert [kind for kind, _href in icons] == ["image/svg+xml", "image/png"]
    for _kind, href in icons:
        response = page.request.get(href)
        assert response.ok, href
    assert page.locator(".site-title svg").is_visible()
    assert page.locator(".site-title").inner_text().startswith("Health blog")


def test_correction_and_sponsorship_are_labelled_in_text_where_readers_look(
    live_server, page, design_site
):
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(live_server.url + design_site["article"].url)
    notice = page.get_by_role("note").filter(has_text="Correction")
    assert notice.locator("time").get_attribute("datetime")
    assert "2.4 micrograms, not milligrams" in notice.inner_text()
    # Above the article itself, and the sponsor named inside the byline.
    assert notice.bounding_box()["y"] < page.locator(".article-body").bounding_box()["y"]
    sponsor = page.locator(".byline .byline-sponsor")
    assert sponsor.locator(".sponsor-label").text_content() == "Sponsored content:"
    assert "paid for by Example Nutrition Foundation" in sponsor.inner_text()
    page.get_by_text("Conflicts of interest").click()
    assert page.get_by_text("Paid speaker for a dairy council (2025).").is_visible()


@pytest.mark.parametrize("width", WIDTHS)
def test_feedback_choices_are_large_targets_with_a_visible_focus_ring(
    live_server, page, design_site, width
):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + design_site["article"].url)
    page.get_by_text("Report a problem with this page").click()
    boxes = [choice.bounding_box() for choice in page.locator(".reader-feedback .choice").all()]
    assert len(boxes) == 6  # yes, no; four kinds of problem
    assert min(box["height"] for box in boxes) >= 44
    kinds = boxes[2:]
    rows = {round(box["y"]) for box in kinds}
    if width == 390:
        # One kind per row, each the full width: long labels, easy to tap.
        assert len(rows) == 4
        assert len({round(box["width"]) for box in kinds}) == 1
    else:
        assert len(rows) < 4
    # From the keyboard, the ring goes round the whole choice, not only the radio.
    page.locator("#feedback").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.value") == "yes"
    ring = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement.closest('label'));"
        " return [s.outlineStyle, parseFloat(s.outlineWidth)]; }"
    )
    assert ring[0] != "none" and ring[1] >= 2
