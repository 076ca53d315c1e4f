"""Anonymous full-page cache for the reader site, and how it is invalidated.

How it works
------------
`PageCacheMiddleware` stores the finished HTML of anonymous GET requests to Wagtail
pages and to reader views marked with `@page_cacheable` (profiles, topics, tags,
search, feeds, sitemap, robots.txt) in Django's cache framework (the
``PAGE_CACHE_ALIAS`` cache: local memory by default, Redis when REDIS_URL is set).
A hit is answered before sessions, authentication or the database are touched.

Invalidation per page
---------------------
Every cached entry (page, route, article fragment) is stored with *tags* naming
what it shows (`tag_request`: ``page:<id>`` for a page and each card it lists,
``health_content.topic:<id>`` for a topic page, collection tags such as
``pages`` for feeds and search) and the version each tag had then
(`set_tagged`); `get_tagged` serves it only while none of those versions has
moved. A change bumps only the tags it affects (`bump_tags`): publishing,
unpublishing or deleting a page bumps its own tag, its ancestors', those of
whatever refers to it in Wagtail's reference index (`page_change_tags`) and the
listings it appears in; an edited topic, profile, snippet or image bumps its own
tag and its referrers' (`invalidate_object`). So a publish leaves every other
article's cached copy in place. The site-wide *generation*, one more version in
every entry, is bumped for what every page depends on (sites, privacy settings:
`bump_generation`). Stale entries are never read again and expire after
``PAGE_CACHE_SECONDS``.

The public invalidation API, for code that changes pages outside the signals
wired in blog.signal_handlers (tasks, commands): `invalidate_page`,
`invalidate_moved_page`, `invalidate_object`, `bump_tags` and `bump_generation`.

Where the versions live: in the cache itself when that cache is shared between
processes (Redis, Memcached, database, file). Local memory is private to each
process, so gunicorn workers and cron jobs (``publish_scheduled``) would not see
each other's bumps; with LocMemCache the versions are kept in small files instead
(``PAGE_CACHE_GENERATION_DIR``, by default in the temp directory), which every
process on the host reads, whichever OS user it runs as (`_FileVersions`).
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

#: Lifetime of the object caches under the page cache (routes, article fragments
#: and data, cards): long, since a version bump, not expiry, makes them stale.
OBJECT_CACHE_SECONDS = 24 * 60 * 60
HIT_HEADER = "X-Page-Cache"
_UNCACHEABLE_CONTROL = ("private", "no-cache", "no-store")


def is_enabled():
    return bool(getattr(settings, "PAGE_CACHE_ENABLED", False))


def timeout():
    return int(getattr(settings, "PAGE_CACHE_SECONDS", 600))


def page_cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


# Versions: the site-wide generation and per-page tags ------------------------------

GENERATION_TAG = "generation"


def _version_key(tag):
    return f"page-cache:version:{tag}"


class _CacheVersions:
    """Versions kept in a cache shared by every process (Redis, Memcached...)."""

    def __init__(self, cache):
        self.cache = cache

    def current(self, tags):
        keys = {_version_key(tag): tag for tag in tags}
        found = self.cache.get_many(list(keys))
        missing = {key: uuid.uuid4().hex for key in keys if key not in found}
        for key, value in missing.items():
            # add(), not set(): two processes creating a version agree on one.
            self.cache.add(key, value, timeout=None)
        if missing:
            found.update(self.cache.get_many(list(missing)))
        return {keys[key]: found.get(key) for key in keys}

    def bump(self, tags):
        self.cache.set_many({_version_key(tag): uuid.uuid4().hex for tag in tags}, timeout=None)


class _FileVersions:
    """Versions kept in files, for process-local caches: every process on the host reads them.

    The processes of one deployment often run as different OS users (the web
    server; cron's ``publish_scheduled`` and ``send_review_reminders``; the task
    worker), so none of them may depend on writing a file another user created:
    in a sticky directory it could not even replace it. Each tag (the site-wide
    generation, a page, a topic...) therefore has a directory, sticky and
    writable by all like /tmp itself, where each OS user keeps its own file
    (readable by all, replaced only by its owner); the tag's version is all those
    files' tokens together, so a bump by any user changes it for every process.
    """

    DIRECTORY_MODE = 0o1777
    FILE_MODE = 0o644

    def __init__(self, path):
        self.root = Path(path)

    def _directory(self, tag):
        if tag == GENERATION_TAG:
            return self.root / "generation"
        return self.root / "tags" / hashlib.sha256(tag.encode()).hexdigest()[:32]

    def current(self, tags):
        versions = {}
        for tag in tags:
            tokens = self._tokens(tag)
            if not tokens:
                self.bump([tag])
                tokens = self._tokens(tag)
            versions[tag] = hashlib.sha256("|".join(tokens).encode()).hexdigest()[:32]
        return versions

    def _tokens(self, tag):
        try:
            entries = sorted(os.scandir(self._directory(tag)), key=lambda entry: entry.name)
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

    def _ensure_directory(self, directory):
        for path in (self.root, directory.parent, directory):
            try:
                path.mkdir()
            except FileExistsError:
                continue
            # mkdir applied our umask; open the directory to the deployment's other users.
            os.chmod(path, self.DIRECTORY_MODE)

    def bump(self, tags):
        owner = os.getuid() if hasattr(os, "getuid") else "user"
        for tag in tags:
            directory = self._directory(tag)
            try:
                self._ensure_directory(directory)
                # Write-then-rename so a reader never sees a half-written token.
                fd, temp_name = tempfile.mkstemp(dir=directory, prefix=".page-cache-")
            except PermissionError as error:
                raise ImproperlyConfigured(
                    f"The page cache's version directory {self.root} is not writable by this "
                    f"OS user (uid {owner}). Remove it (it is re-created for every user, "
                    "mode 1777), make it writable by every user of the deployment, or set "
                    "PAGE_CACHE_GENERATION_DIR to a directory that is."
                ) from error
            os.fchmod(fd, self.FILE_MODE)
            with os.fdopen(fd, "w") as temp:
                temp.write(uuid.uuid4().hex)
            os.replace(temp_name, directory / f"uid-{owner}")


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


def _version_store():
    cache = page_cache()
    if isinstance(cache, LocMemCache | DummyCache):
        path = getattr(settings, "PAGE_CACHE_GENERATION_DIR", None)
        return _FileVersions(path or _default_generation_dir())
    return _CacheVersions(cache)


def tag_versions(tags, request=None):
    """``{tag: version}`` for `tags`, memoised on `request` (one look-up per tag per request)."""
    memo = getattr(request, "_page_cache_versions", None) if request is not None else None
    if memo is None:
        memo = {}
        if request is not None:
            request._page_cache_versions = memo
    wanted = [tag for tag in dict.fromkeys(tags) if tag not in memo]
    if wanted:
        memo.update(_version_store().current(wanted))
    return {tag: memo[tag] for tag in tags}


def current_generation(request=None):
    """The site-wide generation token, read once per request (memoised on `request`)."""
    return tag_versions([GENERATION_TAG], request)[GENERATION_TAG]


def bump_tags(tags):
    """Make every cached entry tagged with any of `tags` stale.

    Bumps now and again when the surrounding transaction commits: a request that
    reads the new version before the commit could otherwise cache the old content
    under it. (Inside tests' never-committed transactions only the first bump runs.)
    """
    tags = sorted(set(tags))
    if not tags:
        return
    store = _version_store()
    store.bump(tags)
    transaction.on_commit(lambda: store.bump(tags))


def bump_generation(**kwargs):
    """Make every cached page stale: for changes every page may show (sites, privacy)."""
    bump_tags([GENERATION_TAG])


# Tags: what each cached entry shows ------------------------------------------------

#: Collection tags, for pages that list a whole kind of thing: feeds, the sitemap
#: and search list every page; the topic index and home every topic.
PAGES_TAG = "pages"
TOPICS_TAG = "topics"
PROFILES_TAG = "profiles"


def link_tag(page_or_pk):
    """The tag of every response that links to the page from its navigation (blog.policies).

    Unlike `page_tag`, not bumped when a child page is published: only when the
    page's own title or address can have changed.
    """
    return f"links-to:{getattr(page_or_pk, 'pk', page_or_pk)}"


def page_tag(page_or_pk):
    """The tag of a page: its cached page, route and fragments, and the listings showing it."""
    return f"page:{getattr(page_or_pk, 'pk', page_or_pk)}"


def object_tag(instance):
    """The tag of a non-page object with reader pages of its own (a topic, a profile...)."""
    return f"{instance._meta.label_lower}:{instance.pk}"


def tag_request(request, *tags):
    """Record that the response to `request` shows what `tags` stand for.

    The page cache stores the response with these tags (and the generation), and
    serves it only while none of them has been bumped.
    """
    if request is None:
        return
    current = getattr(request, "_page_cache_tags", None)
    if current is None:
        current = request._page_cache_tags = set()
    current.update(tags)


def request_tags(request):
    return sorted(getattr(request, "_page_cache_tags", ()))


def get_tagged(cache, key, request=None):
    """The value stored under `key` by `set_tagged`, or None if absent or any of its tags moved."""
    stored = cache.get(key)
    if stored is None:
        return None
    value, versions = stored
    if tag_versions(list(versions), request) != versions:
        return None
    return value


def set_tagged(cache, key, value, tags, timeout, request=None):
    """Store `value` under `key` with the current versions of `tags` and of the generation."""
    versions = tag_versions([GENERATION_TAG, *sorted(set(tags))], request)
    cache.set(key, (value, versions), timeout)


# Invalidation: which tags a change bumps --------------------------------------------


def referrer_tags(instances):
    """Tags of what refers to `instances`, found with Wagtail's reference index.

    A page referring to them (a related-articles block, a rich text link, a chooser
    or child relation) gives its page tag; another object (a profile showing an
    image) gives its object tag.
    """
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page, ReferenceIndex

    instances = [instance for instance in instances if instance is not None]
    if not instances:
        return set()
    page_type = ContentType.objects.get_for_model(Page)
    tags = set()
    references = ReferenceIndex.get_references_to_in_bulk(instances)
    for content_type_id, object_id in references.values_list(
        "base_content_type_id", "object_id"
    ).distinct():
        if content_type_id == page_type.pk:
            tags.add(page_tag(object_id))
        else:
            content_type = ContentType.objects.get_for_id(content_type_id)
            tags.add(f"{content_type.app_label}.{content_type.model}:{object_id}")
    return tags


def page_change_tags(page):
    """Tags of every cached entry that can show `page`, for a publish, unpublish or delete.

    The page itself (its URL, route and fragments, and every listing card of it),
    its ancestors (the home page and blog index list their descendants), the
    pages and objects referring to it, the collection of all pages (feeds, sitemap,
    search), and the listings the page declares it appears in
    (``listing_cache_tags()``: topic, tag and profile pages for an article).
    """
    steplen = page.steplen
    ancestor_paths = [page.path[:end] for end in range(steplen, len(page.path), steplen)]
    from wagtail.models import Page

    tags = {page_tag(page), PAGES_TAG}
    tags.update(
        page_tag(pk)
        for pk in Page.objects.filter(path__in=ancestor_paths).values_list("pk", flat=True)
    )
    tags.update(referrer_tags([page]))
    listing_tags = getattr(page.specific_deferred, "listing_cache_tags", None)
    if listing_tags is not None:
        tags.update(listing_tags())
    return tags


def invalidate_page(page):
    """A page was published, unpublished or deleted: make the pages showing it stale.

    Called on Wagtail's page_published and page_unpublished and on pre_delete
    (blog.signal_handlers); other pages' cached copies are kept. A page with
    children also stales theirs: a new slug or title changes their URLs and
    breadcrumbs (a blog index renamed in the admin, say).
    """
    tags = page_change_tags(page) | {link_tag(page)}
    if page.numchild:
        for pk in page.get_descendants().values_list("pk", flat=True):
            tags |= {page_tag(pk), link_tag(pk)}
    bump_tags(tags)


def invalidate_moved_page(page, old_parent=None):
    """A page moved (its URL and its descendants' URLs changed): stale everything showing them.

    Called on Wagtail's post_page_move, once the tree is updated: the page's
    ancestors are the new ones, `old_parent` adds the old.
    """
    tags = set()
    for moved in page.get_descendants(inclusive=True).specific(defer=True):
        tags |= page_change_tags(moved) | {link_tag(moved)}
    if old_parent is not None:
        tags |= page_change_tags(old_parent)
    bump_tags(tags)


def invalidate_object(instance, extra_tags=()):
    """A snippet, profile, image or document changed: stale only the entries that show it.

    Its own pages (``object_tag``), whatever refers to it in the reference index,
    and `extra_tags` (relations the index does not hold, e.g. the pages a reviewer signed).
    """
    bump_tags({object_tag(instance), *referrer_tags([instance]), *extra_tags})


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


def cache_key(request):
    # Scheme and host are part of the key: canonical URLs and links are absolute.
    url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return f"page-cache:{hashlib.sha256(url.encode()).hexdigest()}"


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
        key = cache_key(request)
        stored = get_tagged(cache, key, request)
        if stored is not None:
            return self._from_cache(stored)
        response = self.get_response(request)
        if response_is_cacheable(request, response):
            control = getattr(settings, "PAGE_CACHE_CONTROL", "")
            if control and not response.has_header("Cache-Control"):
                response["Cache-Control"] = control
            headers = [(name, value) for name, value in response.items() if name != HIT_HEADER]
            stored = (response.status_code, headers, response.content)
            set_tagged(cache, key, stored, request_tags(request), timeout(), request)
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
    for a live revision until something they show changes, which bumps the page's
    tag (a related article republished) or the generation, so (Wagtail's
    `Page.cache_key`, which for articles includes the live revision; generation
    and page versions; host) identifies them.
    This applies to every request, signed-in or not, with the page cache on or
    off; it keeps an article view to a fixed number of queries whatever its size.
    Previews (drafts) and DEBUG (template work) always render afresh;
    ``ARTICLE_BODY_CACHE = False`` turns it off.
    """
    if settings.DEBUG or not getattr(settings, "ARTICLE_BODY_CACHE", True):
        return None
    if getattr(request, "is_preview", False) or not page.live or not page.live_revision_id:
        return None
    # The page's version moves when a page it shows (a related article) changes.
    versions = tag_versions([GENERATION_TAG, page_tag(page)], request)
    token = ":".join(versions.values())
    return f"{page.cache_key}:{token}:{request.get_host()}"
