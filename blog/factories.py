"""factory_boy factories for the blog's pages, on wagtail-factories.

Part of the one test-data layer (see health_content.factories): tests, the demo
and the benchmark build articles here and take them live through
`health_content.factories.publish_through_review`.
"""

import factory
import wagtail_factories

from health_content.factories import AuthorProfileFactory, default_disclaimer

from .models import ArticleAuthor, ArticlePage


def short_body(page):
    """A section and the default disclaimer: the least a complete article holds."""
    return [
        ("section", {"heading": "What it is", "anchor": "", "body": f"<p>{page.title} text.</p>"}),
        ("disclaimer", {"disclaimer": default_disclaimer()}),
    ]


class ArticlePageFactory(wagtail_factories.PageFactory):
    """A draft article (pass ``parent=``): a short body, one author, a summary."""

    class Meta:
        model = ArticlePage

    title = factory.Sequence(lambda n: f"Article {n}")
    summary = factory.LazyAttribute(lambda page: f"A summary of {page.title}.")
    body = factory.LazyAttribute(short_body)
    change_note = "First version."
    authors = factory.LazyFunction(lambda: [ArticleAuthor(author=AuthorProfileFactory())])


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
