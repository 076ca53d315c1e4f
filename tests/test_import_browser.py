"""A writer imports a pasted article through the admin and lands in the new draft's editor."""

from pathlib import Path

import pytest

from blog.models import ArticlePage
from tests.factories import PASSWORD, default_disclaimer, make_writer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FIXTURE = Path(__file__).parent / "fixtures" / "import" / "sample-b-shape.txt"


def test_writer_imports_a_file_and_sees_the_report_in_the_editor(
    live_server, migrated_data, site_tree, page
):
    default_disclaimer()
    writer = make_writer()

    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", writer.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")

    page.get_by_role("link", name="Import article").click()
    page.wait_for_url(f"{live_server.url}/admin/import-article/")
    page.set_input_files("input[name=file]", str(FIXTURE))
    page.get_by_role("button", name="Import as draft").click()

    page.wait_for_url(f"{live_server.url}/admin/pages/*/edit/")
    article = ArticlePage.objects.get()
    assert page.url == f"{live_server.url}/admin/pages/{article.pk}/edit/"
    assert not article.live
    messages = page.locator(".messages")
    assert messages.get_by_text(
        "Import report for “sample-b-shape.txt”: draft created."
    ).is_visible()
    assert messages.get_by_text("Import report, warnings (4):").is_visible()
    assert messages.get_by_text(
        "Subscribe to our newsletter for weekly heart-health tips!", exact=False
    ).is_visible()
    # The editor shows the imported title and the first section.
    assert page.locator("#id_title").input_value() == article.title
    assert page.get_by_text("Recognizing the Symptoms of Low Potassium").first.is_visible()
