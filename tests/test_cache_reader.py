"""The anonymous full-page cache (blog/cache.py): hits, invalidation, what is never cached."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils.html import strip_tags
from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.models import PageViewRestriction

from blog import cache as page_cache
from blog.models import BlogIndexPage, StandardPage
from tests.reader_factories import (  # noqa: F401
    draft_article,
    edit_and_republish,
    live_article,
    minimal_body,
)

HIT = "hit"


@pytest.fixture
def article(blog_index, cast):
    return live_article(blog_index, cast, title="Cached article", tags=["kelp"])


def fetch(client, url, **extra):
    """(response, number of queries) for a GET."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **extra)
    return response, len(captured)


def reader_urls(article, cast):
    return [
        "/",
        "/articles/",
        article.url,
        "/topics/",
        f"/topics/{cast.topic.slug}/",
        "/tags/kelp/",
        cast.author.get_absolute_url(),
        cast.reviewer.get_absolute_url(),
        "/search/?q=vitamin",
        "/feed/",
        "/feed/atom/",
        "/sitemap.xml",
        "/robots.txt",
    ]


# Hits ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_second_anonymous_request_is_a_hit_without_queries(client, cached, article, cast):
    for url in reader_urls(article, cast):
        first, _ = fetch(client, url)
        assert first.status_code == 200, url
        assert first.get(page_cache.HIT_HEADER) == "miss", url
        second, queries = fetch(client, url)
        assert second.get(page_cache.HIT_HEADER) == HIT, url
        assert queries == 0, url
        assert second.content == first.content, url
        assert second["Content-Type"] == first["Content-Type"], url


@pytest.mark.django_db
def test_anonymous_pages_do_not_vary_on_cookies(client, cached, article):
    response = client.get(article.url)
    assert not response.has_header("Vary")
    assert not response.cookies


@pytest.mark.django_db
def test_query_strings_are_cached_separately(client, cached, blog_index, cast):
    for n in range(13):
        live_article(blog_index, cast, title=f"Note {n}", body=minimal_body(cast))
    first = client.get("/articles/").content
    second = client.get("/articles/?page=2").content
    assert first != second
    assert client.get("/articles/?page=2").content == second


@pytest.mark.django_db
def test_cache_control_for_a_cdn_when_configured(client, cached, article):
    cached.PAGE_CACHE_CONTROL = "public, max-age=60, s-maxage=600"
    client.get(article.url)
    assert client.get(article.url)["Cache-Control"] == "public, max-age=60, s-maxage=600"


@pytest.mark.django_db
def test_cache_off_means_no_caching(client, settings, article):
    settings.PAGE_CACHE_ENABLED = False
    client.get(article.url)
    response, queries = fetch(client, article.url)
    assert page_cache.HIT_HEADER not in response and queries > 0


# Invalidation ----------------------------------------------------------------------------


def warm(client, *urls):
    for url in urls:
        client.get(url)
        assert client.get(url).get(page_cache.HIT_HEADER) == HIT, url


@pytest.mark.django_db
def test_publishing_updates_every_page_that_shows_articles(
    client, cached, blog_index, cast, article
):
    listing_urls = [
        "/",
        "/articles/",
        f"/topics/{cast.topic.slug}/",
        cast.author.get_absolute_url(),
    ]
    warm(client, *listing_urls, "/feed/", "/sitemap.xml", cast.reviewer.get_absolute_url())
    new = live_article(blog_index, cast, title="Brand new article")
    for url in [*listing_urls, "/feed/", cast.reviewer.get_absolute_url()]:
        assert "Brand new article" in client.get(url).content.decode(), url
    assert new.url in client.get("/sitemap.xml").content.decode()


@pytest.mark.django_db
def test_republishing_updates_the_article(client, cached, cast, article):
    warm(client, article.url)
    edit_and_republish(article, cast, summary="A freshly reviewed summary.")
    assert "A freshly reviewed summary." in client.get(article.url).content.decode()


@pytest.mark.django_db
def test_unpublishing_removes_the_article_everywhere(client, cached, cast, article):
    warm(client, article.url, "/articles/", f"/topics/{cast.topic.slug}/", "/feed/")
    article.unpublish()
    assert client.get(article.url).status_code == 404
    for url in ("/articles/", f"/topics/{cast.topic.slug}/", "/feed/"):
        assert "Cached article" not in client.get(url).content.decode(), url


