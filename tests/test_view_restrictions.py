"""A view-restricted article's title and summary appear nowhere anonymous readers look.

Restrictions of every kind (password, signed-in users, groups), on the article
itself or on a section above it, are tried against every page that lists or
links articles: home, the blog index, topic, tag, author and reviewer pages,
search, feeds, the sitemap and other articles' related-articles blocks.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import PageViewRestriction

from tests.reader_factories import live_article, minimal_body

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Confidential trial results"
SECRET_SUMMARY = "Only for clinic members."


def restrict(page, kind):
    restriction = PageViewRestriction.objects.create(
        page=page,
        restriction_type=kind,
        password="clinic-only" if kind == PageViewRestriction.PASSWORD else "",
    )
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.add(Group.objects.create(name="Clinic"))
    return restriction


@pytest.fixture(
    params=[
        PageViewRestriction.PASSWORD,
        PageViewRestriction.LOGIN,
        PageViewRestriction.GROUPS,
    ]
)
def restriction_kind(request):
    return request.param


@pytest.fixture
def articles(blog_index, cast):
    secret = live_article(
        blog_index,
        cast,
        title=SECRET_TITLE,
        summary=SECRET_SUMMARY,
        body=minimal_body(cast),
        tags=["trial-only"],
    )
    body = minimal_body(cast)
    body.insert(1, ("related_articles", {"heading": "See also", "articles": [secret]}))
    public = live_article(blog_index, cast, title="Public article", body=body)
    return secret, public


def reader_urls(cast, public):
    return [
        "/",
        public.get_parent().url,
        reverse("blog:topics"),
        reverse("blog:topic", args=[cast.topic.slug]),
        reverse("blog:tag", args=["trial-only"]),
        cast.author.get_absolute_url(),
        cast.reviewer.get_absolute_url(),
        reverse("blog:search") + "?q=Confidential",
        reverse("blog:feed"),
        reverse("blog:atom_feed"),
        reverse("blog:sitemap"),
        public.url,
    ]


def test_a_restricted_article_is_not_listed_anywhere(client, articles, cast, restriction_kind):
    secret, public = articles
    restrict(secret, restriction_kind)
    for url in reader_urls(cast, public):
        html = client.get(url).content.decode()
        assert SECRET_TITLE not in html, url
        assert SECRET_SUMMARY not in html, url
    sitemap = client.get(reverse("blog:sitemap")).content.decode()
    assert reverse("blog:tag", args=["trial-only"]) not in sitemap


def test_a_restricted_section_hides_its_articles(client, articles, cast, blog_index):
    secret, public = articles
    restrict(blog_index, PageViewRestriction.LOGIN)
    html = client.get(reverse("blog:sitemap")).content.decode()
    assert secret.url not in html and public.url not in html
    assert SECRET_TITLE not in client.get(reverse("blog:feed")).content.decode()


def test_the_restricted_article_itself_asks_for_the_password(client, articles):
    secret, _ = articles
    restrict(secret, PageViewRestriction.PASSWORD)
    html = client.get(secret.url).content.decode()
    assert SECRET_SUMMARY not in html
    assert "password" in html.lower()


def test_the_topic_index_counts_only_public_articles(client, articles, cast):
    secret, _ = articles
    restrict(secret, PageViewRestriction.LOGIN)
    html = client.get(reverse("blog:topics")).content.decode()
    assert "(1 article)" in html and "(2 articles)" not in html
