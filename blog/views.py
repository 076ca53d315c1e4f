"""Reader pages that are not Wagtail pages: profiles, topics, tags, search, robots.txt.

Each listing uses `ArticlePage.objects.for_listing()`, so a page of cards costs
the same number of queries whether it shows 2 articles or 12. Every view here is
`@page_cacheable`: anonymous GET responses are stored by blog.cache's middleware
when the page cache is on.
"""

from collections.abc import Callable
from operator import attrgetter
from typing import NamedTuple
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_safe
from taggit.models import Tag

from health_content.models import AuthorProfile, ReviewerProfile, Topic

from . import seo
from .cache import (
    PAGES_TAG,
    TOPICS_TAG,
    object_tag,
    page_cacheable,
    page_tag,
    tag_request,
)
from .models import ArticlePage
from .models.pages import ARTICLES_PER_PAGE
from .search import search as search_pages

#: Search results per page.
RESULTS_PER_PAGE = 10
#: Longest query accepted: longer input is cut, not searched in full.
MAX_QUERY_LENGTH = 200


def live_articles():
    return ArticlePage.objects.live().public().for_listing()


def tag_listing(request, articles, *tags):
    """Tag the response with what it lists (see blog.cache.tag_request): `tags` and each card.

    Publishing an article bumps the tags of the listings it joins (its topics,
    authors...), and its own tag reaches the listings it leaves.
    """
    tag_request(request, *tags, *(page_tag(article) for article in articles))


def listing_seo(request, *, title, description, path, page_number, crumb=None, parents=()):
    """Metadata of a listing: breadcrumbs Home, `parents`, then the page (`crumb` or `title`)."""
    return seo.build(
        request,
        title=title,
        description=description,
        path=path,
        breadcrumbs=[("Home", "/"), *parents, (crumb or title, path)],
        canonical=seo.canonical_with_page_number(request, path, page_number),
    )


