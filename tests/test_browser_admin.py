import pytest
from django.contrib.auth import get_user_model

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_admin_login_shows_dashboard(live_server, site_tree, page):
    get_user_model().objects.create_superuser("boss", "boss@example.com", "a-long-test-password")
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", "boss")
    page.fill("input[name=password]", "a-long-test-password")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    assert page.title().startswith("Dashboard")
    assert page.get_by_role("heading", name="Site summary").is_visible()
