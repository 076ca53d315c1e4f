"""Every path to live is tried as a superuser and as an editor; unreviewed content never goes live.

Each test checks both halves of the promise: the article stays unpublished (or
keeps its reviewed live version) and the writer's draft is intact.
"""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, PageLogEntry, Revision

from blog.models import ArticlePage
from health_content import publish_gate
from health_content.models import SignOff
from tests.admin_forms import article_post_data
from tests.factories import (
    ATTESTED,
    PASSWORD,
    make_article,
    make_author,
    make_editor,
    make_reviewer,
    make_user,
    make_writer,
    publish_through_review,
    refreshed,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["superuser", "editor"])
def actor(request, db):
    if request.param == "superuser":
        return make_user("boss", superuser=True)
    return make_editor("chief-editor")


@pytest.fixture
def writer(db):
    return make_writer()


@pytest.fixture
def draft(blog_index, writer):
    return make_article(blog_index, title="Folate in pregnancy", owner=writer)


@pytest.fixture
def live_article(blog_index, writer):
    page = make_article(blog_index, title="Reviewed article", owner=writer)
    return publish_through_review(page, writer, make_editor(), make_reviewer())


def logged_in(client, user):
    client.login(username=user.username, password=PASSWORD)
    return client


def assert_refusal_logged(page):
    assert PageLogEntry.objects.filter(page=page, action="health_content.publish_refused").exists()


# --- admin paths ---------------------------------------------------------------


def test_edit_view_offers_no_publish_and_saves_draft_instead(client, actor, draft):
    client = logged_in(client, actor)
    edit_url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    response = client.get(edit_url)
    assert response.status_code == 200
    assert b'name="action-publish"' not in response.content
    assert b"Publishing is not available for this version" in response.content

    data = article_post_data(draft, summary="Edited by the boss.")
    data["action-publish"] = "action-publish"
    response = client.post(edit_url, data)
    assert response.status_code == 302
    page = refreshed(draft)
    assert not page.live
    assert page.get_latest_revision().as_object().summary == "Edited by the boss."


def test_edit_view_publish_of_changed_live_article_is_refused(client, actor, live_article):
    """Even when Publish is offered (reviewed content), publishing an edit is refused."""
    client = logged_in(client, actor)
    edit_url = reverse("wagtailadmin_pages:edit", args=[live_article.pk])
    assert b'name="action-publish"' in client.get(edit_url).content
    live_revision = live_article.live_revision_id

    data = article_post_data(live_article, summary="Unreviewed new claim.")
    data["action-publish"] = "action-publish"
    response = client.post(edit_url, data, follow=True)
    assert b"Not published; your changes are saved as a draft" in response.content
    page = refreshed(live_article)
    assert page.live and page.live_revision_id == live_revision
    assert page.summary != "Unreviewed new claim."
    assert page.get_latest_revision().as_object().summary == "Unreviewed new claim."
    assert_refusal_logged(page)


def test_create_view_cannot_create_and_publish(client, actor, blog_index):
    client = logged_in(client, actor)
    add_url = reverse("wagtailadmin_pages:add", args=["blog", "articlepage", blog_index.pk])
    assert b'name="action-publish"' not in client.get(add_url).content
    data = article_post_data(author=make_author())
    data["action-publish"] = "action-publish"
    client.post(add_url, data)
    page = ArticlePage.objects.get(slug="iron-and-tiredness")
    assert not page.live
    assert page.get_latest_revision() is not None


