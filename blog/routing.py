"""Routing cache: which Site and which page answer an anonymous reader's URL.

Wagtail works both out from the database on every request: one query for the
Site (with its root page), then one or two per URL segment while routing down
the tree. For an article that was four queries and about half the time of an
uncached article view. `RouteCacheMiddleware` keeps the result per URL in Django's
cache, tagged with the page it leads to (blog/cache.py): publishing, unpublishing,
moving or deleting that page makes its entry stale, and editing a Site (the
site-wide generation) makes every entry stale.

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

from blog.cache import (
    OBJECT_CACHE_SECONDS,
    get_tagged,
    page_cache,
    page_tag,
    request_is_cacheable,
    set_tagged,
)
from blog.models.base import VIEW_RESTRICTION_FLAGS


def is_enabled():
    return not settings.DEBUG and getattr(settings, "ROUTE_CACHE", True)


def _key(kind, request, path=""):
    hostname = split_domain_port(request.get_host())[0]
    digest = hashlib.sha256(f"{hostname}:{request.get_port()}:{path}".encode()).hexdigest()
    return f"route-cache:{kind}:{digest}"


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
        if request.resolver_match.url_name == "wagtail_serve":
            # Wagtail's URL pattern passes the page path as its one positional argument.
            path = view_kwargs.get("path", view_args[0] if view_args else "")
            self._route(request, cache, path)
        else:
            self._site(request, cache)
        return None

    @staticmethod
    def _site(request, cache):
        key = _key("site", request)
        site = get_tagged(cache, key, request)
        if site is not None:
            request._wagtail_site = site
        elif (site := Site.find_for_request(request)) is not None:
            set_tagged(cache, key, site, (), OBJECT_CACHE_SECONDS, request)

    @staticmethod
    def _route(request, cache, path):
        key = _key("page", request, path)
        cached = get_tagged(cache, key, request)
        if cached is not None:
            request._wagtail_site, request._wagtail_route_for_request = cached
            return
        # Wagtail memoises both on the request; the view then reuses them.
        route = Page.route_for_request(request, path)
        if route is not None:
            # A cached route must not carry the route query's "no view restriction"
            # flags (blog.models.base): restrictions are checked on every request.
            for flag in VIEW_RESTRICTION_FLAGS:
                route[0].__dict__.pop(flag, None)
            # Stale once the page is published, unpublished, moved or deleted.
            tags = [page_tag(route[0])]
            value = (Site.find_for_request(request), route)
            set_tagged(cache, key, value, tags, OBJECT_CACHE_SECONDS, request)
