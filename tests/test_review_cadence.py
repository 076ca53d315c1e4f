"""Review cadence: due dates, the overdue notice, the admin report, dashboards and reminders."""

import csv
import datetime
import io
from zoneinfo import ZoneInfo

import openpyxl
import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from health_content.cadence import add_months, interval_months, review_status
from health_content.models import SignOff
from health_content.publish_gate import latest_sign_off
from health_content.roles import EDITORS
from tests.factories import (
    PASSWORD,
    act,
    make_article,
    make_editor,
    make_reviewer,
    make_user,
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


def make_overdue(page):
    """Pretend the article was signed off and published a month more than its interval ago."""
    today = timezone.localdate()
    signed = add_months(today, -(interval_months(page) + 1))
    when = timezone.now() - datetime.timedelta(days=(today - signed).days)
    SignOff.objects.filter(page=page).update(signed_at=when)
    type(page).objects.filter(pk=page.pk).update(last_published_at=when, first_published_at=when)
    return refreshed(page)


@pytest.mark.parametrize(
    ("start", "months", "due"),
    [
        ((2027, 1, 31), 1, (2027, 2, 28)),  # 31 January plus a month: end of February
        ((2028, 1, 31), 1, (2028, 2, 29)),  # ... in a leap year
        ((2028, 2, 29), 12, (2029, 2, 28)),  # 29 February plus a year
        ((2028, 2, 29), 48, (2032, 2, 29)),  # ... plus four years: a leap day again
        ((2027, 8, 31), 1, (2027, 9, 30)),  # a 31-day month into a 30-day one
        ((2027, 3, 31), 11, (2028, 2, 29)),
        ((2026, 12, 31), 1, (2027, 1, 31)),  # year end
        ((2026, 12, 2), 1, (2027, 1, 2)),  # the date that once turned CI red
        ((2026, 11, 21), 12, (2027, 11, 21)),
        ((2026, 10, 31), 120, (2036, 10, 31)),
        ((2027, 3, 31), -1, (2027, 2, 28)),  # backwards, as tests use it
    ],
)
def test_add_months_clamps_to_month_end(start, months, due):
    assert add_months(datetime.date(*start), months) == datetime.date(*due)


def test_next_review_due_uses_setting_and_per_article_override(blog_index, newsroom, settings):
    settings.HEALTH_REVIEW_INTERVAL_MONTHS = 18
    default = review_status(live(blog_index, newsroom, "Default interval"))
    assert default.next_review_due == add_months(default.last_reviewed, 18)
    short = review_status(live(blog_index, newsroom, "Short interval", review_interval_months=6))
    assert short.next_review_due == add_months(short.last_reviewed, 6)


def test_overdue_article_stays_live_and_tells_readers(client, blog_index, newsroom):
    page = make_overdue(live(blog_index, newsroom))
    status = review_status(page)
    assert status.is_overdue()
    response = client.get(page.url)
    assert response.status_code == 200
    assert b"Due for review" in response.content
    fresh = live(blog_index, newsroom, "Fresh")
    assert b"Due for review" not in client.get(fresh.url).content


def test_overdue_notice_says_a_review_is_running_only_when_one_is(client, blog_index, newsroom):
    signed = datetime.datetime(2027, 3, 10, 12, tzinfo=timezone.get_current_timezone())
    with time_machine.travel(signed, tick=False):
        page = live(blog_index, newsroom)
    due = review_status(page).next_review_due
    checking = b"being checked again by our medical reviewers"
    with time_machine.travel(signed + datetime.timedelta(days=(due - signed.date()).days + 1)):
        html = client.get(page.url).content
        assert b"Due for review" in html and b"passed its scheduled review date" in html
        assert checking not in html

        running = submit(page, newsroom["editor"])
        html = client.get(page.url).content
        assert checking in html and b"passed its scheduled review date" not in html

        running.current_workflow_state.cancel(user=newsroom["editor"])
        html = client.get(page.url).content
        assert checking not in html and b"passed its scheduled review date" in html


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
        password=PASSWORD,
    )
    html = client.get(page.url).content.decode()
    assert "Dr Reviewer, MD" in html
    assert "Dr Second, RD" not in html
    # Every path to "which sign-off covers the live content" gives the same answer.
    first, newer = SignOff.objects.filter(page=page).order_by("signed_at")
    assert latest_sign_off(page) == newer
    assert SignOff.objects.covering(page) == first
    assert SignOff.objects.covering_live_content().get(page=page) == first
    articles = type(page).objects.filter(pk=page.pk)
    assert articles.get().covering_sign_off == first  # from the loaded history
    assert articles.for_listing().get().covering_sign_off == first  # prefetched


def admin_client(client, user):
    client.login(username=user.username, password=PASSWORD)
    return client