def article_listing(request, template, queryset, owner, context, **seo_fields):
    """A page of the live articles in `queryset` about `owner` (a profile, topic or tag).

    The response is tagged with `owner` and each card; `context` joins the
    page of articles and the listing's metadata (`seo_fields`, see listing_seo).
    """
    articles = Paginator(queryset, ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
    tag_listing(request, articles, object_tag(owner))
    page_seo = listing_seo(request, page_number=articles.number, **seo_fields)
    return TemplateResponse(request, template, {**context, "articles": articles, "seo": page_seo})


class ProfileListing(NamedTuple):
    """The people with a reader page (authors, reviewers), as `profile_detail` lists them."""

    model: type
    template: str
    #: ``articles(profile)``: the live articles the page lists.
    articles: Callable
    #: ``title(profile)``: the page title.
    title: Callable
    #: The description when the profile has no bio, formatted with the title.
    fallback_description: str


AUTHORS = ProfileListing(
    AuthorProfile,
    "blog/author_detail.html",
    lambda author: live_articles().filter(authors__author=author),
    attrgetter("display_name"),
    "Articles written by {}.",
)
REVIEWERS = ProfileListing(
    ReviewerProfile,
    "blog/reviewer_detail.html",
    lambda reviewer: live_articles().reviewed_by(reviewer),
    attrgetter("name_with_credentials"),
    "Articles medically reviewed by {}.",
)


@require_safe
@page_cacheable
def profile_detail(request, slug, *, people):
    """A profile page of `people` (set per URL: AUTHORS or REVIEWERS): its live articles,
    described by the bio or else the fallback description."""
    profile = get_object_or_404(people.model.objects.select_related("photo"), slug=slug)
    title = people.title(profile)
    return article_listing(
        request,
        people.template,
        people.articles(profile),
        profile,
        {"profile": profile},
        title=title,
        description=seo.text_from_html(profile.bio) or people.fallback_description.format(title),
        path=profile.get_absolute_url(),
    )


@require_safe
@page_cacheable
def article_history(request, page_id):
    """Every medically reviewed version of a live article: date, reviewer, what changed."""
    page = get_object_or_404(ArticlePage.objects.live().public(), pk=page_id)
    if not page.went_live_through_gate():
        raise Http404("This article has not been published through medical review.")
    path = reverse("blog:article_history", args=[page.pk])
    page_seo = seo.build(
        request,
        title=f"History of “{page.title}”",
        description=f"Each medically reviewed version of {page.title}, and what changed.",
        path=path,
        breadcrumbs=[
            *seo.page_breadcrumbs(page, request),
            ("History", path),
        ],
    )
    return TemplateResponse(
        request,
        "blog/article_history.html",
        {"page": page, "versions": page.reviewed_versions(), "seo": page_seo},
    )


@require_safe
@page_cacheable
def topic_index(request):
    topics = (
        Topic.objects.annotate(
            article_count=Count(
                "articles",
                filter=Q(articles__in=ArticlePage.objects.live().public()),
                distinct=True,
            )
        )
        .filter(article_count__gt=0)
        .order_by("kind", "name")
    )
    tag_request(request, PAGES_TAG, TOPICS_TAG)
    return TemplateResponse(
        request,
        "blog/topic_index.html",
        {
            "topics": topics,
            "nav_section": "topics",
            "seo": listing_seo(
                request,
                title="Topics",
                description="Browse medically reviewed articles by condition, nutrient and theme.",
                path=reverse("blog:topics"),
                page_number=None,
            ),
        },
    )


def topic_seo(topic):
    """A topic page's metadata: under Topics, described by the topic when it has a description."""
    return {
        "title": topic.name,
        "description": topic.description or f"Medically reviewed articles about {topic.name}.",
        "parents": [("Topics", reverse("blog:topics"))],
    }


def tag_seo(tag):
    """A tag page's metadata: the breadcrumb names the bare tag, the title says what it lists."""
    return {
        "title": f"Articles tagged “{tag.name}”",
        "description": f"Medically reviewed articles tagged {tag.name}.",
        "crumb": tag.name,
    }


class Taxonomy(NamedTuple):
    """A kind of term articles are filed under (topics, tags), as `taxonomy_detail` lists it."""

    #: The terms' model; its name gives the URL name, the template and the context variable.
    model: type
    #: The ArticlePage field holding an article's terms.
    articles_field: str
    #: The reader-site section the page belongs to, for the navigation.
    nav_section: str
    #: ``seo_fields(term)``: title, description and breadcrumb (see listing_seo).
    seo_fields: Callable


TOPICS = Taxonomy(Topic, "topics", "topics", topic_seo)
TAGS = Taxonomy(Tag, "tags", "articles", tag_seo)


@require_safe
@page_cacheable
def taxonomy_detail(request, slug, *, taxonomy):
    """The live articles filed under one term of `taxonomy` (set per URL: TOPICS or TAGS)."""
    term = get_object_or_404(taxonomy.model, slug=slug)
    name = taxonomy.model._meta.model_name
    return article_listing(
        request,
        f"blog/{name}_detail.html",
        live_articles().filter(**{taxonomy.articles_field: term}),
        term,
        {name: term, "nav_section": taxonomy.nav_section},
        path=reverse(f"blog:{name}", args=[term.slug]),
        **taxonomy.seo_fields(term),
    )


@require_safe
@page_cacheable
def search(request):
    """/search/?q=words&page=N: live pages matching every word, best first, with summaries."""
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    results = (
        Paginator(search_pages(query), RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        if query
        else None
    )
    page_seo = listing_seo(
        request,
        title=f"Search results for “{query}”" if query else "Search",
        description="Search medically reviewed health articles.",
        path=reverse("blog:search"),
        page_number=None,
        crumb="Search",
    )
    # Any published page may become a result.
    tag_request(request, PAGES_TAG)
    # Result pages are for people, not for search engines' indexes.
    page_seo.noindex = True
    return TemplateResponse(
        request,
        "blog/search_results.html",
        {
            "query": query,
            "results": results,
            "query_string": urlencode({"q": query}),
            "nav_section": "search",
            "seo": page_seo,
        },
    )


@require_safe
@page_cacheable
def robots_txt(request):
    """Keep crawlers out of the admin and search results; point them at the sitemap."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "",
        f"Sitemap: {seo.absolute_url(request, '/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
