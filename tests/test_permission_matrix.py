"""Who may do what: every role against every editorial action, through the real admin.

Each action is performed over HTTP as the given role, then the database is
checked for its effect, so an "allowed" cell means the action really happened
and a "refused" cell means it did not (whatever status code the admin chose).
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision, WorkflowState

from blog.models import ArticlePage
from health_content.models import SignOff
from tests.admin_forms import article_post_data
from tests.factories import (
    PASSWORD,
    SIGNED,
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

ROLES = ["anonymous", "writer", "reviewer", "editor", "superuser"]

# action -> roles for which it takes effect.
ALLOWED = {
    "view draft": {"writer", "reviewer", "editor", "superuser"},
    "preview": {"writer", "reviewer", "editor", "superuser"},
    "edit": {"writer", "editor", "superuser"},
    "submit": {"writer", "editor", "superuser"},
    "approve editorial step": {"editor", "superuser"},
    "approve": {"reviewer"},
    "request changes": {"reviewer"},
    "publish": {"editor", "superuser"},
    "unpublish": {"editor", "superuser"},
    "schedule": {"editor", "superuser"},
    "bulk publish": {"editor", "superuser"},
    "copy": {"writer", "editor", "superuser"},
    "revert": {"writer", "editor", "superuser"},
}


@pytest.fixture
def cast(blog_index):
    """The people of the newsroom; the acting user is a second member of their role."""
    return {
        "author": make_writer("author"),
        "editor": make_editor("desk-editor"),
        "reviewer": make_reviewer("desk-reviewer"),
        "blog_index": blog_index,
    }


def actor_for(role):
    if role == "anonymous":
        return None
    if role == "writer":
        return make_writer("acting-writer")
    if role == "reviewer":
        return make_reviewer("acting-reviewer", credentials="RD")
    if role == "editor":
        return make_editor("acting-editor")
    return make_user("acting-admin", superuser=True)


def article(cast, title="Matrix article"):
    return make_article(cast["blog_index"], title=title, owner=cast["author"])


def at_medical_step(cast):
    page = submit(article(cast), cast["author"])
    return act(page, cast["editor"], "approve")


def signed_off_offline(cast):
    """Reviewed content that is not live: what Publish, schedule and bulk publish may act on."""
    page = publish_through_review(article(cast), cast["author"], cast["editor"], cast["reviewer"])
    page.unpublish(user=cast["editor"])
    return refreshed(page)


def post_edit(client, page, **extra):
    data = article_post_data(page, summary=extra.pop("summary", page.summary))
    data.update(extra)
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def do_view_draft(client, cast):
    page = at_medical_step(cast)
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    return response.status_code == 200 and b"Matrix article" in response.content


def do_preview(client, cast):
    page = at_medical_step(cast)
    revision = page.get_latest_revision()
    url = reverse("wagtailadmin_pages:revisions_view", args=[page.pk, revision.pk])
    response = client.get(url)
    return response.status_code == 200 and b"Matrix article" in response.content


def do_edit(client, cast):
    page = article(cast)
    before = page.get_latest_revision().pk
    post_edit(client, page, summary="Edited in the matrix.")
    return refreshed(page).get_latest_revision().pk != before


def do_submit(client, cast):
    page = article(cast)
    post_edit(client, page, **{"action-submit": "action-submit"})
    return WorkflowState.objects.filter(object_id=str(page.pk)).exists()


def workflow_action(client, page, action, **data):
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, action, page.current_workflow_task_state.pk],
    )
    return client.post(url, data)


def do_approve_editorial_step(client, cast):
    page = submit(article(cast), cast["author"])
    workflow_action(client, page, "approve")
    return refreshed(page).current_workflow_task.name == "Medical review"


def do_approve(client, cast):
    page = at_medical_step(cast)
    workflow_action(client, page, "approve", comment="Fine.", **SIGNED)
    return refreshed(page).live and SignOff.objects.filter(page=page).exists()


def do_request_changes(client, cast):
    page = at_medical_step(cast)
    workflow_action(client, page, "reject", comment="Please cite the dose.")
    return WorkflowState.objects.filter(
        object_id=str(page.pk), status=WorkflowState.STATUS_NEEDS_CHANGES
    ).exists()


def do_publish(client, cast):
    page = signed_off_offline(cast)
    post_edit(client, page, **{"action-publish": "action-publish"})
    return refreshed(page).live


def do_unpublish(client, cast):
    page = publish_through_review(article(cast), cast["author"], cast["editor"], cast["reviewer"])
    client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    return not refreshed(page).live


def do_schedule(client, cast):
    page = signed_off_offline(cast)
    go_live = (timezone.now() + datetime.timedelta(days=2)).strftime("%Y-%m-%d %H:%M")
    post_edit(client, page, go_live_at=go_live, **{"action-publish": "action-publish"})
    return Revision.objects.filter(
        object_id=str(page.pk), approved_go_live_at__isnull=False
    ).exists()


def do_bulk_publish(client, cast):
    page = signed_off_offline(cast)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    client.post(f"{url}?id={page.pk}", {})
    return refreshed(page).live


def do_copy(client, cast):
    page = article(cast)
    client.post(
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        {"new_title": "Copy", "new_slug": "matrix-copy", "new_parent_page": page.get_parent().pk},
    )
    return ArticlePage.objects.filter(slug="matrix-copy").exists()


def do_revert(client, cast):
    page = article(cast)
    first = page.get_latest_revision()
    page.summary = "Second version."
    page.save_revision(user=cast["author"])
    page = refreshed(page)
    post_edit(client, page, summary=first.as_object().summary, revision=first.pk)
    latest = refreshed(page).get_latest_revision()
    return latest.as_object().summary == first.as_object().summary


ACTIONS = {
    "view draft": do_view_draft,
    "preview": do_preview,
    "edit": do_edit,
    "submit": do_submit,
    "approve editorial step": do_approve_editorial_step,
    "approve": do_approve,
    "request changes": do_request_changes,
    "publish": do_publish,
    "unpublish": do_unpublish,
    "schedule": do_schedule,
    "bulk publish": do_bulk_publish,
    "copy": do_copy,
    "revert": do_revert,
}


@pytest.mark.parametrize("action", list(ACTIONS))
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client, cast, role, action):
    user = actor_for(role)
    if user is not None:
        client.login(username=user.username, password=PASSWORD)
    happened = ACTIONS[action](client, cast)
    assert happened == (role in ALLOWED[action]), (
        f"{role} {'could' if happened else 'could not'} {action}"
    )
