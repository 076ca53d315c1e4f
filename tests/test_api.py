"""The read API at /api/v2/: live public articles as signed, and nothing else."""

import json
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from blog.models import StandardPage
from tests.factories import submit
from tests.reader_factories import Cast, draft_article, live_article

pytestmark = pytest.mark.django_db

PAGES = "/api/v2/pages/"
OPENAPI = json.loads((Path(settings.BASE_DIR) / "docs" / "api" / "openapi.json").read_text())


def assert_matches_schema(data, name):
    """Validate a real response body against docs/api/openapi.json."""
    schema = {"$ref": f"#/components/schemas/{name}", "components": OPENAPI["components"]}
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(
        data
    )


def listing(client, **params):
    response = client.get(PAGES, params)
    assert response.status_code == 200, response.content
    assert_matches_schema(response.json(), "ArticleListing")
    return response.json()


def titles(client, **params):
    return [item["title"] for item in listing(client, **params)["items"]]


@pytest.fixture
def hidden(blog_index, cast, home):
    """One of each page that must never be served, keyed by why."""
    unreviewed = draft_article(blog_index, cast, title="Hidden unreviewed")
    unreviewed.save_revision(user=cast.writer)
    pages = {
        "draft": draft_article(blog_index, cast, title="Hidden draft"),
        "unreviewed": submit(unreviewed, cast.writer),
    }
    for kind in (PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN, "groups"):
        page = live_article(blog_index, cast, title=f"Hidden {kind}")
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=kind, password="s3cret" if kind == "password" else ""
        )
        if kind == "groups":
            restriction.groups.add(Group.objects.get(name="Editors"))
        pages[kind] = page
    standard = StandardPage(title="Hidden standard page", slug="about", body="<p>Hidden</p>")
    home.add_child(instance=standard)
    standard.save_revision().publish()
    pages["standard"] = standard
    return pages


def test_listing_serves_live_articles_with_their_sign_off(client, blog_index, cast, hidden):
    article = live_article(blog_index, cast, title="Live on B12")
    data = listing(client)
    assert [item["title"] for item in data["items"]] == ["Live on B12"]
    assert data["meta"]["total_count"] == 1
    item = data["items"][0]
    assert item["id"] == article.pk
    assert item["meta"]["html_url"].endswith(article.url)
    assert item["sign_off"]["reviewer_name"] == cast.reviewer.display_name
    assert item["sign_off"]["reviewer_credentials"] == "MD"
    assert item["authors"][0]["name"] == cast.author.display_name
    assert item["topics"] == [{"name": cast.topic.name, "slug": cast.topic.slug}]
    assert titles(client, type="blog.ArticlePage") == ["Live on B12"]


def test_detail_has_body_references_and_sign_off(client, blog_index, cast):
    article = live_article(blog_index, cast)
    response = client.get(f"{PAGES}{article.pk}/")
    assert response.status_code == 200
    data = response.json()
    assert_matches_schema(data, "ArticleDetail")
    types = [block["type"] for block in data["body"]]
    assert "food_table" in types and "disclaimer" in types
    disclaimer = next(b for b in data["body"] if b["type"] == "disclaimer")
    assert disclaimer["value"]["disclaimer"]["text"]
    assert data["references"][0]["number"] == 1
    assert data["references"][0]["doi_url"] == "https://doi.org/10.1136/bmj.m1234"
    sign_off = data["sign_off"]
    assert sign_off["reviewer_name"] == cast.reviewer.display_name
    assert sign_off["next_review_due"] > sign_off["last_reviewed"]


@pytest.mark.search_index
def test_hidden_pages_appear_nowhere(client, blog_index, cast, hidden):
    live_article(blog_index, cast, title="Live on B12")
    assert titles(client, search="Hidden") == []
    assert titles(client, search="B12") == ["Live on B12"]
    assert titles(client, child_of=blog_index.pk) == ["Live on B12"]
    assert titles(client, descendant_of=blog_index.pk, fields="*") == ["Live on B12"]
    for why, page in hidden.items():
        assert client.get(f"{PAGES}{page.pk}/").status_code == 404, why
        found = client.get(f"{PAGES}find/", {"html_path": page.url or f"/{page.slug}/"})
        assert found.status_code == 404, why
        assert client.get(f"{PAGES}find/", {"id": page.pk}).status_code == 404, why


