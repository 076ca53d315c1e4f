"""Background tasks run for real: queued in the database, executed by `db_worker`.

Each test switches TASKS back to the database backend (the test settings run tasks
in-process), does what a user does, checks the work waits for the worker, runs
`manage.py db_worker --batch` (the command `make run` starts, here until the queue
is empty) and checks its effect.
"""

import http.server
import io
import signal
import threading

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.models import ReferenceIndex

from blog.search import search
from health_content.models import ContentCheckRun, ReviewReminder
from tests.factories import (
    PASSWORD,
    default_disclaimer,
    make_article,
    make_editor,
    make_reviewer,
    make_writer,
    publish_through_review,
)
from tests.reader_factories import edit_and_republish, live_article
from tests.test_review_cadence import make_overdue

# The worker is run against committed data, as in production.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {
        **settings.TASKS,
        "default": {
            "BACKEND": "health_content.task_backends.DatabaseBackend",
            "OPTIONS": {"IMMEDIATE_TASKS": ["wagtail.tasks.update_reference_index_task"]},
        },
    }
    return settings


@pytest.fixture
def run_worker():
    """Run `db_worker --batch` in this process; put back the signal handlers it installs."""
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}

    def run():
        call_command(
            "db_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval=0", verbosity=0
        )

    yield run
    for sig, handler in saved.items():
        signal.signal(sig, handler)


@pytest.fixture
def newsroom_cast(migrated_data, cast):
    return cast


@pytest.fixture
def blog_index_committed(migrated_data, site_tree):
    return site_tree[1]


def queued(task_name):
    return DBTaskResult.objects.filter(
        task_path__endswith=task_name, status=TaskResultStatus.READY
    ).count()


def test_the_worker_sends_review_reminders(database_tasks, run_worker, blog_index_committed):
    writer, editor, reviewer = make_writer(), make_editor(), make_reviewer()
    page = make_article(blog_index_committed, title="Overdue one", owner=writer)
    make_overdue(publish_through_review(page, writer, editor, reviewer))
    mail.outbox.clear()

    call_command("send_review_reminders", stdout=io.StringIO())
    assert mail.outbox == []  # queued, not sent by the command
    assert queued("send_review_reminders") == 1

    run_worker()
    assert [message.subject for message in mail.outbox] == [
        "Medical review is overdue: Overdue one"
    ]
    result = DBTaskResult.objects.get(task_path__endswith="send_review_reminders")
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == 1

    call_command("send_review_reminders", stdout=io.StringIO())
    run_worker()
    assert len(mail.outbox) == 1  # one reminder per due date


@pytest.mark.search_index
def test_the_worker_indexes_published_articles_for_search(
    database_tasks, run_worker, blog_index_committed, newsroom_cast
):
    article = live_article(blog_index_committed, newsroom_cast, title="Kelp and iodine")
    assert queued("reindex_page") >= 1
    run_worker()
    assert [page.pk for page in search("kelp")] == [article.pk]

    edit_and_republish(article, newsroom_cast, title="Seaweed and iodine")
    assert [page.pk for page in search("seaweed")] == []  # the index waits for the worker
    run_worker()
    assert [page.pk for page in search("seaweed")] == [article.pk]
    assert search("kelp").count() == 0
    assert queued("") == 0


@pytest.mark.reference_index
def test_references_are_indexed_at_once_for_the_deletion_guard(
    database_tasks, blog_index_committed, newsroom_cast
):
    """Wagtail's reference index task runs in the request, not in the worker."""
    article = live_article(blog_index_committed, newsroom_cast)
    image = newsroom_cast.image
    assert ReferenceIndex.get_references_to(image).filter(object_id=str(article.pk)).exists()
    assert not DBTaskResult.objects.filter(task_path__endswith="update_reference_index_task")


