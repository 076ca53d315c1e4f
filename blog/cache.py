"""Anonymous full-page cache for the reader site, and how it is invalidated.

How it works
------------
`PageCacheMiddleware` stores the finished HTML of anonymous GET requests to Wagtail
pages and to reader views marked with `@page_cacheable` (profiles, topics, tags,
search, feeds, sitemap, robots.txt) in Django's cache framework (the
``PAGE_CACHE_ALIAS`` cache: local memory by default, Redis when REDIS_URL is set).
A hit is answered before sessions, authentication or the database are touched.

Every key contains a site-wide *generation* token. Anything that can change what a
reader sees bumps the token (`bump_generation`): publishing, unpublishing, moving
or deleting a page, and saving or deleting the snippets and images pages show
(topics, profiles, disclaimers, nutrients, images, documents, sites, privacy
settings). Old entries are then simply never read again and expire after
``PAGE_CACHE_SECONDS``. One token for the whole site is deliberately blunt: an
article appears on its index, home, topics, tags, feeds, sitemap and profile pages,
and tracking each of those precisely is where cache bugs live.

Where the token lives: in the cache itself when that cache is shared between
processes (Redis, Memcached, database, file). Local memory is private to each
process, so gunicorn workers and cron jobs (``publish_scheduled``) would not see
each other's bumps; with LocMemCache the token is kept in small files instead
(``PAGE_CACHE_GENERATION_DIR``, by default in the temp directory), which every
process on the host reads, whichever OS user it runs as (`_FileGeneration`).
Several hosts need a shared cache: set REDIS_URL.

What is never cached
--------------------
* requests carrying a session or CSRF cookie (signed-in editors, anyone who has
  used the admin) or an Authorization header; they are neither served from nor
  stored in the cache;
* anything but GET, and Wagtail's preview requests (``request.is_dummy`` /
  ``request.is_preview``), which render drafts;
* responses that are not 200, are streamed, set a cookie, carry any ``Vary``
  header (``Vary: Cookie`` means the body depends on who asks) or a private /
  no-cache / no-store Cache-Control (Wagtail adds that to private pages).

The cache is off unless ``PAGE_CACHE_ENABLED`` is true: production settings turn it
on (``PAGE_CACHE=off`` turns it off), development and tests leave it off so edits
show at once and tests do not see each other's pages.

A CDN in front of the site is purged through ``wagtail.contrib.frontend_cache``
(configured from the environment in settings; no backend by default): Wagtail
purges a published page's own URL, and `purge_frontend_cache_for_article` adds the
pages that list the article.
"""

import hashlib
import os
import tempfile
import uuid
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction
from django.http import HttpResponse

GENERATION_KEY = "page-cache:generation"
#: Lifetime of the object caches under the page cache (routes, article fragments
#: and data, cards): long, since a generation bump, not expiry, makes them stale.
OBJECT_CACHE_SECONDS = 24 * 60 * 60
HIT_HEADER = "X-Page-Cache"
_UNCACHEABLE_CONTROL = ("private", "no-cache", "no-store")


def is_enabled():
    return bool(getattr(settings, "PAGE_CACHE_ENABLED", False))


def timeout():
    return int(getattr(settings, "PAGE_CACHE_SECONDS", 600))


def page_cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


# Generation token ------------------------------------------------------------------


class _CacheGeneration:
    """The token kept in a cache shared by every process (Redis, Memcached...)."""

    def __init__(self, cache):
        self.cache = cache

    def current(self):
        token = self.cache.get(GENERATION_KEY)
        if token is None:
            self.cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
            token = self.cache.get(GENERATION_KEY)
        return token

    def bump(self):
        self.cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


class _FileGeneration:
    """The token kept in files, for process-local caches: every process on the host reads them.

    The processes of one deployment often run as different OS users (the web
    server; cron's ``publish_scheduled`` and ``send_review_reminders``; the task
    worker), so none of them may depend on writing a file another user created:
    in a sticky temp directory it could not even replace it. The token therefore
    lives in a directory, sticky and writable by all like /tmp itself, where each
    OS user keeps its own file (readable by all, replaced only by its owner); the
    generation is all those files' tokens together, so a bump by any user changes
    it for every process.
    """

    DIRECTORY_MODE = 0o1777
    FILE_MODE = 0o644

    def __init__(self, path):
        self.directory = Path(path)

    def current(self):
        tokens = self._tokens()
        if not tokens:
            self.bump()
            tokens = self._tokens()
        return hashlib.sha256("|".join(tokens).encode()).hexdigest()[:32]

    def _tokens(self):
        try:
            entries = sorted(os.scandir(self.directory), key=lambda entry: entry.name)
        except FileNotFoundError:
            return []
        tokens = []
        for entry in entries:
            if entry.name.startswith("."):  # a bump's temporary file
                continue
            try:
                tokens.append(f"{entry.name}={Path(entry.path).read_text()}")
            except (FileNotFoundError, PermissionError):
                # Not a token file of this site (its own are always readable): skip it.
                continue
        return tokens

    def _own_file(self):
        owner = os.getuid() if hasattr(os, "getuid") else "user"
        return self.directory / f"uid-{owner}"

    def _ensure_directory(self):
        try:
            self.directory.mkdir(parents=True)
        except FileExistsError:
            return
        # mkdir applied our umask; open the directory to the deployment's other users.
        os.chmod(self.directory, self.DIRECTORY_MODE)

    def bump(self):
        try:
            self._ensure_directory()
            # Write-then-rename so a reader never sees a half-written token.
            fd, temp_name = tempfile.mkstemp(dir=self.directory, prefix=".page-cache-")
        except PermissionError as error:
            raise ImproperlyConfigured(
                f"The page cache's generation directory {self.directory} is not writable by "
                f"this OS user (uid {os.getuid()}). Remove it (it is re-created for every "
                "user, mode 1777), make it writable by every user of the deployment, or set "
                "PAGE_CACHE_GENERATION_DIR to a directory that is."
            ) from error
        os.fchmod(fd, self.FILE_MODE)
        with os.fdopen(fd, "w") as temp:
            temp.write(uuid.uuid4().hex)
        os.replace(temp_name, self._own_file())


