"""Query budgets of the reader pages, with the full-page cache off (as in tests by default).

"Warm" means a second render: Wagtail's site-root-path and rendition caches are
filled, the route is cached (blog/routing.py) and so are the article's fragments
(blog.cache.article_revision_cache_key).
Listings must cost the same number of queries for 2 articles as for 10: no N+1 on
authors, reviewers, topics, images or renditions.
"""

import pytest
from django.db import connection
from django.template import Template, TemplateSyntaxError
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from health_content.models import AuthorProfile, Topic
from tests.factories import refreshed
from tests.reader_factories import (
    SEARCH_WORDS,
    edit_and_republish,
    live_article,
    minimal_body,
    sign_off_and_publish,
)

ARTICLE_BUDGET = 10
#: What a warm article costs now: the view-restriction check, which Wagtail runs on
#: every request. Site, route, the article's people, references, topics, sign-off
#: and rendered fragments are cached. A rise means something new reached the
#: database per view.
ARTICLE_WARM_QUERIES = 1


def warm_query_count(client, url):
    first = client.get(url)
    assert first.status_code == 200, url
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.fixture
def settings_page_cache_off(settings):
    settings.PAGE_CACHE_ENABLED = False
    return settings


@pytest.mark.django_db
def test_article_with_every_block_is_within_budget_when_warm(
    client, blog_index, cast, settings_page_cache_off
):
    plain = live_article(blog_index, cast)
    article = live_article(blog_index, cast, related=[plain], tags=["b12"])
    assert warm_query_count(client, article.url) <= min(ARTICLE_BUDGET, ARTICLE_WARM_QUERIES)


@pytest.mark.django_db
def test_article_cost_does_not_depend_on_its_size(
    client, blog_index, cast, settings_page_cache_off
):
    plain = live_article(blog_index, cast)
    small = live_article(blog_index, cast, body=minimal_body(cast))
    big = live_article(blog_index, cast, related=[plain, small], body_repeat=4)
    assert warm_query_count(client, big.url) == warm_query_count(client, small.url)


@pytest.mark.django_db
def test_article_body_renders_afresh_without_the_fragment_cache(client, blog_index, cast, settings):
    # The cache only saves queries: the page is the same without it.
    article = live_article(blog_index, cast)
    cached = client.get(article.url).content
    assert client.get(article.url).content == cached
    settings.ARTICLE_BODY_CACHE = False
    settings.ROUTE_CACHE = False
    assert client.get(article.url).content == cached


@pytest.mark.django_db
def test_cached_article_data_follows_a_new_review(
    client, blog_index, cast, settings_page_cache_off
):
    article = live_article(blog_index, cast)
    client.get(article.url)
    cast.author.display_name = "Ada Lovelace"
    cast.author.save()
    cast.topic.name = "Cobalamin"
    cast.topic.save()
    page = client.get(article.url).content.decode()
    assert "Ada Lovelace" not in page and "Cobalamin" not in page, "still as signed"
    sign_off_and_publish(refreshed(article), cast)
    page = client.get(article.url).content.decode()
    assert "Ada Lovelace" in page and "Cobalamin" in page


@pytest.mark.django_db
def test_cached_cards_follow_edits(client, blog_index, cast, settings_page_cache_off):
    article = live_article(blog_index, cast, title="First title", body=minimal_body(cast))
    for url in ("/", "/articles/"):
        assert "First title" in client.get(url).content.decode(), url
    cast.topic.name = "Cobalamin"
    cast.topic.save()
    edit_and_republish(article, cast, title="Second title")
    for url in ("/", "/articles/"):
        page = client.get(url).content.decode()
        assert "Second title" in page and "First title" not in page, url
        assert "Cobalamin" in page, url


@pytest.mark.django_db
def test_cards_are_the_same_without_the_fragment_cache(
    client, blog_index, cast, settings_page_cache_off
):
    for _ in range(3):
        live_article(blog_index, cast, body=minimal_body(cast))
    cached = client.get("/articles/").content
    assert client.get("/articles/").content == cached
    settings_page_cache_off.ARTICLE_BODY_CACHE = False
    assert client.get("/articles/").content == cached


@pytest.mark.parametrize(
    "source",
    [
        "{% revision_fragment %}{% endrevision_fragment %}",
        "{% revision_fragment name %}{% endrevision_fragment %}",
        '{% revision_fragment "card" of %}{% endrevision_fragment %}',
    ],
)
def test_revision_fragment_syntax_errors_are_explained(source):
    with pytest.raises(TemplateSyntaxError, match="revision_fragment"):
        Template("{% load reader_tags %}" + source)


