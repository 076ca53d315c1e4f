import json
import os
from decimal import Decimal
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from wagtail.models import Page, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from blog.site_tree import ensure_site_tree
from tests.reader_factories import Cast

AXE = Path(__file__).parent / "js" / "node_modules" / "axe-core" / "axe.min.js"


def pytest_configure(config):
    # Playwright's sync API runs an event loop in the test thread; Django's ORM
    # refuses sync calls there unless told this is intended.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def fresh_caches():
    """Empty every cache before each test.

    The local-memory cache outlives each test's database transaction, and SQLite
    reuses primary keys after a rollback: without this, Wagtail's rendition cache,
    the routing cache and the article fragment cache could serve one test what
    another test stored under the same ids and URLs.
    """
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def cached(settings, tmp_path):
    """The page cache on (off by default outside production), with its own generation files."""
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_GENERATION_DIR = str(tmp_path / "generation")
    return settings


@pytest.fixture(autouse=True)
def search_index(request, settings):
    """Turn the search index's updates back on for tests marked ``search_index``
    (the test settings turn them off, for speed)."""
    if request.node.get_closest_marker("search_index"):
        backend = {**settings.WAGTAILSEARCH_BACKENDS["default"], "AUTO_UPDATE": True}
        settings.WAGTAILSEARCH_BACKENDS = {"default": backend}


@pytest.fixture(autouse=True)
def reference_index(request):
    """Keep Wagtail's reference index only in tests marked ``reference_index``.

    Every save of a page, snippet or image re-indexes what it refers to, about a
    tenth of a workflow-heavy test's time; only the edit protection of signed content and the
    purge of pages that show a changed snippet read the index.
    """
    if request.node.get_closest_marker("reference_index"):
        yield
        return
    with disable_reference_index_auto_update():
        yield


@pytest.fixture
def site_tree(db, django_db_setup):
    """The home page and blog index, as `load_demo` creates them."""
    restore_migrated_data(django_db_setup)
    home, blog_index = ensure_site_tree()
    return home, blog_index


@pytest.fixture
def fresh_install(site_tree):
    """The site as `migrate` leaves it, for tests of what a new installation runs
    (`load_demo`): Wagtail's placeholder page under the root and the default Site on
    it, in place of the site tree the test database is built with."""
    root = Page.get_first_root_node()
    for child in root.get_children():
        child.delete()
    placeholder = root.add_child(
        instance=Page(title="Welcome to your new Wagtail site!", slug="home")
    )
    Site.objects.create(hostname="localhost", port=80, root_page=placeholder, is_default_site=True)


@pytest.fixture
def home(site_tree):
    return site_tree[0]


@pytest.fixture
def blog_index(site_tree):
    return site_tree[1]


@pytest.fixture
def cast(db):
    """The people and reference data a live article needs (tests.reader_factories.Cast)."""
    return Cast()


@pytest.fixture
def b12(db):
    """Vitamin B12 reference data: DV 2.4 mcg (FDA), the DESIGN.md example nutrient."""
    from health_content.models import NutrientReference

    return NutrientReference.objects.create(
        name="Vitamin B12",
        unit="mcg",
        daily_value=Decimal("2.4"),
        dv_basis="The DV for vitamin B12 is 2.4 mcg for adults and children age 4 years and older.",
        source="U.S. Food and Drug Administration",
        source_url="https://www.fda.gov/food/nutrition-facts-label/daily-value-nutrition-facts-label",
    )


@pytest.fixture
def axe_source():
    """axe-core's source, to inject into pages (tests/js/node_modules, from `make install`)."""
    if not AXE.exists():
        message = f"axe-core not found at {AXE}; run `make install` (npm ci --prefix tests/js)."
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    return AXE.read_text()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    from tests.browser import launch_chromium

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    browser_page = context.new_page()
    # Generous: CI machines are shared, and a submit runs full validation and a publish.
    browser_page.set_default_timeout(30_000)
    yield browser_page
    context.close()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test database with the site tree, plus a copy of it.

    Runs before any test touches the database, so the copy holds exactly what data
    migrations installed (root page, roles, review workflow) and the home page and
    blog index every installation gets (`ensure_site_tree`, as `load_demo` runs it);
    see `migrated_data`. Built once here, not in every test: replacing Wagtail's
    placeholder page and adding two pages cost about an eighth of a workflow-heavy
    test's time.
    """
    with django_db_blocker.unblock():
        ensure_site_tree()
        return connection.creation.serialize_db_to_string()


def restore_migrated_data(copy):
    """Put back `copy` (the database as `django_db_setup` left it) if a flush removed it.

    Every transactional test ends by flushing all tables, which also removes the
    migrated data and the site tree; pytest-django's serialized_rollback does not
    restore them once Playwright has run (pytest-django issue #1117). pytest-django
    runs transactional tests last, but with --dist worksteal a worker may take one
    from another worker's queue and then run ordinary database tests after it. In
    an ordinary test the restore is rolled back with the test, as its other writes.
    """
    if Page.objects.filter(depth=1).exists():
        return
    if connection.in_atomic_block:
        # PostgreSQL refuses to empty a table with deferred foreign-key checks still
        # pending in the transaction: run them now.
        connection.check_constraints()
    # That flush re-created content types and permissions (post_migrate) under new
    # ids: empty the tables again without that, then load the copy.
    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    # Wagtail's Page and Task constructors look up their content type, creating it
    # when it is missing, before the copy's own row for it is loaded: load the
    # content types first, or the copy's row then clashes with the created one.
    ContentType.objects.clear_cache()
    content_types = [row for row in json.loads(copy) if row["model"] == "contenttypes.contenttype"]
    for content_type in serializers.deserialize("python", content_types):
        content_type.save()
    connection.creation.deserialize_db_from_string(copy)
    # PostgreSQL sequences restarted at 1 with the flush: move them past the loaded rows.
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
            cursor.execute(statement)
    ContentType.objects.clear_cache()


@pytest.fixture
def migrated_data(transactional_db, django_db_setup):
    """For transactional tests that need what data migrations installed (roles, the
    review workflow) without asking for `site_tree`; see `restore_migrated_data`."""
    restore_migrated_data(django_db_setup)
