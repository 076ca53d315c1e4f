"""Test data for the reader-site tests: people, reference data and live articles.

Articles go live the only way the product allows: a writer saves a revision and
submits it to the "Health article review" workflow, an editor approves the
editorial step and a medical reviewer signs off, which records a SignOff and
publishes through the gate (health_content.publish_gate); the workflow steps are
tests.factories.publish_through_review. Nothing here sets ``live=True`` by hand.

Every block type of ArticleBodyBlock appears in `full_body()`, each carrying a
distinctive word (see SEARCH_WORDS) so search tests can prove that each block's
text is indexed.
"""

import itertools
from decimal import Decimal

from blog.models import ArticleAuthor, ArticlePage, ArticleReference
from health_content.factories import Cast, publish_through_review

__all__ = [
    "SEARCH_WORDS",
    "Cast",
    "draft_article",
    "edit_and_republish",
    "full_body",
    "live_article",
    "minimal_body",
    "sign_off_and_publish",
]

_sequence = itertools.count(1)

#: block type -> a word found only in that block of `full_body()`.
SEARCH_WORDS = {
    "section": "cobalamin",
    "symptom_list": "paresthesia",
    "food_table": "clams",
    "comparison_table": "spirulina",
    "faq": "methylcobalamin",
    "key_points": "neuropathy",
    "callout": "anaphylaxis",
    "image": "sardines",
    "dosage": "cyanocobalamin",
    "related_articles": "seealso",
}


def full_body(cast, related=(), repeat=1):
    """A body holding every block type, each with its SEARCH_WORDS word, `repeat` times over.

    The related-articles block needs at least one article to publish, so it is
    included only when `related` (live articles) is given. There is always
    exactly one disclaimer, at the end.
    """
    words = SEARCH_WORDS
    body = [
        (
            "key_points",
            {"style": "key_points", "points": [f"B12 deficiency can cause {words['key_points']}."]},
        ),
        (
            "section",
            {
                "heading": "What vitamin B12 does",
                "anchor": "",
                "body": f"<p>Vitamin B12, or {words['section']}, keeps nerves healthy.</p>",
            },
        ),
        (
            "symptom_list",
            {
                "heading": "Symptoms of low B12",
                "intro": "Symptoms build slowly.",
                "items": [
                    {"symptom": "Tiredness", "detail": "", "care_level": "see_doctor"},
                    {
                        "symptom": f"Pins and needles ({words['symptom_list']})",
                        "detail": "In hands or feet.",
                        "care_level": "urgent",
                    },
                ],
                "when_to_get_help": "See a doctor if symptoms last more than two weeks.",
            },
        ),
        (
            "food_table",
            {
                "nutrient": cast.nutrient,
                "caption": "Selected food sources of vitamin B12",
                "rows": [
                    {
                        "food": words["food_table"].capitalize(),
                        "preparation": "cooked",
                        "serving": "3 ounces",
                        "amount": Decimal("17"),
                        "source": "USDA",
                    },
                    {
                        "food": "Egg",
                        "preparation": "whole",
                        "serving": "1 large",
                        "amount": Decimal("0.5"),
                        "source": "",
                    },
                ],
            },
        ),
        (
            "comparison_table",
            {
                "caption": "Animal and fortified sources",
                "table": {
                    "caption": "",
                    "columns": [
                        {"type": "text", "heading": "Source"},
                        {"type": "numeric", "heading": "mcg per serving"},
                        {"type": "rich_text", "heading": "Notes"},
                    ],
                    "rows": [
                        {"values": [words["comparison_table"], "0.5", "<p>Not reliable.</p>"]},
                        {"values": ["Fortified cereal", "1.5", "<p>Check the label.</p>"]},
                    ],
                },
            },
        ),
        (
            "faq",
            {
                "heading": "Frequently asked questions",
                "items": [
                    {
                        "question": f"Is {words['faq']} better than other forms?",
                        "answer": "<p>Both forms work for most people.</p>",
                    },
                    {
                        "question": "Can vegans get enough B12?",
                        "answer": "<p>Yes, from fortified foods or supplements.</p>",
                    },
                ],
            },
        ),
        (
            "callout",
            {
                "kind": "emergency",
                "title": "Severe allergic reaction",
                "body": f"<p>Call emergency services for {words['callout']}.</p>",
            },
        ),
        (
            "image",
            {
                "image": cast.image,
                "alt_text": f"A plate of {words['image']} and clams",
                "decorative": False,
                "caption": "Oily fish are good sources.",
                "credit": "Photo: test",
            },
        ),
        (
            "dosage",
            {
                "substance": f"Vitamin B12 ({words['dosage']})",
                "rows": [
                    {
                        "population": "Adults 19+",
                        "amount": Decimal("2.4"),
                        "unit": "mcg",
                        "frequency": "daily",
                        "route": "oral",
                        "note": "",
                    }
                ],
                "note": "",
            },
        ),
    ]
    if related:
        heading = f"See also ({words['related_articles']})"
        body.append(("related_articles", {"heading": heading, "articles": list(related)}))
    body = body * repeat
    body.append(("disclaimer", {"disclaimer": cast.disclaimer}))
    return body


def minimal_body(cast):
    return [
        (
            "section",
            {"heading": "Overview", "anchor": "", "body": "<p>A short article.</p>"},
        ),
        ("disclaimer", {"disclaimer": cast.disclaimer}),
    ]


def draft_article(
    parent,
    cast,
    *,
    title=None,
    body=None,
    related=(),
    body_repeat=1,
    authors=None,
    topics=None,
    tags=(),
    **fields,
):
    """A non-live ArticlePage under `parent`: by default the full body, one author,
    one topic and one reference."""
    n = next(_sequence)
    title = title or f"Vitamin B12 article {n}"
    page = ArticlePage(
        title=title,
        slug=fields.pop("slug", f"article-{n}"),
        summary=fields.pop("summary", f"What to know about vitamin B12, part {n}."),
        hero_image=fields.pop("hero_image", cast.image),
        hero_image_alt=fields.pop("hero_image_alt", "Clams on a plate"),
        body=body if body is not None else full_body(cast, related, body_repeat),
        **fields,
    )
    page.authors = [ArticleAuthor(author=author) for author in (authors or [cast.author])]
    page.references = [
        ArticleReference(
            authors="Smith J, Lee K",
            title="Vitamin B12 deficiency in adults",
            publication="BMJ",
            year=2020,
            doi="10.1136/bmj.m1234",
            pmid="32345678",
            url="https://example.org/b12",
        )
    ]
    page.topics = list(topics if topics is not None else [cast.topic])
    for tag in tags:
        page.tags.add(tag)
    parent.add_child(instance=page)
    return ArticlePage.objects.get(pk=page.pk)


def sign_off_and_publish(page, cast):
    """Take `page`'s current content through the real review workflow; returns it published.

    The writer saves a revision, then tests.factories.publish_through_review (the
    shared path) submits it, the editor approves and the reviewer signs off.
    """
    page.save_revision(user=cast.writer)
    page = publish_through_review(page, cast.writer, cast.editor, cast.reviewer_user)
    assert page.live, "the medical sign-off should have published the article"
    return page


def live_article(parent, cast, **kwargs):
    """A live article: a draft taken through the real review workflow."""
    return sign_off_and_publish(draft_article(parent, cast, **kwargs), cast)


def edit_and_republish(page, cast, **changes):
    """Change fields of a live article and take the change through review again."""
    for name, value in changes.items():
        setattr(page, name, value)
    return sign_off_and_publish(page, cast)