class _PurgeRecorder(http.server.BaseHTTPRequestHandler):
    """A caching proxy's purge endpoint (Varnish-style): records each PURGE it receives."""

    received = []

    def do_PURGE(self):
        _PurgeRecorder.received.append(f"http://{self.headers['Host']}{self.path}")
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_server():
    _PurgeRecorder.received = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_the_worker_purges_the_cdn_after_a_publish(
    database_tasks, run_worker, purge_server, blog_index_committed, newsroom_cast
):
    database_tasks.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": purge_server,
        }
    }
    article = live_article(blog_index_committed, newsroom_cast, tags=["kelp"])
    assert _PurgeRecorder.received == []  # the publish did not wait for the CDN
    assert queued("purge_urls_from_cache_task") >= 1

    run_worker()
    root = "http://localhost"
    for path in (article.url, "/", "/articles/", "/tags/kelp/", "/sitemap.xml"):
        assert root + path in _PurgeRecorder.received, path
    assert not DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL).exists()


def test_a_failed_task_is_recorded_and_the_worker_goes_on(
    database_tasks, run_worker, blog_index_committed, newsroom_cast
):
    from blog.tasks import reindex_page
    from health_content.tasks import send_review_reminders

    make_overdue(live_article(blog_index_committed, newsroom_cast, title="Overdue"))
    run_worker()
    send_review_reminders.enqueue()
    reindex_page.enqueue(blog_index_committed.pk)
    database_tasks.EMAIL_BACKEND = "no.such.EmailBackend"  # the mail server is unusable
    run_worker()

    failed = DBTaskResult.objects.get(status=TaskResultStatus.FAILED)
    assert failed.task_path == "health_content.tasks.send_review_reminders"
    assert "ModuleNotFoundError" in failed.task_result.errors[0].traceback
    assert queued("") == 0  # the re-index after it ran all the same
    assert not ReviewReminder.objects.exists()  # so tomorrow's run sends it


def dashboard_panel(client):
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    return html[html.index("Content checks on drafts") :]


def test_the_worker_checks_each_saved_revision_and_the_dashboard_shows_its_counts(
    database_tasks, run_worker, blog_index_committed, client
):
    writer = make_writer()
    body = [
        ("section", {"heading": "About", "anchor": "", "body": "<p>This cures gout. 40% do.</p>"}),
        ("disclaimer", {"disclaimer": default_disclaimer()}),
    ]
    page = make_article(blog_index_committed, title="Flagged", body=body, owner=writer)
    first = page.get_latest_revision()
    assert queued("run_content_checks") == 1
    assert not ContentCheckRun.objects.exists()  # the save did not run the checks itself
    client.login(username=writer.username, password=PASSWORD)
    panel = dashboard_panel(client)
    assert "Flagged" in panel and "Not checked yet" in panel

    run_worker()
    run = ContentCheckRun.objects.get(revision=first)
    assert (run.blocking, run.warnings) == (1, 1)
    assert {f["check"] for f in run.findings} == {"absolute-claim", "uncited-statistic"}
    panel = dashboard_panel(client)
    assert "<td data-blocking>1</td>" in panel and "<td data-warnings>1</td>" in panel
    assert "Not checked yet" not in panel
    endpoint = client.get(reverse("health_content_content_checks", args=[page.pk])).json()
    assert endpoint["checked_at"] == run.checked_at.isoformat()

    # A new revision is checked in its turn; until then the dashboard says so.
    page.body = [body[1]]
    page.save_revision(user=writer)
    assert queued("run_content_checks") == 1
    assert "Not checked yet" in dashboard_panel(client)
    run_worker()
    latest = ContentCheckRun.objects.get(revision=page.get_latest_revision())
    assert (latest.blocking, latest.warnings) == (0, 0)
    assert "No draft has content-check findings." in dashboard_panel(client)

    # A revision rewritten in place drops its stored findings until the worker re-checks it.
    page.body = body
    page.save_revision(user=writer, overwrite_revision=page.get_latest_revision())
    assert not ContentCheckRun.objects.filter(pk=latest.pk).exists()
    assert "Not checked yet" in dashboard_panel(client)
    run_worker()
    rewritten = ContentCheckRun.objects.get(revision=page.get_latest_revision())
    assert (rewritten.blocking, rewritten.warnings) == (1, 1)
