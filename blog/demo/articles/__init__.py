"""The demo articles, in the order they are created (related articles come first).

pages.toml holds each article's page fields, and the review state it is left
in: "live", "due_soon" and "overdue" (signed off by its `reviewer` and published
through the real review workflow), "medical_review" and "editorial_review"
(submitted, waiting at that step) or "draft". Each table there is named after
the module holding the article's own content, its ARTICLE: a body in
StreamField's stored format built with blog.factories' block builders (with
placeholders from ..refs for database objects; food tables and daily amounts
come from ..reference_data) and references.
"""

import tomllib
from importlib import import_module
from pathlib import Path

from blog import factories as blocks

from ..refs import DISCLAIMER

PAGES = Path(__file__).with_name("pages.toml")


def _articles():
    with PAGES.open("rb") as file:
        pages = tomllib.load(file)
    articles = []
    for module, fields in pages.items():
        content = import_module(f"{__name__}.{module}").ARTICLE
        # Every article ends with the default disclaimer.
        body = [*content["body"], blocks.disclaimer(DISCLAIMER)]
        articles.append({**fields, **content, "body": body})
    return articles


ARTICLES = _articles()
