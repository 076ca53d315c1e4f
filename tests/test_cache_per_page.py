"""Per-page invalidation (blog/cache.py): a change makes stale only the pages that show it.

A cached page that is served again is a hit (``X-Page-Cache: hit``) answered
without a single query: it was not rendered again. Everything that shows the
changed article or object must be a miss showing the change.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from blog import cache as page_cache
from health_content.models import AuthorProfile, Disclaimer, Topic
from tests.factories import refreshed
from tests.reader_factories import edit_and_republish, live_article, minimal_body

HIT, MISS = "hit", "miss"


@pytest.fixture
def other_cast(cast):
    """A second author and topic, so article B shares no listing with article A."""
    return {
        "author": AuthorProfile.objects.create(display_name="Bo Other", slug="bo-other"),
        "topic": Topic.objects.create(name="Sleep", slug="sleep"),
    }


def state(client, url):
    """(hit or miss, number of queries, HTML) of a GET."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return response.get(page_cache.HIT_HEADER), len(captured), response.content.decode()


def warm(client, *urls):
    for url in urls:
        client.get(url)
        assert state(client, url)[0] == HIT, url


def assert_kept(client, *urls):
    """Each URL is served from the cache, without queries: not rendered again."""
    for url in urls:
        hit, queries, _html = state(client, url)
        assert (hit, queries) == (HIT, 0), url


def assert_shows(client, text, *urls):
    for url in urls:
        hit, _queries, html = state(client, url)
        assert hit == MISS and text in html, url


def two_articles(blog_index, cast, other_cast, *, b_related_to_a=False):
    a = live_article(blog_index, cast, title="Article A", body=minimal_body(cast), tags=["iron"])
    b_body = None if b_related_to_a else minimal_body(cast)
    b = live_article(
        blog_index,
        cast,
        title="Article B",
        body=b_body,
        related=[a] if b_related_to_a else (),
        authors=[other_cast["author"]],
        topics=[other_cast["topic"]],
    )
    return refreshed(a), refreshed(b)


@pytest.mark.search_index
@pytest.mark.django_db
def test_publishing_an_article_keeps_other_articles_and_updates_its_listings(
    client, cached, blog_index, cast, other_cast
):
    a, b = two_articles(blog_index, cast, other_cast)
    kept = [
        b.url,
        f"/topics/{other_cast['topic'].slug}/",
        other_cast["author"].get_absolute_url(),
        "/robots.txt",
    ]
    listings = [
        "/",
        "/articles/",
        f"/topics/{cast.topic.slug}/",
        "/tags/iron/",
        cast.author.get_absolute_url(),
        cast.reviewer.get_absolute_url(),
        "/feed/",
        "/feed/atom/",
        "/search/?q=article",
    ]
    warm(client, a.url, *kept, *listings, "/sitemap.xml")

    edit_and_republish(a, cast, title="Article A, revised")

    assert_kept(client, *kept)
    assert_shows(client, "Article A, revised", a.url, *listings)
    assert state(client, "/sitemap.xml")[0] == MISS


@pytest.mark.django_db
def test_publishing_a_new_article_keeps_existing_articles(
    client, cached, blog_index, cast, other_cast
):
    a, b = two_articles(blog_index, cast, other_cast)
    warm(client, a.url, b.url, "/articles/", "/topics/")
    live_article(blog_index, cast, title="Article C", body=minimal_body(cast))
    assert_kept(client, a.url, b.url)
    assert_shows(client, "Article C", "/articles/")
    assert state(client, "/topics/")[0] == MISS


@pytest.mark.reference_index
@pytest.mark.django_db
def test_an_article_linking_to_the_published_one_is_updated(
    client, cached, blog_index, cast, other_cast
):
    # B's related-articles block shows A's title: the reference index finds B.
    a, b = two_articles(blog_index, cast, other_cast, b_related_to_a=True)
    unrelated = live_article(blog_index, cast, title="Article D", body=minimal_body(cast))
    warm(client, b.url, unrelated.url)
    edit_and_republish(a, cast, title="Article A, revised")
    assert_shows(client, "Article A, revised", b.url)
    assert_kept(client, unrelated.url)


@pytest.mark.django_db
def test_unpublishing_an_article_keeps_other_articles(client, cached, blog_index, cast, other_cast):
    a, b = two_articles(blog_index, cast, other_cast)
    warm(client, a.url, b.url, "/articles/", f"/topics/{cast.topic.slug}/")
    a.unpublish()
    assert client.get(a.url).status_code == 404
    assert_kept(client, b.url)
    for url in ("/articles/", f"/topics/{cast.topic.slug}/"):
        hit, _queries, html = state(client, url)
        assert hit == MISS and "Article A" not in html, url


