"""Links every reader page shows: the articles index and the policy pages, cached.

The header's "Articles" link points at the site's blog index page, whatever its
slug (an editor may rename it), and the footer lists the policy pages chosen in
Settings → Policy pages (blog.models.PolicyPages). Every reader page shows them,
so they must cost no query once warm (see tests/test_reader_queries.py): the
resolved links are kept in the object cache tagged with the linked pages
(`blog.cache.link_tag`: bumped when a page's own title or address can change:
its publish, unpublish, move or deletion, or its parent's) and the site-wide
generation (bumped by saving the setting). Each response that shows them is
tagged the same way, so cached pages go stale when a linked page changes.
"""

from wagtail.models import Page, Site

from .cache import (
    OBJECT_CACHE_SECONDS,
    PAGES_TAG,
    get_tagged,
    link_tag,
    page_cache,
    set_tagged,
    tag_request,
)
from .models import BlogIndexPage, PolicyPages


def _resolve(request):
    site = Site.find_for_request(request)
    if site is None:
        return {"articles": None, "policies": [], "page_ids": [], "watched_ids": []}
    index = BlogIndexPage.objects.live().public().descendant_of(site.root_page).first()
    # Not PolicyPages.for_site(): it creates the row, and that save would bump the
    # generation on a reader's GET.
    setting = PolicyPages.objects.filter(site=site).first()
    chosen = [getattr(setting, f"{name}_id") for name in PolicyPages.link_fields] if setting else []
    chosen = [pk for pk in chosen if pk]
    pages = Page.objects.live().public().in_bulk(chosen)
    linked = ([index.pk] if index else []) + [pk for pk in chosen if pk in pages]
    return {
        "articles": index.get_url(request) if index else None,
        "policies": [(pages[pk].title, pages[pk].get_url(request)) for pk in chosen if pk in pages],
        "page_ids": linked,
        # A chosen page not live yet shows up when it is published.
        "watched_ids": sorted({*linked, *chosen}),
    }


def site_links(request):
    """``{"articles": url or None, "policies": [(title, url), ...]}`` for the request's site."""
    key = f"site-links:{request.get_host()}"
    cache = page_cache()
    links = get_tagged(cache, key, request)
    if links is None:
        links = _resolve(request)
        # With no blog index yet, any publish may bring one.
        tags = [link_tag(pk) for pk in links["watched_ids"]]
        if links["articles"] is None:
            tags.append(PAGES_TAG)
        set_tagged(cache, key, links, tags, OBJECT_CACHE_SECONDS, request)
    tag_request(request, *(link_tag(pk) for pk in links["page_ids"]))
    return links


def policy_links(request):
    """[(title, url), ...] of the live, public policy pages chosen for the request's site."""
    return site_links(request)["policies"]


def articles_url(request):
    """The URL of the site's blog index page (the list of all articles), or None."""
    return site_links(request)["articles"]
