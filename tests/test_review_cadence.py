"""Review cadence: due dates, the overdue notice, the admin report, dashboards and reminders."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from health_content.cadence import add_months, review_status
from health_content.models import SignOff
from tests.factories import (
    PASSWORD,
    act,
    make_article,
    make_editor,
    make_reviewer,
    make_writer,
    publish_through_review,
    refreshed,
    submit,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsroom(db):
    return {"writer": make_writer(), "editor": make_editor(), "reviewer": make_reviewer()}


def live(blog_index, newsroom, title="Cadence", **fields):
    page = make_article(blog_index, title=title, owner=newsroom["writer"], **fields)
    return publish_through_review(
        page, newsroom["writer"], newsroom["editor"], newsroom["reviewer"]
    )


def backdate(page, days):
    """Pretend the article was signed off and published `days` ago."""
    when = timezone.now() - datetime.timedelta(days=days)
    SignOff.objects.filter(page=page).update(signed_at=when)
    type(page).objects.filter(pk=page.pk).update(last_published_at=when, first_published_at=when)
    return refreshed(page)


def test_add_months_clamps_to_month_end():
    assert add_months(datetime.date(2026, 1, 31), 1) == datetime.date(2026, 2, 28)
    assert add_months(datetime.date(2026, 11, 21), 12) == datetime.date(2027, 11, 21)
    assert add_months(datetime.date(2024, 2, 29), 12) == datetime.date(2025, 2, 28)


def test_next_review_due_uses_setting_and_per_article_override(blog_index, newsroom, settings):
    settings.HEALTH_REVIEW_INTERVAL_MONTHS = 12
    default = review_status(live(blog_index, newsroom, "Default interval"))
    assert default.next_review_due == add_months(default.last_reviewed, 12)
    short = review_status(live(blog_index, newsroom, "Short interval", review_interval_months=6))
    assert short.next_review_due == add_months(short.last_reviewed, 6)


def test_overdue_article_stays_live_and_tells_readers(client, blog_index, newsroom):
    page = backdate(live(blog_index, newsroom), days=400)
    status = review_status(page)
    assert status.is_overdue()
    response = client.get(page.url)
    assert response.status_code == 200
    assert b"Due for review" in response.content
    fresh = live(blog_index, newsroom, "Fresh")
    assert b"Due for review" not in client.get(fresh.url).content


def test_reader_sees_the_sign_off_covering_live_content_not_a_newer_draft(
    client, blog_index, newsroom
):
    page = live(blog_index, newsroom)
    second_reviewer = make_reviewer("second", credentials="RD")
    # A newer version, signed off with a go-live date in the future: not yet live.
    page.summary = "Pending change."
    page.go_live_at = timezone.now() + datetime.timedelta(days=3)
    page.save_revision(user=newsroom["writer"])
    page = act(submit(refreshed(page), newsroom["writer"]), newsroom["editor"], "approve")
    page = act(
        page,
        second_reviewer,
        "approve",
        claims_checked=True,
        doses_checked=True,
        disclaimer_appropriate=True,
    )
    html = client.get(page.url).content.decode()
    assert "Dr Reviewer, MD" in html
    assert "Dr Second, RD" not in html


def admin_client(client, user):
    client.login(username=user.username, password=PASSWORD)
    return client


@pytest.mark.parametrize(
    ("role", "allowed"), [("writer", False), ("editor", True), ("reviewer", True)]
)
def test_reviews_due_report_per_role(client, blog_index, newsroom, role, allowed):
    page = backdate(live(blog_index, newsroom, "Overdue one"), days=400)
    live(blog_index, newsroom, "Due soon", review_interval_months=1)
    response = admin_client(client, newsroom[role]).get(reverse("health_content_reviews_due"))
    if not allowed:
        assert response.status_code in (302, 403)
        return
    html = response.content.decode()
    assert response.status_code == 200
    overdue, due_soon = html.split("Due within 30 days", 1)
    assert page.title in overdue
    assert "Due soon" in due_soon


def test_dashboard_shows_reviews_due_to_editors(client, blog_index, newsroom):
    backdate(live(blog_index, newsroom, "Overdue one"), days=400)
    html = admin_client(client, newsroom["editor"]).get("/admin/").content.decode()
    assert "Medical reviews due" in html and "Overdue one" in html
    client.logout()
    html = admin_client(client, newsroom["writer"]).get("/admin/").content.decode()
    assert "Medical reviews due" not in html


def test_dashboard_shows_reviewer_what_awaits_them(client, blog_index, newsroom):
    page = make_article(blog_index, title="Awaiting sign-off", owner=newsroom["writer"])
    act(submit(page, newsroom["writer"]), newsroom["editor"], "approve")
    html = admin_client(client, newsroom["reviewer"]).get("/admin/").content.decode()
    assert "Awaiting your review" in html and "Awaiting sign-off" in html


def test_dashboard_shows_writer_requested_changes(client, blog_index, newsroom):
    page = make_article(blog_index, title="Sent back", owner=newsroom["writer"])
    page = act(submit(page, newsroom["writer"]), newsroom["editor"], "approve")
    act(page, newsroom["reviewer"], "reject", comment="Cite the 2020 guideline.")
    html = admin_client(client, newsroom["writer"]).get("/admin/").content.decode()
    assert "Changes requested on your articles" in html
    assert "Sent back" in html and "Cite the 2020 guideline." in html


def test_reminders_are_sent_once_per_due_date(blog_index, newsroom):
    backdate(live(blog_index, newsroom, "Overdue one"), days=400)
    live(blog_index, newsroom, "Not due")
    mail.outbox.clear()  # workflow notifications sent while publishing
    call_command("send_review_reminders")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Medical review is overdue: Overdue one"
    assert set(mail.outbox[0].to) == {"editor@example.com", "reviewer@example.com"}
    call_command("send_review_reminders")  # cron runs it again the next day
    assert len(mail.outbox) == 1
