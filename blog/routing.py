"""Routing cache: which Site and which page answer an anonymous reader's URL.

Wagtail works both out from the database on every request: one query for the
Site (with its root page), then one or two per URL segment while routing down
the tree. For an article that was four queries and about half the time of an
uncached article view. `RouteCacheMiddleware` keeps the result per URL in Django's
cache, under the page cache's generation token (blog/cache.py), so publishing,
unpublishing, moving or deleting a page, or editing a Site, makes every entry
stale at once, exactly as for cached pages.

It hands Wagtail the result through the two request attributes Wagtail itself
memoises them on (``request._wagtail_site`` read by ``Site.find_for_request``,
``request._wagtail_route_for_request`` read by ``Page.route_for_request``), so
Wagtail's serve view, hooks and view restriction checks run unchanged: a private
page still asks for its password or login on every request.

Only requests the page cache could answer use it (`blog.cache.request_is_cacheable`:
anonymous GETs, no previews). Signed-in editors route from the database, so their
user bar always sees the page's current draft state. The route is stored as soon
as it is found, before the page is served, so nothing a view attaches to the page
objects is cached with it. ``ROUTE_CACHE = False`` turns it off; DEBUG does too.
"""

import hashlib

from django.conf import settings
from django.http.request import split_domain_port
from wagtail.models import Page, Site

from blog.cache import OBJECT_CACHE_SECONDS, current_generation, page_cache, request_is_cacheable


def is_enabled():
    return not settings.DEBUG and getattr(settings, "ROUTE_CACHE", True)


def _key(kind, request, generation, path=""):
    hostname = split_domain_port(request.get_host())[0]
    digest = hashlib.sha256(f"{hostname}:{request.get_port()}:{path}".encode()).hexdigest()
    return f"route-cache:{kind}:{generation}:{digest}"


class RouteCacheMiddleware:
    """Give anonymous reader requests their Site, and Wagtail pages their route, from the cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not (is_enabled() and request_is_cacheable(request)):
            return None
        cache = page_cache()
        generation = current_generation(request)
        if request.resolver_match.url_name == "wagtail_serve":
            # Wagtail's URL pattern passes the page path as its one positional argument.
            path = view_kwargs.get("path", view_args[0] if view_args else "")
            self._route(request, cache, generation, path)
        else:
            self._site(request, cache, generation)
        return None

    @staticmethod
    def _site(request, cache, generation):
        key = _key("site", request, generation)
        site = cache.get(key)
        if site is not None:
            request._wagtail_site = site
        elif (site := Site.find_for_request(request)) is not None:
            cache.set(key, site, OBJECT_CACHE_SECONDS)

    @staticmethod
    def _route(request, cache, generation, path):
        key = _key("page", request, generation, path)
        cached = cache.get(key)
        if cached is not None:
            request._wagtail_site, request._wagtail_route_for_request = cached
            return
        # Wagtail memoises both on the request; the view then reuses them.
        route = Page.route_for_request(request, path)
        if route is not None:
            cache.set(key, (Site.find_for_request(request), route), OBJECT_CACHE_SECONDS)