def test_other_page_types_are_refused(client, blog_index, cast, hidden):
    live_article(blog_index, cast)
    for page_type in (
        "wagtailcore.Page",
        "blog.StandardPage",
        "blog.ArticlePage,blog.StandardPage",
    ):
        response = client.get(PAGES, {"type": page_type})
        assert response.status_code == 400, page_type
        assert "only blog.ArticlePage" in response.json()["message"]
    assert client.get(PAGES, {"type": "nope.Nope"}).status_code == 400


def test_find_redirects_to_a_live_article(client, blog_index, cast):
    article = live_article(blog_index, cast)
    response = client.get(f"{PAGES}find/", {"html_path": article.url})
    assert response.status_code == 302
    assert f"{PAGES}{article.pk}/" in response["Location"]


def test_api_serves_what_was_signed_not_later_edits(client, blog_index, cast):
    article = live_article(blog_index, cast, title="Signed title")
    article.title = "Unsigned draft title"
    article.summary = "Unsigned summary"
    article.save_revision(user=cast.writer)
    cast.author.display_name = "Unsigned Author"
    cast.author.save()
    cast.disclaimer.text = "<p>Unsigned disclaimer wording</p>"
    cast.disclaimer.save()
    cast.nutrient.daily_value = Decimal("24")
    cast.nutrient.save()
    text = client.get(f"{PAGES}{article.pk}/").content.decode()
    assert "Signed title" in text
    for unsigned in (
        "Unsigned draft title",
        "Unsigned summary",
        "Unsigned Author",
        "Unsigned disclaimer",
    ):
        assert unsigned not in text
    food_table = next(
        b for b in client.get(f"{PAGES}{article.pk}/").json()["body"] if b["type"] == "food_table"
    )
    assert food_table["value"]["nutrient"]["daily_value"] == "2.4"
    assert food_table["value"]["rows"][0]["percent_dv"] == 708
    assert "Unsigned" not in client.get(PAGES, {"fields": "*"}).content.decode()


def test_conditional_get_and_cache_headers(client, blog_index, cast):
    article = live_article(blog_index, cast)
    for url in (PAGES, f"{PAGES}{article.pk}/"):
        response = client.get(url)
        etag = response["ETag"]
        assert "public" in response["Cache-Control"] and "max-age=" in response["Cache-Control"]
        again = client.get(url, headers={"If-None-Match": etag})
        assert again.status_code == 304 and again.content == b""
        assert again["ETag"] == etag
        assert client.get(url, headers={"If-None-Match": '"stale"'}).status_code == 200
    before = client.get(PAGES)["ETag"]
    live_article(blog_index, cast, title="Another")
    assert client.get(PAGES)["ETag"] != before, "a new article changes the listing's ETag"


def test_anonymous_clients_are_rate_limited(client, blog_index, settings):
    settings.HEALTH_API_ANON_RATE = "3/minute"
    assert [client.get(PAGES).status_code for _ in range(3)] == [200, 200, 200]
    throttled = client.get(PAGES)
    assert throttled.status_code == 429
    assert int(throttled["Retry-After"]) > 0
    assert_matches_schema(throttled.json(), "Throttled")


def test_read_only(client, blog_index, cast):
    article = live_article(blog_index, cast)
    for url in (PAGES, f"{PAGES}{article.pk}/"):
        assert client.post(url, {"title": "x"}).status_code == 405
        assert client.put(url, "{}", content_type="application/json").status_code == 405
        assert client.patch(url, "{}", content_type="application/json").status_code == 405
        assert client.delete(url).status_code == 405


def count_queries(client, url, **params):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params).status_code == 200
    return len(queries)


def test_listing_queries_do_not_grow_with_articles(client, blog_index, cast):
    live_article(blog_index, cast)
    fields = "*"  # every listing field; the body is served by the detail view only
    count_queries(client, PAGES, fields=fields)  # the first request fills per-process caches
    one = count_queries(client, PAGES, fields=fields)
    other = Cast()
    for _ in range(3):
        live_article(blog_index, other)
    assert count_queries(client, PAGES, fields=fields) == one
    assert one <= 12


def test_body_is_detail_only(client, blog_index, cast):
    live_article(blog_index, cast)
    response = client.get(PAGES, {"fields": "body"})
    assert response.status_code == 400
    assert "body" in response.json()["message"]


def test_detail_queries_are_fixed(client, blog_index, cast):
    small = live_article(blog_index, cast)
    large = live_article(blog_index, cast, body_repeat=3)
    count_queries(client, f"{PAGES}{small.pk}/")  # the site lookup is cached from then on
    assert count_queries(client, f"{PAGES}{small.pk}/") == count_queries(
        client, f"{PAGES}{large.pk}/"
    )
