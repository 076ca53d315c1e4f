"""Signed means served: everything readers see of a live article is what a reviewer signed.

Each class of change outside the signed revision (reference data, snippets, files,
profiles, settings) is made the way an editor or a script would make it, and the
live page is checked as a reader gets it.
"""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.urls import reverse
from django.utils.html import strip_tags
from wagtail.documents import get_document_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import WorkflowState

from blog.models import ArticlePage
from health_content import signed_scope
from health_content.models import ReReviewRequest, Topic
from health_content.publish_gate import PublishRefused
from tests.factories import PASSWORD, SIGNED, acknowledged, make_user, refreshed
from tests.reader_factories import draft_article, live_article, minimal_body, sign_off_and_publish

# The edit protection of signed content finds what a live article shows in the
# reference index.
pytestmark = [pytest.mark.django_db, pytest.mark.reference_index]

#: The %DV cell of clams (17 mcg) against a DV of 2.4 mcg, and against 24 mcg.
PERCENT_708 = '<td class="numeric">708</td>'
PERCENT_71 = '<td class="numeric">71</td>'


def reader_html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def open_requests(page):
    return ReReviewRequest.objects.open().filter(page_id=page.pk)


def check_live(**kwargs):
    call_command("check_live_sign_offs", stdout=StringIO(), stderr=StringIO(), **kwargs)


@pytest.fixture
def article(blog_index, cast):
    return live_article(blog_index, cast)


# Reference data: pinned on live pages, re-review requested --------------------------


def test_daily_value_edit_keeps_live_percentages_and_asks_for_review(client, article, cast):
    assert PERCENT_708 in reader_html(client, article)  # 17 mcg of clams against a DV of 2.4 mcg
    cast.nutrient.daily_value = Decimal("24")
    cast.nutrient.save()
    html = reader_html(client, article)
    assert PERCENT_708 in html and PERCENT_71 not in html, "readers keep what was signed"
    request = open_requests(article).get()
    assert request.reason == ReReviewRequest.Reason.REFERENCE_DATA
    assert "Daily Value" in request.detail or "daily value" in request.detail.lower()
    assert WorkflowState.objects.for_instance(article).active().exists()
    check_live()  # stale data with an open re-review is not a failure


def test_after_the_new_review_readers_see_the_new_values(client, article, cast):
    cast.nutrient.daily_value = Decimal("24")
    cast.nutrient.save()
    page = refreshed(article)
    page.current_workflow_task.on_action(page.current_workflow_task_state, cast.editor, "approve")
    page = refreshed(page)
    page.current_workflow_task.on_action(
        page.current_workflow_task_state,
        cast.reviewer_user,
        "approve",
        **SIGNED,
        **acknowledged(page),
    )
    html = reader_html(client, refreshed(page))
    assert PERCENT_71 in html and PERCENT_708 not in html
    assert not open_requests(article).exists()


def test_disclaimer_edit_keeps_the_signed_text_live(client, article, cast):
    signed_text = strip_tags(cast.disclaimer.text)
    assert signed_text in reader_html(client, article)
    cast.disclaimer.text = "<p>Completely different wording.</p>"
    cast.disclaimer.save()
    html = reader_html(client, article)
    assert signed_text in html and "Completely different wording" not in html
    assert open_requests(article).exists()


def test_a_disclaimer_live_articles_show_cannot_be_deleted(article, cast):
    with pytest.raises(PermissionDenied, match="shown in live articles"):
        cast.disclaimer.delete()


def test_author_profile_edit_keeps_bylines_cards_and_feeds_as_signed(client, article, cast):
    signed_name = cast.author.display_name
    cast.author.display_name = "Dr. Sam Rivera, MD"
    cast.author.save()
    for url in (article.url, "/", "/feed/", reverse("blog:topic", args=[cast.topic.slug])):
        html = client.get(url).content.decode()
        assert signed_name in html, url
        assert "Dr. Sam Rivera, MD" not in html, url
    assert open_requests(article).exists()


def test_topic_rename_keeps_the_signed_about(client, article, cast):
    signed_name = cast.topic.name
    cast.topic.name = "Renamed topic"
    cast.topic.save()
    html = reader_html(client, article)
    assert f'"name": "{signed_name}"' in html or signed_name in html
    assert "Renamed topic" not in html
    assert open_requests(article).exists()


def test_saving_reference_data_unchanged_asks_for_nothing(article, cast):
    cast.nutrient.save()
    assert not ReReviewRequest.objects.exists()


# Files: protected while live articles show them ---------------------------------------


@pytest.mark.parametrize("superuser", [False, True])
def test_replacing_a_live_image_file_is_refused_in_the_admin(client, article, cast, superuser):
    user = make_user("boss", superuser=True) if superuser else cast.editor
    client.login(username=user.username, password=PASSWORD)
    response = client.post(
        reverse("wagtailimages:edit", args=[cast.image.pk]),
        {
            "title": cast.image.title,
            "file": SimpleUploadedFile(
                "other.png",
                get_test_image_file("other.png", colour="red").file.getvalue(),
                content_type="image/png",
            ),
            "collection": cast.image.collection_id,
            "tags": "",
            "focal_point_x": "",
            "focal_point_y": "",
            "focal_point_width": "",
            "focal_point_height": "",
        },
    )
    assert response.status_code == 200
    assert "is shown in live articles" in response.content.decode()
    cast.image.refresh_from_db()
    key = signed_scope.object_key(type(cast.image), cast.image.pk)
    signed = refreshed(article).covering_sign_off.scope["objects"][key]["file_hash"]
    assert signed_scope.current_file_hash(cast.image) == signed


def test_replacing_a_live_image_file_from_code_is_refused(article, cast):
    image = cast.image
    image.file = get_test_image_file("swap.png", colour="blue")
    with pytest.raises(PermissionDenied, match="its file can't change"):
        image.save()


