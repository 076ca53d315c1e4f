"""The content-checks endpoint (the server's findings for a page) and the dashboard counts."""

import pytest
from django.urls import reverse

from tests.factories import PASSWORD, default_disclaimer, make_article, make_user, make_writer

pytestmark = pytest.mark.django_db


@pytest.fixture
def flagged(blog_index):
    writer = make_writer()
    body = [
        ("section", {"heading": "About", "anchor": "", "body": "<p>This cures gout. 40% do.</p>"}),
        ("disclaimer", {"disclaimer": default_disclaimer()}),
    ]
    return make_article(blog_index, title="Flagged", body=body, owner=writer), writer


def test_the_endpoint_returns_the_latest_revisions_findings(client, flagged):
    page, writer = flagged
    client.login(username=writer.username, password=PASSWORD)
    response = client.get(reverse("health_content_content_checks", args=[page.pk]))
    data = response.json()
    assert response.status_code == 200
    assert data["blocking"] == 1 and data["warnings"] == 1
    assert {f["check"] for f in data["findings"]} == {"absolute-claim", "uncited-statistic"}
    assert data["findings"][0]["path"] == "body.0.body"


def test_the_endpoint_needs_edit_permission(client, flagged):
    page, _ = flagged
    other = make_user("no-admin-access")
    client.login(username=other.username, password=PASSWORD)
    response = client.get(reverse("health_content_content_checks", args=[page.pk]))
    assert response.status_code in (403, 302)
    client.logout()
    response = client.get(reverse("health_content_content_checks", args=[page.pk]))
    assert response.status_code == 302


def test_the_dashboard_counts_findings_per_draft(client, flagged):
    _, writer = flagged
    client.login(username=writer.username, password=PASSWORD)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Content checks on drafts" in html
    assert "Flagged" in html
    assert "<td data-blocking>1</td>" in html and "<td data-warnings>1</td>" in html