def live_due_in(blog_index, newsroom, days, title):
    """A live article whose next review falls `days` from today, whatever today is.

    Signed off (with the clock moved back) exactly one review interval before that date.
    """
    due = timezone.localdate() + datetime.timedelta(days=days)
    signed = add_months(due, -1)
    noon = datetime.datetime.combine(
        signed, datetime.time(12), tzinfo=timezone.get_current_timezone()
    )
    with time_machine.travel(noon):
        page = live(blog_index, newsroom, title, review_interval_months=1)
    assert review_status(page).next_review_due == due
    return page


@pytest.mark.parametrize(
    ("role", "allowed"), [("writer", False), ("editor", True), ("reviewer", True)]
)
def test_reviews_due_report_per_role(client, blog_index, newsroom, settings, role, allowed):
    page = make_overdue(live(blog_index, newsroom, "Overdue one"))
    live_due_in(blog_index, newsroom, settings.HEALTH_REVIEW_DUE_SOON_DAYS, "Due soon")
    live_due_in(blog_index, newsroom, settings.HEALTH_REVIEW_DUE_SOON_DAYS + 1, "Due later")
    response = admin_client(client, newsroom[role]).get(reverse("health_content_reviews_due:index"))
    if not allowed:
        # A clear refusal in the admin, not a redirect to a sign-in page.
        assert response.status_code == 403
        html = response.content.decode()
        assert "You do not have access to this page" in html
        assert "editors and medical reviewers" in html
        assert page.title not in html
        return
    html = response.content.decode()
    assert response.status_code == 200
    days = settings.HEALTH_REVIEW_DUE_SOON_DAYS
    overdue, due_soon = html.split(f"Due within {days} days", 1)
    assert page.title in overdue
    assert "Due soon" in due_soon
    assert "Due later" not in html


def signed_off_at_three_intervals(blog_index, newsroom):
    """Three articles signed off on 15 January 2027, due 15 February, 15 March and 15 July."""
    with time_machine.travel(at(datetime.date(2027, 1, 15)), tick=False):
        for title, months in (("Overdue one", 1), ("Due soon", 2), ("Due later", 6)):
            live(blog_index, newsroom, title, review_interval_months=months)


REPORT_HEADINGS = ["Status", "Article", "Last reviewed by", "Last reviewed", "Next review due"]


def test_reviews_due_report_exports_its_rows_as_csv_and_xlsx(client, blog_index, newsroom):
    signed_off_at_three_intervals(blog_index, newsroom)
    url = reverse("health_content_reviews_due:index")
    with time_machine.travel(at(datetime.date(2027, 3, 1)), tick=False):
        client.force_login(newsroom["editor"])
        response = client.get(url, {"export": "csv"})
        assert response.status_code == 200
        assert response["Content-Type"] == "text/csv"
        text = b"".join(response.streaming_content).decode()
        workbook = client.get(url, {"export": "xlsx"})
        assert workbook.status_code == 200
        sheet = openpyxl.load_workbook(io.BytesIO(b"".join(workbook.streaming_content))).active
    assert list(csv.reader(io.StringIO(text))) == [
        REPORT_HEADINGS,
        ["Overdue", "Overdue one", "Dr Reviewer, MD", "2027-01-15", "2027-02-15"],
        ["Due within 30 days", "Due soon", "Dr Reviewer, MD", "2027-01-15", "2027-03-15"],
    ]
    jan15, feb15, mar15 = (datetime.date(2027, month, 15) for month in (1, 2, 3))
    assert [list(row) for row in sheet.iter_rows(values_only=True)] == [
        REPORT_HEADINGS,
        ["Overdue", "Overdue one", "Dr Reviewer, MD", jan15, feb15],
        ["Due within 30 days", "Due soon", "Dr Reviewer, MD", jan15, mar15],
    ]


@pytest.mark.parametrize("view", ["index", "results"])
def test_writer_gets_no_rows_from_the_reviews_due_report(client, blog_index, newsroom, view):
    signed_off_at_three_intervals(blog_index, newsroom)
    with time_machine.travel(at(datetime.date(2027, 3, 1)), tick=False):
        client.force_login(newsroom["writer"])
        for export in ("csv", "xlsx"):
            response = client.get(reverse(f"health_content_reviews_due:{view}"), {"export": export})
            assert response.status_code == 403
            assert b"Overdue one" not in response.content
            assert b"editors and medical reviewers" in response.content


def test_reviews_due_report_escapes_article_titles(client, blog_index, newsroom):
    page = make_overdue(live(blog_index, newsroom, "<b>Bold</b> & co"))
    html = (
        admin_client(client, newsroom["editor"])
        .get(reverse("health_content_reviews_due:index"))
        .content.decode()
    )
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; co" in html and "<b>Bold</b>" not in html
    assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in html