@pytest.mark.django_db
def test_moving_the_article(client, cached, home, article):
    other_index = home.add_child(instance=BlogIndexPage(title="News", slug="news"))
    old_url = article.url
    warm(client, old_url, "/articles/")
    article.move(other_index, pos="last-child")
    new_url = f"/news/{article.slug}/"
    # Wagtail leaves a redirect at the old address.
    old = client.get(old_url)
    assert old.status_code == 301 and old["Location"] == new_url
    assert client.get(new_url).status_code == 200
    assert "Cached article" not in client.get("/articles/").content.decode()


@pytest.mark.django_db
def test_fragment_key_is_wagtails_page_cache_key_with_the_live_revision(cast, article):
    request = RequestFactory().get(article.url)
    assert article.get_cache_key_components()[-1] == article.live_revision_id
    signed_key = article.cache_key
    assert page_cache.article_revision_cache_key(article, request).startswith(f"{signed_key}:")
    edit_and_republish(article, cast, summary="A freshly reviewed summary.")
    article.refresh_from_db()
    assert article.cache_key != signed_key
    assert page_cache.article_revision_cache_key(article, request).startswith(
        f"{article.cache_key}:"
    )


@pytest.mark.django_db
def test_deleting_a_page(client, cached, home):
    # Signed articles are records and cannot be deleted (tests/test_audit_chain.py).
    page = home.add_child(
        instance=StandardPage(title="Cached page", slug="cached", body="<p>x</p>")
    )
    page.save_revision().publish()
    warm(client, page.url, "/")
    page.delete()
    assert client.get(page.url).status_code == 404


@pytest.mark.django_db
def test_editing_a_topic_or_profile_updates_its_own_page(client, cached, cast, article):
    topic_url, author_url = f"/topics/{cast.topic.slug}/", cast.author.get_absolute_url()
    warm(client, article.url, "/", topic_url, author_url)
    cast.topic.name = "Cobalamin"
    cast.topic.save()
    cast.author.display_name = "Ada Lovelace"
    cast.author.save()
    assert "Cobalamin" in client.get(topic_url).content.decode()
    assert "Ada Lovelace" in client.get(author_url).content.decode()
    # The article keeps what was signed (tests/test_signed_scope.py); so do its
    # cards, while the site's own topic navigation follows the topic's new name.
    html = client.get(article.url).content.decode()
    assert "Cobalamin" not in html and "Ada Lovelace" not in html
    home = client.get("/").content.decode()
    assert "Ada Lovelace" not in home
    assert f'href="{topic_url}">Cobalamin</a>' in home


@pytest.mark.django_db
def test_editing_the_disclaimer_keeps_the_signed_text_on_live_articles(
    client, cached, cast, article
):
    warm(client, article.url)
    signed_text = strip_tags(cast.disclaimer.text)
    cast.disclaimer.text = "<p>Reworded disclaimer.</p>"
    cast.disclaimer.save()
    html = client.get(article.url).content.decode()
    assert "Reworded disclaimer." not in html
    assert signed_text in html


@pytest.mark.django_db
def test_making_a_page_private_takes_effect_at_once(client, cached, blog_index, article):
    warm(client, article.url)
    restriction = PageViewRestriction.objects.create(
        page=blog_index, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Editors"))
    assert client.get(article.url).status_code == 302


def test_generation_bump_reaches_other_processes(settings, tmp_path):
    """With local-memory caches the token is in a file: another process's bump is seen here."""
    settings.PAGE_CACHE_GENERATION_DIR = str(tmp_path / "generation")
    before = page_cache.current_generation()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "health_content.settings.test",
        "PAGE_CACHE_GENERATION_DIR": settings.PAGE_CACHE_GENERATION_DIR,
        # The other process needs a database connection (on_commit), not our data.
        "DATABASE_URL": f"sqlite:///{tmp_path / 'other.sqlite3'}",
    }
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); "
            "from blog.cache import bump_generation; bump_generation()",
        ],
        check=True,
        env=env,
        cwd=Path(django_settings.BASE_DIR),
    )
    assert page_cache.current_generation() != before


@pytest.mark.django_db
def test_shared_caches_keep_the_generation_in_the_cache(settings, tmp_path):
    settings.CACHES = {
        **settings.CACHES,
        "shared": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "cache"),
        },
    }
    settings.PAGE_CACHE_ALIAS = "shared"
    before = page_cache.current_generation()
    assert page_cache.page_cache().get("page-cache:version:generation") == before
    page_cache.bump_generation()
    assert page_cache.current_generation() != before