def test_moving_the_focal_point_of_a_live_image_is_refused(article, cast):
    image = cast.image
    image.focal_point_x, image.focal_point_y = 10, 10
    image.focal_point_width = image.focal_point_height = 5
    with pytest.raises(PermissionDenied, match="focal point"):
        image.save()


def test_a_live_image_cannot_be_deleted(article, cast):
    with pytest.raises(PermissionDenied, match="can't be deleted"):
        cast.image.delete()


def test_an_image_no_live_article_shows_can_change(blog_index, cast):
    draft_article(blog_index, cast)  # a draft only
    cast.image.file = get_test_image_file("fine.png", colour="green")
    cast.image.save()


def test_a_linked_document_is_signed_by_its_file(client, blog_index, cast):
    document = get_document_model().objects.create(
        title="Leaflet", file=ContentFile(b"%PDF-1.4 signed leaflet", name="leaflet.pdf")
    )
    body = minimal_body(cast)
    body[0][1]["body"] = f'<p>Read the <a linktype="document" id="{document.pk}">leaflet</a>.</p>'
    page = live_article(blog_index, cast, body=body)
    key = signed_scope.object_key(type(document), document.pk)
    assert key in page.covering_sign_off.scope["objects"]
    document.file = ContentFile(b"%PDF-1.4 another leaflet", name="other.pdf")
    with pytest.raises(PermissionDenied, match="is shown in live articles"):
        document.save()


def test_a_file_swapped_on_disk_is_reported(article, cast):
    with cast.image.file.storage.open(cast.image.file.name, "wb") as handle:
        handle.write(get_test_image_file("disk.png", colour="red").read())
    with pytest.raises(CommandError):
        call_command("check_live_sign_offs", stdout=StringIO(), stderr=(err := StringIO()))
    assert "other files" in err.getvalue()


def test_reference_data_changed_behind_the_signals_back_is_reported(article, cast):
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {cast.nutrient._meta.db_table} SET daily_value = 24 WHERE id = %s",  # noqa: S608
            [cast.nutrient.pk],
        )
    with pytest.raises(CommandError):
        call_command("check_live_sign_offs", stdout=StringIO(), stderr=(err := StringIO()))
    assert "no re-review was requested" in err.getvalue()


# Reader-visible fields of the revision -------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [("review_interval_months", 3), ("medical_audience", ArticlePage.Audience.CLINICIAN)],
)
def test_reader_visible_fields_need_review(article, cast, field, value):
    page = refreshed(article)
    setattr(page, field, value)
    revision = page.save_revision(user=cast.writer)
    with pytest.raises(PublishRefused, match="differs from the content medically reviewed"):
        revision.publish(user=cast.editor)


def test_topics_need_review(article, cast):
    page = refreshed(article)
    page.topics = [Topic.objects.create(name="Other", slug="other")]
    revision = page.save_revision(user=cast.writer)
    with pytest.raises(PublishRefused):
        revision.publish(user=cast.editor)


def test_a_settings_change_leaves_live_review_dates_as_signed(client, article, settings):
    before = reader_html(client, article)
    settings.HEALTH_REVIEW_INTERVAL_MONTHS = 1
    after = reader_html(client, article)
    marker = "Next review due"
    assert before.split(marker)[1][:80] == after.split(marker)[1][:80]


# Fingerprints over parsed structure ---------------------------------------------------


def test_typed_text_that_looks_like_markup_changes_the_fingerprint(blog_index, cast):
    plain = draft_article(blog_index, cast, body=minimal_body(cast))
    tricky_body = minimal_body(cast)
    tricky_body[0][1]["body"] = '<p>A short article. data-block-key="x"</p>'
    tricky = draft_article(blog_index, cast, body=tricky_body)
    plain.title = tricky.title = "Same"
    plain.slug, tricky.slug = "one", "two"
    assert signed_scope.page_content_fingerprint(plain) != signed_scope.page_content_fingerprint(
        tricky
    )


def test_editor_block_keys_do_not_change_the_fingerprint(blog_index, cast):
    page = draft_article(blog_index, cast, body=minimal_body(cast))
    before = signed_scope.page_content_fingerprint(page)
    raw = list(page.body.raw_data)
    raw[0]["value"]["body"] = '<p data-block-key="k9z1">A short article.</p>'
    page.body = raw
    assert signed_scope.page_content_fingerprint(page) == before


def test_the_same_amount_written_differently_is_the_same_content(blog_index, cast):
    page = draft_article(blog_index, cast)
    before = signed_scope.page_content_fingerprint(page)
    raw = list(page.body.raw_data)
    food = next(item for item in raw if item["type"] == "food_table")
    food["value"]["rows"][0]["value"]["amount"] = "17.000"
    page.body = raw
    assert signed_scope.page_content_fingerprint(page) == before


def test_a_sign_off_records_the_whole_scope(article, cast):
    sign_off = article.covering_sign_off
    objects = sign_off.scope["objects"]
    nutrient = objects[signed_scope.object_key(type(cast.nutrient), cast.nutrient.pk)]
    assert nutrient["daily_value"] == "2.4" and nutrient["unit"] == "mcg"
    assert objects[signed_scope.object_key(type(cast.image), cast.image.pk)]["file_hash"]
    assert objects[signed_scope.object_key(type(cast.author), cast.author.pk)]["display_name"]
    assert sign_off.scope["settings"]["review_interval_months"] == 12
    assert sign_off.scope_fingerprint == signed_scope.scope_fingerprint(sign_off.scope)


def test_republishing_the_signed_content_from_a_fresh_revision_is_allowed(article, cast):
    page = sign_off_and_publish(refreshed(article), cast)
    assert page.live