@pytest.mark.parametrize(
    ("role", "shown"), [("writer", False), ("editor", True), ("reviewer", True)]
)
def test_reviews_due_menu_item_only_for_followers(client, blog_index, newsroom, role, shown):
    # Nothing is due, so the dashboard panel (which also links to the report) stays hidden.
    live(blog_index, newsroom, "Not due")
    html = admin_client(client, newsroom[role]).get("/admin/").content.decode()
    assert (reverse("health_content_reviews_due:index") in html) == shown

    if shown:
        report = client.get(reverse("health_content_reviews_due:index")).content.decode()
        assert "No live article is overdue for review or due within 30 days." in report
        assert "Not due" not in report


def test_dashboard_shows_reviews_due_to_editors(client, blog_index, newsroom):
    make_overdue(live(blog_index, newsroom, "Overdue one"))
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
    make_overdue(live(blog_index, newsroom, "Overdue one"))
    live(blog_index, newsroom, "Not due")
    mail.outbox.clear()  # workflow notifications sent while publishing
    call_command("send_review_reminders")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Medical review is overdue: Overdue one"
    assert set(mail.outbox[0].to) == {"editor@example.com", "reviewer@example.com"}
    call_command("send_review_reminders")  # cron runs it again the next day
    assert len(mail.outbox) == 1


def test_reminders_go_to_exactly_those_who_see_the_reviews_due_report(client, blog_index, newsroom):
    make_overdue(live(blog_index, newsroom, "Overdue one"))
    boss = make_user("boss", superuser=True)
    make_user("retired", EDITORS, is_active=False)
    mail.outbox.clear()
    call_command("send_review_reminders")
    recipients = set(mail.outbox[0].to)
    assert recipients == {"editor@example.com", "reviewer@example.com", "boss@example.com"}
    for user in (boss, newsroom["editor"], newsroom["reviewer"], newsroom["writer"]):
        client.force_login(user)
        response = client.get(reverse("health_content_reviews_due:index"))
        assert (response.status_code == 200) == (user.email in recipients), user.username
    call_command("send_review_reminders")  # cron runs it again the next day
    assert len(mail.outbox) == 1


def at(day, hour=12, minute=0, tz=None):
    """An aware datetime at `day` (a date) and local time in `tz` (default: the current zone)."""
    tz = tz or timezone.get_current_timezone()
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=tz)


@pytest.mark.parametrize(
    ("signed", "interval"),
    [
        (datetime.date(2027, 1, 31), 1),
        (datetime.date(2028, 1, 31), 1),
        (datetime.date(2028, 2, 29), 12),
        (datetime.date(2027, 4, 30), 10),
        (datetime.date(2027, 12, 31), 1),
        (datetime.date(2027, 12, 31), None),
    ],
)
def test_cadence_through_review_at_calendar_edges(blog_index, newsroom, settings, signed, interval):
    """Sign off on an edge date; the due date, "due soon" and "overdue" follow the calendar."""
    months = interval or settings.HEALTH_REVIEW_INTERVAL_MONTHS
    with time_machine.travel(at(signed), tick=False):
        page = live(blog_index, newsroom, review_interval_months=interval)
    status = review_status(page)
    due = add_months(signed, months)
    assert (status.last_reviewed, status.next_review_due) == (signed, due)
    window = datetime.timedelta(days=settings.HEALTH_REVIEW_DUE_SOON_DAYS)
    one_day = datetime.timedelta(days=1)
    expectations = [
        (due - window - one_day, False, False),
        (due - window, True, False),
        (due, True, False),
        (due + one_day, False, True),
    ]
    for today, due_soon, overdue in expectations:
        with time_machine.travel(at(today), tick=False):
            assert (status.is_due_soon(), status.is_overdue()) == (due_soon, overdue), today


@pytest.mark.parametrize(
    ("local_time", "expected_date"),
    [
        # Late on the day clocks go back (UTC is already the next day).
        (at(datetime.date(2027, 11, 7), 23, 30, ZoneInfo("America/New_York")), (2027, 11, 7)),
        # Just after clocks go forward.
        (at(datetime.date(2027, 3, 14), 3, 5, ZoneInfo("America/New_York")), (2027, 3, 14)),
        # Just before midnight on the last day of the year, an hour ahead of UTC.
        (at(datetime.date(2027, 12, 31), 23, 45, ZoneInfo("Europe/Paris")), (2027, 12, 31)),
    ],
)
def test_review_dates_are_local_dates_across_dst_and_year_end(
    blog_index, newsroom, settings, local_time, expected_date
):
    settings.TIME_ZONE = str(local_time.tzinfo)
    with time_machine.travel(local_time, tick=False):
        page = live(blog_index, newsroom)
        status = review_status(page)
        signed = datetime.date(*expected_date)
        assert status.last_reviewed == signed
        assert status.next_review_due == add_months(signed, settings.HEALTH_REVIEW_INTERVAL_MONTHS)
        assert not status.is_overdue() and not status.is_due_soon()
