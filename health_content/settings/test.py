"""Test runs: fast password hashing, in-memory email, local static files."""

import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "test-only-insecure-key"  # noqa: S105
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["*"]
WAGTAILADMIN_BASE_URL = "http://testserver"
# Each test process gets its own media directory so uploads never touch the
# developer's files.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="health-blog-media-"))  # noqa: F405
# Serve static files straight from the source folders; tests never run collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Background tasks run in the test's own process and transaction; the tests of the
# worker (tests/test_tasks.py) switch back to the database backend.
TASKS = {**TASKS, "default": TASKS["immediate"]}  # noqa: F405
# Keeping the search index up to date on every save costs about a tenth of the
# suite's time: it is off here, and the tests of search (marked search_index, see
# tests/conftest.py) turn it back on.
WAGTAILSEARCH_BACKENDS = {
    "default": {**WAGTAILSEARCH_BACKENDS["default"], "AUTO_UPDATE": False}  # noqa: F405
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, as in production, not SQLite's in-memory default: live-server tests
    # serve requests on several threads, each with its own connection, and a shared
    # in-memory database locks whole tables and fails them at once ("database table
    # is locked") where a file in WAL mode makes them wait (the busy timeout).
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(Path(tempfile.mkdtemp(prefix="health-blog-db-")) / "test.sqlite3")  # noqa: F405
    }