@pytest.mark.django_db
def test_leaving_a_topic_updates_the_old_topic_page(client, cached, blog_index, cast, other_cast):
    a, _b = two_articles(blog_index, cast, other_cast)
    old_topic = f"/topics/{cast.topic.slug}/"
    warm(client, old_topic)
    edit_and_republish(a, cast, topics=[other_cast["topic"]])
    hit, _queries, html = state(client, old_topic)
    assert hit == MISS and "Article A" not in html
    assert_shows(client, "Article A", f"/topics/{other_cast['topic'].slug}/")


@pytest.mark.django_db
def test_editing_a_topic_keeps_pages_that_do_not_show_it(
    client, cached, blog_index, cast, other_cast
):
    _a, b = two_articles(blog_index, cast, other_cast)
    other_topic = f"/topics/{other_cast['topic'].slug}/"
    warm(client, b.url, other_topic, f"/topics/{cast.topic.slug}/", "/topics/", "/")
    cast.topic.name = "Cobalamin"
    cast.topic.save()
    assert_kept(client, b.url, other_topic)
    assert_shows(client, "Cobalamin", f"/topics/{cast.topic.slug}/", "/topics/", "/")


@pytest.mark.django_db
def test_editing_a_profile_keeps_pages_that_do_not_show_it(
    client, cached, blog_index, cast, other_cast
):
    _a, b = two_articles(blog_index, cast, other_cast)
    other_author = other_cast["author"].get_absolute_url()
    warm(client, b.url, other_author, cast.author.get_absolute_url())
    cast.author.display_name = "Ada Lovelace"
    cast.author.save()
    assert_kept(client, b.url, other_author)
    assert_shows(client, "Ada Lovelace", cast.author.get_absolute_url())


@pytest.mark.reference_index
@pytest.mark.django_db
def test_editing_a_disclaimer_stales_only_the_articles_using_it(
    client, cached, blog_index, cast, other_cast
):
    a, _b = two_articles(blog_index, cast, other_cast)
    other_disclaimer = Disclaimer.objects.create(
        name="Supplements", text="<p>Talk to a pharmacist first.</p>"
    )
    body = [
        ("section", {"heading": "Overview", "anchor": "", "body": "<p>Short.</p>"}),
        ("disclaimer", {"disclaimer": other_disclaimer}),
    ]
    c = live_article(blog_index, cast, title="Article C", body=body)
    warm(client, a.url, c.url)
    cast.disclaimer.text = "<p>Reworded disclaimer.</p>"
    cast.disclaimer.save()
    assert_kept(client, c.url)
    hit, _queries, html = state(client, a.url)
    # Rendered again, and still showing the text the reviewer signed.
    assert hit == MISS and "Reworded disclaimer." not in html


@pytest.mark.reference_index
@pytest.mark.django_db
def test_editing_an_image_stales_only_the_pages_showing_it(
    client, cached, blog_index, cast, other_cast
):
    a, _b = two_articles(blog_index, cast, other_cast)
    other_image = get_image_model().objects.create(
        title="Oats", file=get_test_image_file(filename="oats.png")
    )
    c = live_article(
        blog_index, cast, title="Article C", body=minimal_body(cast), hero_image=other_image
    )
    warm(client, a.url, c.url)
    image = get_image_model().objects.get(pk=cast.image.pk)
    image.title = "Clams, steamed"
    image.save()
    assert_kept(client, c.url)
    assert state(client, a.url)[0] == MISS


@pytest.mark.django_db
def test_the_route_cache_follows_a_publish_of_that_page_only(
    client, settings, blog_index, cast, other_cast
):
    # Page cache off: the route and fragment caches (blog/routing.py) keep B's
    # view to its warm cost while A is published.
    settings.PAGE_CACHE_ENABLED = False
    a, b = two_articles(blog_index, cast, other_cast)
    client.get(b.url)
    _hit, warm_b, _html = state(client, b.url)
    edit_and_republish(a, cast, title="Article A, revised")
    assert state(client, b.url)[1] == warm_b
    assert "Article A, revised" in state(client, a.url)[2]


@pytest.mark.reference_index
@pytest.mark.django_db
def test_page_change_tags_cover_every_listing_of_an_article(blog_index, home, cast, other_cast):
    a, b = two_articles(blog_index, cast, other_cast, b_related_to_a=True)
    a = refreshed(a)
    tags = page_cache.page_change_tags(a)
    expected = {
        page_cache.page_tag(a),
        page_cache.page_tag(b),  # refers to A (reference index)
        page_cache.page_tag(blog_index),
        page_cache.page_tag(home),
        page_cache.PAGES_TAG,
        page_cache.object_tag(cast.topic),
        page_cache.object_tag(cast.author),
        page_cache.object_tag(cast.reviewer),
        page_cache.object_tag(a.tags.get()),
    }
    assert expected <= tags
    assert page_cache.object_tag(other_cast["topic"]) not in tags
    assert page_cache.object_tag(other_cast["author"]) not in tags
