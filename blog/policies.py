"""The footer's links to the site's policy pages (blog.models.PolicyPages), cached.

Every reader page shows them, so they must cost no query once warm (see
tests/test_reader_queries.py): the resolved links are kept in the object cache
under the page-cache generation token, which publishing, unpublishing, moving or
deleting a page and saving the setting all bump (blog/signal_handlers.py).
"""

from wagtail.models import Page, Site

from .cache import OBJECT_CACHE_SECONDS, current_generation, page_cache
from .models import PolicyPages


def _resolve(request):
    site = Site.find_for_request(request)
    # Not PolicyPages.for_site(): it creates the row, and that save would bump the
    # generation on a reader's GET.
    setting = PolicyPages.objects.filter(site=site).first() if site else None
    if setting is None:
        return []
    chosen = [getattr(setting, f"{name}_id") for name in PolicyPages.link_fields]
    pages = Page.objects.live().public().in_bulk([pk for pk in chosen if pk])
    return [(pages[pk].title, pages[pk].get_url(request)) for pk in chosen if pk in pages]


def policy_links(request):
    """[(title, url), ...] of the live, public policy pages chosen for the request's site."""
    key = f"policy-links:{current_generation(request)}:{request.get_host()}"
    cache = page_cache()
    links = cache.get(key)
    if links is None:
        links = _resolve(request)
        cache.set(key, links, OBJECT_CACHE_SECONDS)
    return links
