"""Site search with real queries, on SQLite (FTS5) and PostgreSQL (full-text search).

Each block type of the article body carries its own word (SEARCH_WORDS); finding
the article by each word proves the block's text is indexed. Articles go live
through the review workflow, so this also checks that signal-driven indexing
works for pages published that way.
"""

import pytest
from django.core.management import call_command

from blog.models import StandardPage
from blog.search import search
from health_content.models import Topic
from tests.reader_factories import (
    SEARCH_WORDS,
    draft_article,
    edit_and_republish,
    live_article,
    minimal_body,
)

pytestmark = pytest.mark.search_index


@pytest.fixture
def article(blog_index, cast):
    """A live article holding every block type, the related-articles block included."""
    plain = live_article(blog_index, cast, title="Iron basics", body=minimal_body(cast))
    return live_article(
        blog_index,
        cast,
        title="Vitamin B12 deficiency",
        summary="How low B12 shows itself and what helps.",
        related=[plain],
        topics=[Topic.objects.create(name="Pernicious anaemia", slug="pernicious-anaemia")],
        tags=["Glossitis"],
    )


def titles(query):
    return [page.title for page in search(query)]


@pytest.mark.django_db
@pytest.mark.parametrize("block_type", sorted(SEARCH_WORDS))
def test_text_in_every_block_type_is_found(article, block_type):
    assert titles(SEARCH_WORDS[block_type]) == [article.title]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    ["deficiency", "shows itself", "pernicious", "Pernicious anaemia", "glossitis"],
    ids=["title", "summary", "topic word", "topic name", "tag"],
)
def test_title_summary_topics_and_tags_are_found(article, query):
    assert titles(query) == [article.title]


@pytest.mark.django_db
def test_every_word_must_match(article):
    assert titles("spirulina anaphylaxis") == [article.title]
    assert titles("spirulina zebrafish") == []


@pytest.mark.django_db
def test_drafts_and_unpublished_articles_are_not_found(blog_index, cast, article):
    draft_article(blog_index, cast, title="Unreviewed quinoa draft")
    assert titles("quinoa") == []
    article.unpublish()
    assert titles("spirulina") == []


@pytest.mark.django_db
def test_republished_content_replaces_the_old_text(blog_index, cast, article):
    edit_and_republish(article, cast, summary="Now about kelp instead.")
    assert titles("kelp") == [article.title]
    assert titles("shows itself") == []


@pytest.mark.django_db
def test_changed_topics_are_indexed_when_republished(blog_index, cast, article):
    new_topic = Topic.objects.create(name="Folate", slug="folate")
    edit_and_republish(article, cast, topics=[new_topic])
    assert titles("folate") == [article.title]
    assert titles("pernicious") == []


@pytest.mark.django_db
def test_standard_pages_are_found(home):
    about = home.add_child(
        instance=StandardPage(
            title="How we review",
            slug="how-we-review",
            intro="Our fact-checking process.",
            body="<p>Every article is checked by a clinician.</p>",
        )
    )
    about.save_revision().publish()
    assert titles("clinician") == ["How we review"]


@pytest.mark.django_db
def test_update_index_rebuilds_the_index(article):
    call_command("update_index", verbosity=0)
    assert titles("spirulina") == [article.title]
    assert titles("pernicious") == [article.title]


@pytest.mark.django_db
def test_search_page_shows_results_with_summaries(client, article):
    response = client.get("/search/", {"q": "spirulina"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "1 result for “spirulina”" in page
    assert f'href="{article.url}"' in page
    assert article.summary in page
    assert 'name="robots" content="noindex, follow"' in page


@pytest.mark.django_db
def test_search_page_without_query_or_matches(client, article):
    assert "result" not in client.get("/search/").content.decode().split("<main")[1]
    page = client.get("/search/", {"q": "zebrafish"}).content.decode()
    assert "No results for “zebrafish”" in page


@pytest.mark.django_db
def test_search_results_are_paginated(client, blog_index, cast):
    for n in range(12):
        live_article(blog_index, cast, title=f"Kelp note {n}", body=minimal_body(cast))
    first = client.get("/search/", {"q": "kelp"}).content.decode()
    second = client.get("/search/", {"q": "kelp", "page": 2}).content.decode()
    assert "12 results for “kelp”, page 1 of 2" in first
    assert 'href="?q=kelp&amp;page=2"' in first
    assert first.count('class="search-result"') == 10
    assert second.count('class="search-result"') == 2


@pytest.mark.django_db
def test_search_query_is_escaped_and_bounded(client, article):
    response = client.get("/search/", {"q": "<script>alert(1)</script>" + "x" * 500})
    page = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)" in page
