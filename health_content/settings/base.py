"""Settings shared by every environment, driven by environment variables.

Each environment module (dev, production, test) imports this one and overrides
only what differs. Values that vary per deployment come from the environment so
that no secret or host name is ever committed.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .media import media_storage

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "health_content",
    "blog",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.frontend_cache",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Page cache: before sessions and auth, so a cached page skips them (blog/cache.py).
    "blog.cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Site and page routes of anonymous requests from the cache (blog/routing.py).
    "blog.routing.RouteCacheMiddleware",
    "health_content.csp.ReaderStrictCSPMiddleware",
    # Last, as django-axes requires: turns a locked-out sign-in into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "health_content.urls"
WSGI_APPLICATION = "health_content.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite file in the project directory unless DATABASE_URL names another
# database (postgres://user@host:port/name in production).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A small newsroom on SQLite: readers never wait for writers (WAL journal), a
    # writer waits for another instead of failing with "database is locked" (busy
    # timeout, seconds), and every transaction takes the write lock when it begins
    # (BEGIN IMMEDIATE), so two publishes queue up rather than deadlock when both
    # try to upgrade a read lock. synchronous=NORMAL is durable with WAL except
    # for the last commits on power loss.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "timeout": int(os.environ.get("SQLITE_BUSY_TIMEOUT", "20")),
            "transaction_mode": "IMMEDIATE",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "health-blog",
    }
}
if os.environ.get("REDIS_URL"):
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ["REDIS_URL"],
        "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "health-blog"),
    }

# Background tasks (django-tasks, the API of Django 6's django.tasks) --------------------
# Work that need not hold up a request (reminder emails, CDN purges, search indexing,
# content checks; see health_content/tasks.py and blog/tasks.py) is stored in the
# database and run by `manage.py db_worker` (`make run` starts one). Wagtail's
# reference index stays in-process: the deletion guard reads it
# (health_content.task_backends). TASKS_BACKEND=immediate runs everything in the
# calling process instead, as the tests do unless they test the worker.
TASKS = {
    "default": {
        "BACKEND": "health_content.task_backends.DatabaseBackend",
        "OPTIONS": {"IMMEDIATE_TASKS": ["wagtail.tasks.update_reference_index_task"]},
    },
    "immediate": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}
if os.environ.get("TASKS_BACKEND", "").strip().lower() == "immediate":
    TASKS["default"] = TASKS["immediate"]

# The read API (blog/api.py): anonymous requests per client address, and how long
# shared caches may keep a response (clients revalidate with the ETag after that).
HEALTH_API_ANON_RATE = os.environ.get("HEALTH_API_ANON_RATE", "120/minute")
HEALTH_API_CACHE_SECONDS = int(os.environ.get("HEALTH_API_CACHE_SECONDS", "60"))
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}

# Sign-in throttling (health_content/sign_in.py): 5 wrong passwords for one account
# from one address lock that pair out for 15 minutes; page passwords likewise.
AUTHENTICATION_BACKENDS = [
    "health_content.sign_in.RequestAxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Lockouts are logged; the start-up banner on every process is not.
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "health_content/admin/sign_in_locked.html"
# Behind a proxy, set AXES_IPWARE_PROXY_COUNT so the client's address is read from
# X-Forwarded-For rather than the proxy's.
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("AXES_IPWARE_PROXY_COUNT", "0")) or None

# Content-Security-Policy for the reader site and the admin (django-csp). Wagtail's
# admin sets inline style attributes, hence 'unsafe-inline' for styles only; no
# inline or third-party script runs anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
}
# The admin's avatars come from this site only (no Gravatar requests leaving it).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

# Media on local disk, or in an S3-compatible bucket with MEDIA_STORAGE=s3 (settings/media.py).
_media_storage, MEDIA_ORIGIN = media_storage(os.environ)
STORAGES = {
    "default": _media_storage,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if MEDIA_ORIGIN:
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(MEDIA_ORIGIN)
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["media-src"] = ["'self'", MEDIA_ORIGIN]
# Documents always go through Django, which checks collection and page privacy,
# never by a redirect to the storage's URL.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Health blog <noreply@localhost>")

# Complex article pages post many StreamField inputs at once.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Health blog")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Images and documents shown in live articles keep their files (health_content.protection).
WAGTAILIMAGES_IMAGE_FORM_BASE = "health_content.protection.ProtectedImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "health_content.protection.ProtectedDocumentForm"
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_DATE_FORMAT = "%Y-%m-%d"

# Medical review workflow (see health_content/publish_gate.py).
# Approving the last task publishes the revision the reviewer signed off, never
# simply the latest one; edits during review need the earlier steps again.
WAGTAIL_FINISH_WORKFLOW_ACTION = "health_content.workflow.publish_signed_off_revision"
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH = True
# Autosave off: Wagtail's autosave can answer after an explicit "Save draft" and
# make older content the latest revision (its conflict check and its save are not
# one transaction), which is then what gets reviewed. See docs/autosave.md.
WAGTAIL_AUTOSAVE_INTERVAL = 0
HEALTH_REVIEW_INTERVAL_MONTHS = int(os.environ.get("HEALTH_REVIEW_INTERVAL_MONTHS", "12"))
HEALTH_REVIEW_DUE_SOON_DAYS = 30

# Page cache ----------------------------------------------------------------------
# Anonymous full-page cache for reader pages (blog/cache.py): stored in the
# PAGE_CACHE_ALIAS cache (local memory, or Redis with REDIS_URL), invalidated site-wide
# when anything readers see is published, unpublished, moved, deleted or edited.
# Off here (development: edits show at once; tests: no page leaks between tests);
# production.py turns it on. PAGE_CACHE=off|on overrides either.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", False)
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# With a process-local cache the invalidation token lives in files in this directory
# so every process on the host sees it, whatever OS user it runs as (default: a
# directory in the temp directory; see blog.cache._FileVersions).
PAGE_CACHE_GENERATION_DIR = os.environ.get("PAGE_CACHE_GENERATION_DIR") or None
# Cache-Control sent with cacheable anonymous pages, e.g. "public, max-age=60, s-maxage=600"
# when a CDN sits in front; empty sends none.
PAGE_CACHE_CONTROL = os.environ.get("PAGE_CACHE_CONTROL", "")
# Rendered article fragments are cached per live revision (blog.cache.article_revision_cache_key),
# and anonymous requests' Site and page routes per URL (blog/routing.py); both follow
# the page cache's invalidation and are off with DEBUG.
ARTICLE_BODY_CACHE = env_bool("ARTICLE_BODY_CACHE", True)
ROUTE_CACHE = env_bool("ROUTE_CACHE", True)

# Front-end cache (CDN) ---------------------------------------------------------------
# wagtail.contrib.frontend_cache purges a CDN when pages are published; blog/cache.py
# also purges the pages that list an article. No backend unless FRONTEND_CACHE is set:
#   FRONTEND_CACHE=cloudflare  CLOUDFLARE_BEARER_TOKEN=... CLOUDFLARE_ZONE_ID=...
#   FRONTEND_CACHE=cloudfront  CLOUDFRONT_DISTRIBUTION_ID=...   (boto3 and AWS credentials)
#   FRONTEND_CACHE=http        FRONTEND_CACHE_LOCATION=http://varnish:8000 (Varnish, nginx...)
# Pair it with PAGE_CACHE_CONTROL so the CDN may keep pages.
_frontend_cache = os.environ.get("FRONTEND_CACHE", "").strip().lower()
if _frontend_cache == "cloudflare":
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
            "ZONEID": os.environ.get("CLOUDFLARE_ZONE_ID", ""),
        }
    }
elif _frontend_cache == "cloudfront":
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": os.environ.get("CLOUDFRONT_DISTRIBUTION_ID", ""),
        }
    }
elif _frontend_cache == "http":
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ.get("FRONTEND_CACHE_LOCATION", ""),
        }
    }
elif _frontend_cache:
    raise ImproperlyConfigured("FRONTEND_CACHE must be cloudflare, cloudfront or http.")
