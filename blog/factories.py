"""factory_boy factories for the blog's pages, on wagtail-factories, and body-block builders.

Part of the one test-data layer (see health_content.factories): tests, the demo
and the benchmark build articles here and take them live through
`health_content.factories.publish_through_review`. The builders (`section()`,
`food_table()`...) write each body block's stored form once.
"""

import factory
import wagtail_factories

from health_content.factories import AuthorProfileFactory, default_disclaimer

from .models import ArticleAuthor, ArticlePage, ArticleReference


def short_body(page):
    """A section and the default disclaimer: the least a complete article holds."""
    return [
        ("section", {"heading": "What it is", "anchor": "", "body": f"<p>{page.title} text.</p>"}),
        ("disclaimer", {"disclaimer": default_disclaimer()}),
    ]


class ArticlePageFactory(wagtail_factories.PageFactory):
    """A draft article (pass ``parent=``): a short body, one author, a summary, one reference."""

    class Meta:
        model = ArticlePage

    title = factory.Sequence(lambda n: f"Article {n}")
    summary = factory.LazyAttribute(lambda page: f"A summary of {page.title}.")
    body = factory.LazyAttribute(short_body)
    change_note = "First version."
    authors = factory.LazyFunction(lambda: [ArticleAuthor(author=AuthorProfileFactory())])
    # A complete article cites its sources (the no-references check warns otherwise).
    references = factory.LazyFunction(
        lambda: [
            ArticleReference(
                title="Vitamin B12 or folate deficiency anaemia",
                publication="NHS",
                url="https://www.nhs.uk/conditions/vitamin-b12-or-folate-deficiency-anaemia/",
            )
        ]
    )


def make_article(parent, title=None, body=None, author=None, owner=None, **fields):
    """A draft ArticlePage under `parent` with one saved revision by `owner`."""
    if title is not None:
        fields["title"] = title
    if body is not None:
        fields["body"] = body
    if author is not None:
        fields["authors"] = [ArticleAuthor(author=author)]
    page = ArticlePageFactory(parent=parent, owner=owner, **fields)
    page.save_revision(user=owner)
    return ArticlePage.objects.get(pk=page.pk)


# Body blocks as (block type, value) pairs in StreamField's stored form.


def section(heading, body):
    """A rich-text section; its anchor is derived from the heading when the page is saved."""
    return ("section", {"heading": heading, "anchor": "", "body": body})


def key_points(points, style="key_points"):
    """Key points, or a quick summary with ``style="quick_summary"``."""
    return ("key_points", {"style": style, "points": list(points)})


def symptom_list(heading, intro, items, when_to_get_help):
    """A symptom list; `items` are (symptom, detail, care level) triples."""
    return (
        "symptom_list",
        {
            "heading": heading,
            "intro": intro,
            "items": [
                {"symptom": symptom, "detail": detail, "care_level": care_level}
                for symptom, detail, care_level in items
            ],
            "when_to_get_help": when_to_get_help,
        },
    )


def image(image, alt_text, *, caption="", credit=""):
    """An image block; an empty `alt_text` marks the image decorative."""
    return (
        "image",
        {
            "image": image,
            "alt_text": alt_text,
            "decorative": not alt_text,
            "caption": caption,
            "credit": credit,
        },
    )


def food_table(nutrient, caption, rows, *, source=""):
    """A nutrient food table; `rows` are (food, preparation, serving, amount).

    `source`, where the amounts come from, is cited on the first row, as on the
    published fact sheets the demo draws on.
    """
    return (
        "food_table",
        {
            "nutrient": nutrient,
            "caption": caption,
            "rows": [
                dict(
                    zip(("food", "preparation", "serving", "amount"), row, strict=True),
                    source=source if position == 0 else "",
                )
                for position, row in enumerate(rows)
            ],
        },
    )


def comparison_table(caption, columns, rows):
    """A comparison table; `columns` are (type, heading) pairs, `rows` lists of cell values."""
    return (
        "comparison_table",
        {
            "caption": caption,
            "table": {
                "caption": "",
                "columns": [{"type": kind, "heading": heading} for kind, heading in columns],
                "rows": [{"values": list(values)} for values in rows],
            },
        },
    )


def dosage(substance, rows, note=""):
    """Dosage guidance; `rows` are (population, amount, unit, frequency, route, note)."""
    fields = ("population", "amount", "unit", "frequency", "route", "note")
    return (
        "dosage",
        {
            "substance": substance,
            "rows": [dict(zip(fields, row, strict=True)) for row in rows],
            "note": note,
        },
    )


def faq(heading, items):
    """An FAQ accordion; `items` are (question, answer) pairs."""
    return (
        "faq",
        {
            "heading": heading,
            "items": [{"question": question, "answer": answer} for question, answer in items],
        },
    )


def callout(kind, title, body):
    return ("callout", {"kind": kind, "title": title, "body": body})


def related_articles(heading, articles):
    return ("related_articles", {"heading": heading, "articles": list(articles)})


def disclaimer(disclaimer):
    return ("disclaimer", {"disclaimer": disclaimer})