def test_schedule_from_editor_is_refused(client, actor, draft):
    client = logged_in(client, actor)
    edit_url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    go_live = (timezone.now() + datetime.timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    data = article_post_data(draft, go_live_at=go_live)
    data["action-publish"] = "action-publish"
    client.post(edit_url, data)
    assert not Revision.objects.filter(object_id=str(draft.pk), approved_go_live_at__isnull=False)
    assert not refreshed(draft).live


def test_bulk_publish_is_refused(client, actor, draft, blog_index):
    client = logged_in(client, actor)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    response = client.post(f"{url}?id={draft.pk}", {"include_descendants": "on"})
    assert response.status_code in (200, 302)
    # Publishing the index "with descendants" must not publish the article either.
    client.post(f"{url}?id={blog_index.pk}", {"include_descendants": "on"})
    assert not refreshed(draft).live


@pytest.mark.parametrize("alias", [False, True])
def test_copy_with_publish_copies_or_alias_arrives_unpublished(client, actor, live_article, alias):
    client = logged_in(client, actor)
    url = reverse("wagtailadmin_pages:copy", args=[live_article.pk])
    data = {
        "new_title": "Copied article",
        "new_slug": "copied-article",
        "new_parent_page": live_article.get_parent().pk,
        "publish_copies": "on",
    }
    if alias:
        data["alias"] = "on"
    response = client.post(url, data)
    # The form refuses "publish copies" into a blog index; whatever it creates is a draft.
    assert "You do not have permission to publish pages at" in str(response.context["form"].errors)
    assert not ArticlePage.objects.filter(slug="copied-article", live=True).exists()

    if alias:
        # Wagtail treats an alias as publishing, so it is refused outright.
        assert not ArticlePage.objects.filter(slug="copied-article").exists()
        return
    # Without "publish copies" the copy is made, as a draft awaiting its own review.
    del data["publish_copies"]
    client.post(url, data)
    copy = ArticlePage.objects.get(slug="copied-article")
    assert not copy.live
    assert copy.live_revision_id is None


def test_revert_then_publish_is_refused(client, actor, blog_index, writer):
    page = make_article(blog_index, title="Revert me", owner=writer)
    unreviewed = page.get_latest_revision()
    page.summary = "Reviewed wording."
    page.save_revision(user=writer)
    page = publish_through_review(refreshed(page), writer, make_editor(), make_reviewer())
    live_revision = page.live_revision_id

    client = logged_in(client, actor)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = article_post_data(page, summary=unreviewed.as_object().summary)
    data.update({"revision": unreviewed.pk, "action-publish": "action-publish"})
    client.post(edit_url, data)
    page = refreshed(page)
    assert page.live_revision_id == live_revision
    assert page.summary == "Reviewed wording."

    with pytest.raises(publish_gate.PublishRefused):
        unreviewed.publish(user=actor, previous_revision=unreviewed)
    assert refreshed(page).live_revision_id == live_revision


def test_admin_api_publish_is_refused(client, actor, draft):
    client = logged_in(client, actor)
    url = reverse("wagtailadmin_api:pages:action", args=[draft.pk, "publish"])
    response = client.post(url, {}, content_type="application/json")
    assert response.status_code in (400, 403)
    assert not refreshed(draft).live


def test_unpublish_stays_available_and_is_logged(client, actor, live_article):
    client = logged_in(client, actor)
    url = reverse("wagtailadmin_pages:unpublish", args=[live_article.pk])
    client.post(url)
    assert not refreshed(live_article).live
    assert PageLogEntry.objects.filter(page=live_article, action="wagtail.unpublish").exists()


# --- code paths ------------------------------------------------------------------


def test_revision_and_page_publish_from_code_are_refused(actor, draft):
    revision = draft.get_latest_revision()
    with pytest.raises(publish_gate.PublishRefused, match="no medical sign-off"):
        revision.publish(user=actor)
    with pytest.raises(publish_gate.PublishRefused):
        draft.publish(revision, user=actor, skip_permission_checks=True)
    with pytest.raises(publish_gate.PublishRefused):
        revision.publish()  # no user: as scripts and cron do
    assert not refreshed(draft).live
    assert_refusal_logged(draft)


def test_raw_publish_action_without_user_is_refused(draft):
    """PublishPageRevisionAction skips permission checks without a user; the save guard holds."""
    with pytest.raises(publish_gate.PublishRefused):
        PublishPageRevisionAction(draft.get_latest_revision()).execute()
    assert not refreshed(draft).live


def test_scheduled_publishing_refuses_unreviewed_revision(actor, draft, capsys):
    revision = draft.get_latest_revision()
    # Whatever put it on the schedule, publish_scheduled must not make it live.
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=5)
    revision.save(update_fields=["approved_go_live_at"])
    call_command("publish_scheduled")
    assert not refreshed(draft).live
    assert "Not published: Folate in pregnancy" in capsys.readouterr().err
    revision.refresh_from_db()
    assert revision.approved_go_live_at is None
    assert_refusal_logged(draft)


def test_scheduled_publishing_of_signed_off_revision_goes_live(blog_index, writer):
    page = make_article(blog_index, title="Scheduled", owner=writer)
    page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    page.save_revision(user=writer)
    page = publish_through_review(refreshed(page), writer, make_editor(), make_reviewer())
    assert not page.live  # approved, waiting for its go-live time
    # Let the go-live time pass.
    scheduled = Revision.objects.get(object_id=str(page.pk), approved_go_live_at__isnull=False)
    past = timezone.now() - datetime.timedelta(minutes=1)
    scheduled.approved_go_live_at = past
    scheduled.content["go_live_at"] = past.isoformat()
    scheduled.save()
    call_command("publish_scheduled")
    assert refreshed(page).live