# Never cached ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_signed_in_users_are_never_served_or_stored(client, cached, cast, article):
    warm(client, article.url)
    client.force_login(cast.editor)
    response, queries = fetch(client, article.url)
    assert page_cache.HIT_HEADER not in response and queries > 0
    assert b"wagtail-userbar" in response.content
    client.logout()
    # A signed-in page never reaches anonymous readers.
    client.get(article.url)
    assert b"wagtail-userbar" not in client.get(article.url).content


@pytest.mark.django_db
def test_signed_in_response_is_not_stored(client, cached, cast, article):
    client.force_login(cast.editor)
    client.get(article.url)
    client.logout()
    response, queries = fetch(client, article.url)
    assert response.get(page_cache.HIT_HEADER) == "miss" and queries > 0


@pytest.mark.django_db
def test_admin_cookies_bypass_the_cache(client, cached, article):
    warm(client, article.url)
    client.cookies[django_settings.CSRF_COOKIE_NAME] = "token"
    response, queries = fetch(client, article.url)
    assert page_cache.HIT_HEADER not in response and queries > 0


@pytest.mark.django_db
def test_previews_are_never_served_from_or_stored_in_the_cache(client, cached, cast, article):
    warm(client, article.url)
    draft = article.get_latest_revision_as_object()
    draft.title = "Unreviewed draft title"
    preview = draft.make_preview_request()
    assert b"Unreviewed draft title" in preview.content
    assert page_cache.HIT_HEADER not in preview
    page = client.get(article.url).content
    assert b"Unreviewed draft title" not in page and b"Cached article" in page


@pytest.mark.django_db
def test_password_protected_pages_are_not_stored(client, cached, blog_index, article):
    PageViewRestriction.objects.create(
        page=blog_index, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    client.get(article.url)
    response = client.get(article.url)
    assert response.get(page_cache.HIT_HEADER) != HIT
    assert article.summary.encode() not in response.content


@pytest.mark.django_db
def test_other_methods_and_errors_are_not_cached(client, cached, article):
    client.get("/no-such-page/")
    response, _ = fetch(client, "/no-such-page/")
    assert response.status_code == 404 and page_cache.HIT_HEADER not in response
    client.post(article.url)
    assert client.get(article.url).get(page_cache.HIT_HEADER) == "miss"


@pytest.mark.parametrize(
    "header, value",
    [("Vary", "Cookie"), ("Cache-Control", "private"), ("Cache-Control", "no-store")],
)
def test_responses_that_vary_or_are_private_are_not_stored(header, value):
    request = RequestFactory().get("/robots.txt")
    request.resolver_match = type("Match", (), {"url_name": "wagtail_serve", "func": None})()
    response = HttpResponse("ok")
    assert page_cache.response_is_cacheable(request, response)
    response[header] = value
    assert not page_cache.response_is_cacheable(request, response)


def test_responses_setting_cookies_are_not_stored():
    request = RequestFactory().get("/")
    request.resolver_match = type("Match", (), {"url_name": "wagtail_serve", "func": None})()
    response = HttpResponse("ok")
    response.set_cookie("messages", "x")
    assert not page_cache.response_is_cacheable(request, response)


# Front-end cache (CDN) ---------------------------------------------------------------------


class RecordingBackend(BaseBackend):
    """A front-end cache backend that records the URLs it is asked to purge."""

    purged = []

    def __init__(self, params):
        super().__init__(params)

    def purge(self, url):
        RecordingBackend.purged.append(url)


@pytest.mark.django_db
def test_publishing_purges_the_cdn_pages_that_list_the_article(settings, blog_index, cast):
    settings.WAGTAILFRONTENDCACHE = {
        "test": {"BACKEND": "tests.test_cache_reader.RecordingBackend"}
    }
    RecordingBackend.purged.clear()
    article = live_article(blog_index, cast, tags=["kelp"])
    root = "http://localhost"
    for path in (
        article.url,
        "/",
        "/articles/",
        "/feed/",
        "/sitemap.xml",
        f"/topics/{cast.topic.slug}/",
        "/tags/kelp/",
        cast.author.get_absolute_url(),
        cast.reviewer.get_absolute_url(),
    ):
        assert root + path in RecordingBackend.purged, path
