"""The routing cache (blog/routing.py), with the page cache off so only routing is cached.

Anonymous readers get their Site and page route from the cache; every change that
moves, hides or removes a page must reach them at once, and private pages must
still be checked on every request.
"""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from blog.models import BlogIndexPage, StandardPage
from tests.reader_factories import edit_and_republish, live_article, minimal_body


@pytest.fixture
def routed(settings, tmp_path):
    settings.PAGE_CACHE_ENABLED = False
    settings.ROUTE_CACHE = True
    settings.PAGE_CACHE_GENERATION_DIR = str(tmp_path / "generation")
    return settings


@pytest.fixture
def article(blog_index, cast):
    return live_article(blog_index, cast, title="Routed article", body=minimal_body(cast))


def queries_for(client, url, **extra):
    """(response, SQL of every query) for a GET."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **extra)
    return response, [query["sql"] for query in captured]


def routing_queries(sql):
    """Queries that look up a Site or load a page row."""
    return [query for query in sql if "wagtailcore_site" in query or 'FROM "blog_' in query]


@pytest.mark.django_db
def test_a_warm_article_is_routed_without_queries(client, routed, article):
    first, first_sql = queries_for(client, article.url)
    assert first.status_code == 200 and routing_queries(first_sql)
    second, sql = queries_for(client, article.url)
    assert second.status_code == 200
    assert routing_queries(sql) == []
    # Only the view-restriction check is left: it runs on every request.
    assert len(sql) == 1 and "wagtailcore_pageviewrestriction" in sql[0]
    assert second.content == first.content


@pytest.mark.django_db
def test_each_url_is_routed_to_its_own_page(client, routed, blog_index, cast, article):
    other = live_article(blog_index, cast, title="Another article", body=minimal_body(cast))
    for _ in range(2):
        assert b"Routed article</h1>" in client.get(article.url).content
        assert b"Another article</h1>" in client.get(other.url).content
        assert b"Routed article" in client.get("/articles/").content
        assert client.get("/").status_code == 200


@pytest.mark.django_db
def test_each_host_is_routed_to_its_own_site(client, routed, home, article):
    other_root = home.add_child(
        instance=StandardPage(title="Partner site", slug="partner", body="<p>Partner</p>")
    )
    Site.objects.create(hostname="partner.example", port=80, root_page=other_root)
    for _ in range(2):
        assert b"Partner site" in client.get("/", HTTP_HOST="partner.example").content
        assert b"Partner site" not in client.get("/").content
        assert client.get(article.url, HTTP_HOST="partner.example").status_code == 404


@pytest.mark.django_db
def test_a_new_slug_is_routed_at_once(client, routed, cast, article):
    old_url = article.url
    client.get(old_url)
    article = edit_and_republish(article, cast, slug="renamed-article")
    assert client.get("/articles/renamed-article/").status_code == 200
    # The old address no longer serves the article (publishing from code leaves no redirect).
    assert client.get(old_url).status_code == 404


@pytest.mark.django_db
def test_unpublished_and_deleted_pages_are_gone_at_once(client, routed, home, blog_index, cast):
    hidden = live_article(blog_index, cast, body=minimal_body(cast))
    # Signed articles are never deleted, only unpublished: delete an unsigned page.
    deleted = home.add_child(instance=StandardPage(title="Gone", slug="gone", body="<p>x</p>"))
    deleted.save_revision().publish()
    hidden_url, deleted_url = hidden.url, deleted.url
    assert client.get(hidden_url).status_code == 200
    assert client.get(deleted_url).status_code == 200
    hidden.unpublish()
    deleted.delete()
    assert client.get(hidden_url).status_code == 404
    assert client.get(deleted_url).status_code == 404


@pytest.mark.django_db
def test_a_moved_article_is_routed_at_its_new_address(client, routed, home, article):
    news = home.add_child(instance=BlogIndexPage(title="News", slug="news"))
    client.get(article.url)
    article.move(news, pos="last-child")
    response = client.get(f"/news/{article.slug}/")
    assert response.status_code == 200 and b"Routed article" in response.content


@pytest.mark.django_db
def test_pages_made_private_after_routing_are_refused(client, routed, blog_index, article):
    client.get(article.url)
    restriction = PageViewRestriction.objects.create(
        page=blog_index, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Editors"))
    response = client.get(article.url)
    assert response.status_code == 302 and "/login/" in response["Location"]


@pytest.mark.django_db
def test_private_pages_are_checked_on_every_request(client, routed, blog_index, article):
    PageViewRestriction.objects.create(
        page=blog_index, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    for _ in range(2):
        response = client.get(article.url)
        assert b"s3cret" not in response.content
        assert article.summary.encode() not in response.content


@pytest.mark.django_db
def test_unknown_addresses_are_not_remembered(client, routed, home):
    assert client.get("/about/").status_code == 404
    # Created live without a publish signal, so no invalidation: a cached miss would hide it.
    home.add_child(instance=StandardPage(title="About us", slug="about", body="<p>Hi</p>"))
    assert client.get("/about/").status_code == 200


@pytest.mark.django_db
def test_signed_in_editors_are_routed_from_the_database(client, routed, cast, article):
    client.get(article.url)
    client.force_login(cast.editor)
    response, sql = queries_for(client, article.url)
    assert response.status_code == 200 and routing_queries(sql)


@pytest.mark.django_db
def test_reader_views_get_their_site_from_the_cache(client, routed, article):
    client.get("/robots.txt")
    response, sql = queries_for(client, "/robots.txt")
    assert response.status_code == 200 and sql == []


@pytest.mark.django_db
def test_route_cache_off_routes_from_the_database(client, routed, article):
    routed.ROUTE_CACHE = False
    client.get(article.url)
    _, sql = queries_for(client, article.url)
    assert routing_queries(sql)
