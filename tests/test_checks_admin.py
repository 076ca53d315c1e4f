"""The content-checks endpoints (the server's findings for a page, for the editor's Checks panel).

The dashboard panel reads the worker's stored runs; the worker itself is run in
tests/test_tasks.py.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text, streamfield

from health_content.dashboard import review_panels
from health_content.models import ContentCheckRun
from tests.admin_forms import article_post_data
from tests.factories import (
    PASSWORD,
    default_disclaimer,
    make_article,
    make_editor,
    make_reviewer,
    make_user,
    make_writer,
)

pytestmark = pytest.mark.django_db


def flagged_body(text="<p>This cures gout. 40% do.</p>"):
    return [
        ("section", {"heading": "About", "anchor": "", "body": text}),
        ("disclaimer", {"disclaimer": default_disclaimer()}),
    ]


@pytest.fixture
def flagged(blog_index):
    writer = make_writer()
    return make_article(blog_index, title="Flagged", body=flagged_body(), owner=writer), writer


def get_findings(client, user, page, name="health_content_content_checks"):
    if user is not None:
        client.login(username=user.username, password=PASSWORD)
    return client.get(reverse(name, args=[page.pk]))


def test_the_endpoint_returns_the_latest_revisions_findings(client, flagged):
    page, writer = flagged
    response = get_findings(client, writer, page)
    data = response.json()
    assert response.status_code == 200
    assert data["source"] == "revision"
    assert data["revision"] == page.get_latest_revision().pk
    assert data["checked_at"] is None  # no stored run: checked in the request
    assert data["blocking"] == 1 and data["warnings"] == 1
    assert {f["check"] for f in data["findings"]} == {"absolute-claim", "uncited-statistic"}
    assert data["findings"][0]["path"] == "body.0.body"
    assert data["findings"][0]["excerpt"] == "This cures gout. 40% do."


def test_the_endpoint_serves_the_stored_run_of_the_latest_revision(client, flagged):
    page, writer = flagged
    run = ContentCheckRun.objects.record(page.get_latest_revision())
    # A stored run is served as stored, not recomputed (here: made to differ on purpose).
    run.findings = run.findings[:1]
    run.blocking, run.warnings = 1, 0
    run.save()
    data = get_findings(client, writer, page).json()
    assert data["checked_at"] == run.checked_at.isoformat()
    assert (data["blocking"], data["warnings"]) == (1, 0)
    assert [f["check"] for f in data["findings"]] == ["absolute-claim"]


@pytest.mark.parametrize(
    "name", ["health_content_content_checks", "health_content_content_checks_preview"]
)
@pytest.mark.parametrize(
    ("role", "allowed"),
    [("owner", True), ("other writer", True), ("editor", True), ("reviewer", False)],
)
def test_only_users_who_may_edit_the_page_get_findings(client, flagged, name, role, allowed):
    page, owner = flagged
    user = {
        "owner": owner,
        "other writer": make_writer("writer2"),
        "editor": make_editor(),
        "reviewer": make_reviewer(),
    }[role]
    # Writers and editors may edit any article of the section (health_content.roles);
    # a medical reviewer may not edit a draft.
    assert page.permissions_for_user(user).can_edit() is allowed
    response = get_findings(client, user, page, name)
    if allowed:
        assert response.status_code == 200
        assert response.json()["blocking"] == 1
    else:
        # The JSON endpoint answers 403; the preview one, Wagtail's preview view, redirects.
        assert response.status_code in (302, 403)
        assert b"cures gout" not in response.content


@pytest.mark.parametrize(
    "name", ["health_content_content_checks", "health_content_content_checks_preview"]
)
def test_anonymous_users_and_users_without_admin_access_get_no_findings(client, flagged, name):
    page, _ = flagged
    response = get_findings(client, None, page, name)
    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_login"))
    response = get_findings(client, make_user("no-admin-access"), page, name)
    assert response.status_code in (302, 403)
    assert b"cures gout" not in response.content


def test_the_preview_endpoint_checks_what_the_preview_shows(client, flagged):
    """Unsaved edits, as the preview panel posted them, not the saved revision."""
    page, writer = flagged
    client.login(username=writer.username, password=PASSWORD)
    section = {
        "heading": "About",
        "anchor": "",
        "body": rich_text("<p>Lyrica &lt;script&gt; helps. 3 in 4 people improve.</p>"),
    }
    body = [("section", section), ("disclaimer", {"disclaimer": default_disclaimer().pk})]
    data = article_post_data(page, body=streamfield(body))
    preview = client.post(reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]), data)
    assert preview.json() == {"is_valid": True, "is_available": True}

    found = get_findings(client, None, page, "health_content_content_checks_preview").json()
    assert found["source"] == "preview"
    assert {f["check"] for f in found["findings"]} >= {"promotional-content", "uncited-statistic"}
    assert "absolute-claim" not in {f["check"] for f in found["findings"]}
    # Text stays text: the JSON carries it unrendered, the panel sets it as textContent.
    assert any("<script>" in f["excerpt"] for f in found["findings"])
    # Nothing was saved: the revision still says what it said.
    saved = get_findings(client, None, page).json()
    assert "absolute-claim" in {f["check"] for f in saved["findings"]}


def test_without_a_preview_the_preview_endpoint_answers_the_latest_revision(client, flagged):
    page, writer = flagged
    found = get_findings(client, writer, page, "health_content_content_checks_preview").json()
    assert found["source"] == "revision"
    assert found["revision"] == page.get_latest_revision().pk
    assert {f["check"] for f in found["findings"]} == {"absolute-claim", "uncited-statistic"}


def test_the_dashboard_panel_reads_stored_runs_in_a_fixed_number_of_queries(blog_index):
    writer = make_writer()

    def add_drafts(first, count):
        for number in range(first, first + count):
            page = make_article(
                blog_index, title=f"Draft {number}", body=flagged_body(), owner=writer
            )
            ContentCheckRun.objects.record(page.get_latest_revision())
        make_article(blog_index, title=f"Not checked {first}", body=flagged_body(), owner=writer)

    def render():
        user = type(writer).objects.get(pk=writer.pk)  # as each request loads it
        (panel,) = [panel for panel in review_panels(user) if panel.name == "content_checks"]
        with CaptureQueriesContext(connection) as queries:
            html = panel.render_html({})
        return html, len(queries)

    add_drafts(0, 2)
    html, few = render()
    assert html.count("<td data-blocking>1</td>") == 2 and html.count("data-not-checked") == 1
    add_drafts(2, 4)
    html, more = render()
    assert html.count("<td data-blocking>1</td>") == 6 and html.count("data-not-checked") == 2
    # Whatever the number of drafts: the user's page permissions, then one query per
    # gated page type; no check runs in the request.
    assert few == more == 2