def test_copy_and_alias_from_code_arrive_unpublished(live_article, blog_index):
    copy = live_article.copy(to=blog_index, update_attrs={"slug": "code-copy"}, keep_live=True)
    assert not ArticlePage.objects.get(pk=copy.pk).live
    alias = live_article.create_alias(parent=blog_index, update_slug="code-alias")
    assert not ArticlePage.objects.get(pk=alias.pk).live


def test_alias_stays_offline_when_source_is_republished(live_article, blog_index, writer):
    alias = live_article.create_alias(parent=blog_index, update_slug="alias-of-live")
    page = refreshed(live_article)
    page.summary = "Second reviewed version."
    page.save_revision(user=writer)
    publish_through_review(refreshed(page), writer, make_editor("ed2"), make_reviewer("rev2"))
    assert not ArticlePage.objects.get(pk=alias.pk).live


def test_new_articles_are_never_created_live(blog_index):
    page = ArticlePage(title="Sneaky", slug="sneaky", summary="s", live=True)
    blog_index.add_child(instance=page)
    assert not refreshed(page).live


def test_saving_changed_content_onto_live_article_is_refused(live_article):
    page = refreshed(live_article)
    page.summary = "Changed straight on the live row."
    with pytest.raises(publish_gate.PublishRefused, match="without review"):
        page.save()
    assert refreshed(live_article).summary != "Changed straight on the live row."
    # Saves that do not touch reviewed content still work.
    page = refreshed(live_article)
    page.save()


# Saves and bulk updates behind the gate's back ------------------------------------------


def test_saving_live_with_update_fields_is_refused(draft):
    page = refreshed(draft)
    page.live = True
    with pytest.raises(publish_gate.PublishRefused, match="Only a publish through"):
        page.save(update_fields=["live"])
    assert not refreshed(draft).live


def test_changing_a_live_articles_reviewed_field_with_update_fields_is_refused(live_article):
    page = refreshed(live_article)
    page.title = "Changed behind the review"
    with pytest.raises(publish_gate.PublishRefused, match="without review"):
        page.save(update_fields=["title"])
    assert refreshed(live_article).title == "Reviewed article"


def test_bookkeeping_saves_of_live_articles_still_work(live_article, writer):
    page = refreshed(live_article)
    page.summary = "A draft change."
    page.save_revision(user=writer)  # saves latest_revision and has_unpublished_changes
    assert refreshed(live_article).has_unpublished_changes


def test_a_bulk_update_making_articles_live_is_refused(draft):
    with pytest.raises(publish_gate.PublishRefused, match="in bulk"):
        ArticlePage.objects.filter(pk=draft.pk).update(live=True)
    assert not refreshed(draft).live


def test_a_bulk_update_of_live_content_is_refused(live_article):
    with pytest.raises(publish_gate.PublishRefused, match="in bulk"):
        ArticlePage.objects.filter(pk=live_article.pk).update(summary="Bulk edit")


def test_a_row_made_live_through_the_base_page_manager_is_neither_served_nor_listed(client, draft):
    Page.objects.filter(pk=draft.pk).update(live=True)
    assert client.get(draft.url).status_code == 404
    for url in ("/", draft.get_parent().url, "/feed/", "/sitemap.xml", "/search/?q=Folate"):
        assert "Folate in pregnancy" not in client.get(url).content.decode(), url
    with pytest.raises(CommandError, match="problem"):
        call_command("check_live_sign_offs", stdout=StringIO(), stderr=StringIO())


def test_the_gate_applies_the_editor_forms_rules_to_publishes_that_skip_the_form(draft):
    # A hero image without alt text, saved from code and even signed off, is
    # refused with the message the editor form gives (blog/problems.py).
    draft.hero_image = get_image_model().objects.create(title="Hero", file=get_test_image_file())
    draft.hero_image_alt = "  "
    revision = draft.save_revision(user=draft.owner)
    SignOff.objects.record(revision, make_reviewer(), attestations=ATTESTED)
    with pytest.raises(publish_gate.PublishRefused, match="Add alt text describing the hero image"):
        revision.publish()
    assert not refreshed(draft).live
