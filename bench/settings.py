"""Production settings plus the bench-only URL of a bare 5 KB view (see bench/urls.py).

Everything else is health_content.settings.production, configured from the
environment by bench/run.py (SECRET_KEY, DATABASE_URL, ALLOWED_HOSTS, PAGE_CACHE...).
"""

import os

from health_content.settings.production import *  # noqa: F403
from health_content.settings.production import DATABASES, WAGTAILSEARCH_BACKENDS

ROOT_URLCONF = "bench.urls"

# The seeding process indexes everything at the end with update_index instead of
# once per save (BENCH_SEARCH_AUTO_UPDATE=off); served pages keep auto-update on.
if os.environ.get("BENCH_SEARCH_AUTO_UPDATE") == "off":
    WAGTAILSEARCH_BACKENDS["default"]["AUTO_UPDATE"] = False

# bench/newsroom.py --sqlite-defaults: SQLite as Django configures it out of the box
# (rollback journal, 5 s timeout, deferred transactions), to compare with ours.
if os.environ.get("BENCH_SQLITE_DEFAULTS") == "on" and "sqlite" in DATABASES["default"]["ENGINE"]:
    DATABASES["default"]["OPTIONS"] = {}
