import os

import pytest

from blog.site_tree import ensure_site_tree


def pytest_configure(config):
    # Playwright's sync API runs an event loop in the test thread; Django's ORM
    # refuses sync calls there unless told this is intended.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def site_tree(db):
    """The home page and blog index, as `load_demo` creates them."""
    home, blog_index = ensure_site_tree()
    return home, blog_index


@pytest.fixture
def home(site_tree):
    return site_tree[0]


@pytest.fixture
def blog_index(site_tree):
    return site_tree[1]


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
    browser_page.set_default_timeout(15_000)
    yield browser_page
    context.close()
