"""The footer's policy links (blog.policies): on every page type, resolving, kept current."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from blog.demo.standard_pages import create_standard_pages
from blog.models import PolicyPages, StandardPage
from tests.reader_factories import live_article
from tests.test_reader_queries import ARTICLE_WARM_QUERIES, warm_query_count

POLICY_TITLES = ["About", "Editorial policy", "How we review", "Corrections policy"]
FOOTER_NAV = re.compile(
    r'<nav class="site-footer__nav" aria-labelledby="footer-policies-heading">(.*?)</nav>',
    re.S,
)
LINK = re.compile(r'<li><a href="([^"]+)">([^<]+)</a></li>')


def footer_policy_links(response):
    match = FOOTER_NAV.search(response.content.decode())
    return LINK.findall(match.group(1)) if match else []


@pytest.fixture
def policies(home):
    create_standard_pages(home)
    return PolicyPages.for_site(home.get_site())


@pytest.fixture
def article(blog_index, cast, policies):
    return live_article(blog_index, cast, title="Iron and tiredness", tags=["iron"])


def reader_urls(article, cast):
    """One URL of every kind of reader page, and the status each answers with."""
    return {
        "/": 200,
        "/articles/": 200,
        article.url: 200,
        reverse("blog:article_history", args=[article.pk]): 200,
        "/about/": 200,
        "/topics/": 200,
        f"/topics/{cast.topic.slug}/": 200,
        "/tags/iron/": 200,
        cast.author.get_absolute_url(): 200,
        cast.reviewer.get_absolute_url(): 200,
        "/search/": 200,
        "/search/?q=iron": 200,
        "/no-such-page/": 404,
    }


@pytest.mark.django_db
def test_every_page_type_links_to_the_policies_and_each_link_resolves(client, article, cast):
    urls = reader_urls(article, cast)
    for url, status in urls.items():
        response = client.get(url)
        assert response.status_code == status, url
        links = footer_policy_links(response)
        assert [title for _url, title in links] == POLICY_TITLES, url
    for url, title in links:
        response = client.get(url)
        assert response.status_code == 200, url
        assert f"<h1>{title}</h1>" in response.content.decode()
        assert response.context["page"].specific.__class__ is StandardPage


@pytest.mark.django_db
def test_links_follow_the_pages_when_they_move_or_are_renamed(client, home, policies):
    corrections = policies.corrections_policy.specific
    corrections.title = "Corrections and updates"
    corrections.slug = "corrections"
    corrections.save_revision().publish()
    links = {title: url for url, title in footer_policy_links(client.get("/"))}
    assert links["Corrections and updates"] == "/corrections/"
    assert client.get("/corrections/").status_code == 200


@pytest.mark.django_db
def test_unpublished_or_unset_policy_pages_leave_the_footer(client, policies):
    policies.review_process.unpublish()
    titles = [title for _url, title in footer_policy_links(client.get("/"))]
    assert titles == ["About", "Editorial policy", "Corrections policy"]

    policies.refresh_from_db()
    policies.corrections_policy = None
    policies.save()
    titles = [title for _url, title in footer_policy_links(client.get("/"))]
    assert titles == ["About", "Editorial policy"]


@pytest.mark.django_db
def test_a_site_without_the_setting_shows_no_policy_list_and_creates_no_row(client, home):
    response = client.get("/")
    assert response.status_code == 200
    assert footer_policy_links(response) == []
    assert 'id="footer-policies-heading"' not in response.content.decode()
    assert not PolicyPages.objects.exists()


@pytest.mark.django_db
def test_the_footer_costs_no_query_once_warm(client, article, settings):
    settings.PAGE_CACHE_ENABLED = False
    assert warm_query_count(client, article.url) <= ARTICLE_WARM_QUERIES
    # The links themselves come from the cache: none of the warm queries is theirs.
    client.get("/")
    with CaptureQueriesContext(connection) as captured:
        client.get("/")
    assert not any("blog_policypages" in query["sql"] for query in captured)
