"""POST data for the admin's article editor, as the browser would send it."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tests.factories import default_disclaimer


def body_form_items(page):
    """The page's own body (sections and disclaimer, as the factories make) as editor items."""
    items = []
    for block in page.body:
        if block.block_type == "section":
            value = {
                "heading": block.value["heading"],
                "anchor": block.value["anchor"],
                "body": rich_text(block.value["body"].source),
            }
        else:
            value = {"disclaimer": block.value["disclaimer"].pk}
        items.append((block.block_type, value))
    return items


def article_post_data(page=None, *, title="Iron and tiredness", author=None, **overrides):
    """Form data for creating (page=None) or editing `page` with its current content.

    A new article gets a section and the default disclaimer.
    """
    disclaimer = default_disclaimer()
    if page is not None:
        links = list(page.authors.all())
        authors = [{"id": link.pk, "author": link.author_id} for link in links]
        initial_authors = len(authors)
        title = page.title
    else:
        authors = [{"author": author.pk}] if author else []
        initial_authors = 0
    data = {
        "title": title,
        "slug": page.slug if page else "iron-and-tiredness",
        "summary": page.summary if page else "Why low iron can leave you tired.",
        "body": streamfield(
            body_form_items(page)
            if page
            else [
                (
                    "section",
                    {"heading": "What it is", "anchor": "", "body": rich_text("<p>Text.</p>")},
                ),
                ("disclaimer", {"disclaimer": disclaimer.pk}),
            ]
        ),
        "authors": inline_formset(authors, initial=initial_authors),
        "references": inline_formset([]),
        "comments": inline_formset([]),
        "medical_audience": "patient",
        "tags": "",
        "hero_image_alt": "",
        # Required to submit or publish: the one line readers see in the article's history.
        "change_note": (page.change_note if page else "") or "First version.",
    }
    data.update(overrides)
    return nested_form_data(data)