def listing_counts(client, blog_index, cast, url_for):
    """Warm query counts of a listing URL with 2 and then 10 live articles."""
    second_author = AuthorProfile.objects.create(display_name="Bo Author", slug="bo-author")
    second_topic = Topic.objects.create(name="Anaemia", slug="anaemia")
    counts = []
    for total in (2, 10):
        while blog_index.get_children().live().count() < total:
            # Two authors and two topics per card, to expose per-card queries.
            live_article(
                blog_index,
                cast,
                body=minimal_body(cast),
                authors=[cast.author, second_author],
                topics=[cast.topic, second_topic],
                tags=["b12"],
            )
        counts.append(warm_query_count(client, url_for(cast)))
    return counts


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url_for",
    [
        pytest.param(lambda cast: "/", id="home"),
        pytest.param(lambda cast: "/articles/", id="blog-index"),
        pytest.param(lambda cast: f"/topics/{cast.topic.slug}/", id="topic"),
        pytest.param(lambda cast: "/topics/", id="topic-index"),
        pytest.param(lambda cast: "/tags/b12/", id="tag"),
        pytest.param(lambda cast: f"/authors/{cast.author.slug}/", id="author"),
        pytest.param(lambda cast: f"/reviewers/{cast.reviewer.slug}/", id="reviewer"),
        pytest.param(lambda cast: "/search/?q=vitamin", id="search"),
        pytest.param(lambda cast: "/feed/", id="feed"),
        pytest.param(lambda cast: "/sitemap.xml", id="sitemap"),
    ],
)
def test_listing_cost_does_not_grow_with_the_number_of_articles(
    client, blog_index, cast, settings_page_cache_off, url_for
):
    with_two, with_ten = listing_counts(client, blog_index, cast, url_for)
    assert with_ten == with_two


@pytest.mark.django_db
def test_listing_pages_stay_small(client, blog_index, cast, settings_page_cache_off):
    live_article(blog_index, cast)
    budgets = {
        "/articles/": 12,
        "/": 14,
        f"/topics/{cast.topic.slug}/": 10,
        f"/authors/{cast.author.slug}/": 10,
        f"/reviewers/{cast.reviewer.slug}/": 10,
        "/search/?q=vitamin": 6,
    }
    for url, budget in budgets.items():
        assert warm_query_count(client, url) <= budget, url


@pytest.mark.django_db
def test_article_with_every_block_renders_within_budget_with_every_object_cache_off(
    client, blog_index, cast, settings, django_assert_max_num_queries
):
    """The route, article data and fragment caches and the page cache all off.

    The article holds every block type (related articles included). The first
    view creates the images' renditions; what is measured is a later view with
    only Wagtail's own rendition and site caches, as on any running site.
    """
    settings.PAGE_CACHE_ENABLED = False
    settings.ARTICLE_BODY_CACHE = False
    settings.ROUTE_CACHE = False
    plain = live_article(blog_index, cast)
    article = live_article(blog_index, cast, related=[plain], tags=["b12"])
    first = client.get(article.url)
    types = {block.block_type for block in article.body}
    assert types == set(SEARCH_WORDS) | {"disclaimer"}
    with django_assert_max_num_queries(ARTICLE_BUDGET):
        again = client.get(article.url)
    assert again.content == first.content


@pytest.mark.django_db
def test_signed_relations_render_as_the_database_holds_them(client, blog_index, cast, settings):
    # Authors, topics and references come from the sign-off's scope; a preview
    # (no scope: the database) must show the same byline, topics and references.
    settings.ARTICLE_BODY_CACHE = False
    article = live_article(blog_index, cast, tags=["b12"])
    live = article.reader_data(RequestFactory().get(article.url))
    preview_request = RequestFactory().get(article.url)
    preview_request.is_preview = True
    stored = article.reader_data(preview_request)
    assert [a.pk for a in live["authors"]] == [a.pk for a in stored["authors"]]
    assert [a.get_absolute_url() for a in live["authors"]] == [
        a.get_absolute_url() for a in stored["authors"]
    ]
    assert [(t.pk, t.name, t.slug) for t in live["article_topics"]] == [
        (t.pk, t.name, t.slug) for t in stored["article_topics"]
    ]
    fields = ("authors", "title", "publication", "year", "doi", "pmid", "url", "accessed")
    assert [[getattr(r, f) for f in fields] for r in live["references"]] == [
        [getattr(r, f) for f in fields] for r in stored["references"]
    ]