def _default_generation_dir():
    # One directory per site: processes serving the same site share the project
    # directory, database and media root. Different sites on one host, and test
    # runs (each has its own temporary MEDIA_ROOT), do not invalidate each other.
    identity = "|".join(
        str(part)
        for part in (settings.BASE_DIR, connection.settings_dict.get("NAME"), settings.MEDIA_ROOT)
    )
    digest = hashlib.sha256(identity.encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"health-blog-page-cache-{digest}.d"


def _generation_store():
    cache = page_cache()
    if isinstance(cache, LocMemCache | DummyCache):
        path = getattr(settings, "PAGE_CACHE_GENERATION_DIR", None)
        return _FileGeneration(path or _default_generation_dir())
    return _CacheGeneration(cache)


def current_generation(request=None):
    """The generation token, read once per request (memoised on `request`)."""
    if request is not None and hasattr(request, "_page_cache_generation"):
        return request._page_cache_generation
    token = _generation_store().current()
    if request is not None:
        request._page_cache_generation = token
    return token


def bump_generation(**kwargs):
    """Make every cached page stale. Connected to the signals listed in `connect_signals`.

    Bumps now and again when the surrounding transaction commits: a request that
    reads the new token before the commit could otherwise cache the old content
    under it. (Inside tests' never-committed transactions only the first bump runs.)
    """
    store = _generation_store()
    store.bump()
    transaction.on_commit(store.bump)


# Middleware ------------------------------------------------------------------------


def page_cacheable(view):
    """Mark a reader view whose anonymous GET responses the page cache may store."""
    view.page_cacheable = True
    return view


def _view_is_cacheable(request):
    match = getattr(request, "resolver_match", None)
    if match is None:
        return False
    return match.url_name == "wagtail_serve" or getattr(match.func, "page_cacheable", False)


def request_is_cacheable(request):
    """Whether `request` may be answered from, or stored in, the page cache."""
    if request.method != "GET":
        return False
    # Wagtail previews render drafts through the full middleware stack (is_dummy).
    if getattr(request, "is_dummy", False) or getattr(request, "is_preview", False):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or settings.CSRF_COOKIE_NAME in cookies:
        return False
    return "authorization" not in request.headers


def response_is_cacheable(request, response):
    if response.status_code != 200 or response.streaming:
        return False
    if getattr(request, "is_preview", False) or not _view_is_cacheable(request):
        return False
    if response.cookies or response.has_header("Vary"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return not any(word in cache_control for word in _UNCACHEABLE_CONTROL)


def cache_key(request, generation):
    # Scheme and host are part of the key: canonical URLs and links are absolute.
    url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return f"page-cache:{generation}:{hashlib.sha256(url.encode()).hexdigest()}"


class PageCacheMiddleware:
    """Serve and store anonymous reader pages; see the module docstring for the rules.

    Sits early in MIDDLEWARE (after SecurityMiddleware and WhiteNoise) so a hit
    skips sessions, authentication and the database; security headers are still
    added on the way out.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (is_enabled() and request_is_cacheable(request)):
            return self.get_response(request)
        cache = page_cache()
        key = cache_key(request, current_generation(request))
        stored = cache.get(key)
        if stored is not None:
            return self._from_cache(stored)
        response = self.get_response(request)
        if response_is_cacheable(request, response):
            control = getattr(settings, "PAGE_CACHE_CONTROL", "")
            if control and not response.has_header("Cache-Control"):
                response["Cache-Control"] = control
            headers = [(name, value) for name, value in response.items() if name != HIT_HEADER]
            cache.set(key, (response.status_code, headers, response.content), timeout())
            response[HIT_HEADER] = "miss"
        return response

    @staticmethod
    def _from_cache(stored):
        status, headers, content = stored
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response[HIT_HEADER] = "hit"
        return response


# Article fragments -----------------------------------------------------------------


def article_revision_cache_key(page, request):
    """Key for a live article's cached fragments and reader data, or None to use neither.

    Rendering a body loads its images and renditions, snippets (disclaimer,
    nutrients) and linked pages: a few queries per block type, more for rich text
    with links. That HTML, the heading, byline, references and metadata are fixed
    for a live revision until something they show changes, which bumps the
    generation token, so (page, live revision, generation, host) identifies them.
    This applies to every request, signed-in or not, with the page cache on or
    off; it keeps an article view to a fixed number of queries whatever its size.
    Previews (drafts) and DEBUG (template work) always render afresh;
    ``ARTICLE_BODY_CACHE = False`` turns it off.
    """
    if settings.DEBUG or not getattr(settings, "ARTICLE_BODY_CACHE", True):
        return None
    if getattr(request, "is_preview", False) or not page.live or not page.live_revision_id:
        return None
    generation = current_generation(request)
    return f"{page.pk}:{page.live_revision_id}:{generation}:{request.get_host()}"
