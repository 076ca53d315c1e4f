"""Readers' feedback and problem reports: stored with the revision seen, spam-proof, cache-safe.

Also the editors' queue (per role), a confirmed factual error becoming a
re-review request, the public history with correction notices, and disclosures.
"""

import json

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from blog.models import ArticleFeedback, ProblemReport
from health_content.models import ReReviewRequest
from tests.admin_forms import article_post_data
from tests.factories import (
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
ORIGIN = {"HTTP_ORIGIN": "http://testserver"}


@pytest.fixture
def newsroom(db):
    return {"writer": make_writer(), "editor": make_editor(), "reviewer": make_reviewer()}


@pytest.fixture
def article(blog_index, newsroom):
    page = make_article(
        blog_index, title="Vitamin D", owner=newsroom["writer"], change_note="First version."
    )
    return publish_through_review(
        page, newsroom["writer"], newsroom["editor"], newsroom["reviewer"]
    )


def republish(page, newsroom, **fields):
    page = refreshed(page)
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision(user=newsroom["writer"])
    return publish_through_review(
        page, newsroom["writer"], newsroom["editor"], newsroom["reviewer"]
    )


def test_helpful_answer_is_stored_with_the_revision_seen(client, article):
    url = reverse("blog:article_helpful", args=[article.pk])
    response = client.post(
        url,
        {"helpful": "no", "comment": "<b>More on doses</b>", "revision": article.live_revision_id},
        **ORIGIN,
    )
    assert response.status_code == 302
    assert response["Location"] == f"{article.url}?feedback=thanks#feedback"
    feedback = ArticleFeedback.objects.get()
    assert (feedback.page_id, feedback.revision_id, feedback.helpful) == (
        article.pk,
        article.live_revision_id,
        False,
    )
    thanks = client.get(response["Location"]).content.decode()
    assert "Thank you for your feedback" in thanks


def test_report_keeps_an_older_revision_of_this_page_but_not_another_pages(
    client, article, newsroom, blog_index
):
    seen = article.live_revision_id
    article = republish(article, newsroom, change_note="Added a section.")
    other = make_article(blog_index, title="Other")
    url = reverse("blog:article_report", args=[article.pk])
    for revision in (seen, other.latest_revision_id):
        client.post(
            url,
            {"category": "factual_error", "detail": "Wrong dose", "revision": revision},
            **ORIGIN,
        )
    assert list(ProblemReport.objects.order_by("pk").values_list("revision_id", flat=True)) == [
        seen,
        article.live_revision_id,
    ]


def test_invalid_report_is_shown_again_with_what_was_typed(client, article):
    url = reverse("blog:article_report", args=[article.pk])
    response = client.post(url, {"detail": "The table is <wrong>"}, **ORIGIN)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Choose the kind of problem." in html
    assert "The table is &lt;wrong&gt;" in html
    too_long = client.post(url, {"category": "other", "detail": "x" * 2001}, **ORIGIN)
    assert too_long.status_code == 400
    assert not ProblemReport.objects.exists()


def test_honeypot_looks_like_success_and_stores_nothing(client, article):
    url = reverse("blog:article_report", args=[article.pk])
    response = client.post(
        url, {"category": "other", "detail": "Buy now", "website": "http://spam.example"}, **ORIGIN
    )
    assert response.status_code == 302
    assert not ProblemReport.objects.exists()


def test_cross_site_and_originless_posts_are_refused(client, article):
    url = reverse("blog:article_helpful", args=[article.pk])
    assert (
        client.post(url, {"helpful": "yes"}, HTTP_ORIGIN="https://evil.example").status_code == 403
    )
    assert client.post(url, {"helpful": "yes"}).status_code == 403
    referer = client.post(url, {"helpful": "yes"}, HTTP_REFERER=f"http://testserver{article.url}")
    assert referer.status_code == 302
    assert ArticleFeedback.objects.count() == 1


def test_rate_limit_per_address(client, article, settings):
    settings.READER_FEEDBACK_RATE_LIMIT = (2, 600)
    url = reverse("blog:article_helpful", args=[article.pk])
    codes = [client.post(url, {"helpful": "yes"}, **ORIGIN).status_code for _ in range(3)]
    assert codes == [302, 302, 429]
    other = client.post(url, {"helpful": "yes"}, REMOTE_ADDR="10.0.0.9", **ORIGIN)
    assert other.status_code == 302
    assert ArticleFeedback.objects.count() == 3


def test_get_and_unpublished_pages_are_refused(client, blog_index):
    draft = make_article(blog_index, title="Draft")
    url = reverse("blog:article_helpful", args=[draft.pk])
    assert client.get(url).status_code == 405
    assert client.post(url, {"helpful": "yes"}, **ORIGIN).status_code == 404


def test_article_with_forms_stays_in_the_page_cache(client, settings, tmp_path, article):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_GENERATION_FILE = str(tmp_path / "generation")
    first = client.get(article.url)
    assert first["X-Page-Cache"] == "miss"
    html = first.content.decode()
    assert f'action="{reverse("blog:article_report", args=[article.pk])}"' in html
    assert f'name="revision" value="{article.live_revision_id}"' in html
    assert "csrfmiddlewaretoken" not in html
    assert not first.cookies
    assert client.get(article.url)["X-Page-Cache"] == "hit"
    client.post(reverse("blog:article_helpful", args=[article.pk]), {"helpful": "yes"}, **ORIGIN)
    assert client.get(article.url)["X-Page-Cache"] == "hit"


@pytest.fixture
def report(article):
    return ProblemReport.objects.create(
        page=article,
        revision_id=article.live_revision_id,
        category=ProblemReport.Category.FACTUAL_ERROR,
        detail="The dose should be 10 micrograms, not 10 mg.",
    )


@pytest.mark.parametrize(
    ("role", "can_list", "can_triage"),
    [("writer", False, False), ("reviewer", False, False), ("editor", True, True)],
)
def test_queue_permissions_per_role(client, newsroom, report, role, can_list, can_triage):
    client.force_login(newsroom[role])
    listing = client.get(reverse("problemreport:index"))
    assert (listing.status_code == 200) is can_list
    edit = client.post(
        reverse("problemreport:edit", args=[report.pk]), {"status": "dismissed", "editor_note": ""}
    )
    assert (refreshed_report(report).status == "dismissed") is can_triage
    if not can_triage:
        assert edit.status_code in (302, 403)


def refreshed_report(report):
    return ProblemReport.objects.get(pk=report.pk)


def test_queue_filters_by_status_and_shows_age(client, newsroom, report, article):
    ProblemReport.objects.create(page=article, category="broken_link", detail="Link 3 is dead")
    client.force_login(newsroom["editor"])
    listing = client.get(reverse("problemreport:index"), {"status": "new"})
    assert len(listing.context["object_list"]) == 2
    report.status = "dismissed"
    report.save()
    listing = client.get(reverse("problemreport:index"), {"status": "new"})
    assert [item.category for item in listing.context["object_list"]] == ["broken_link"]
    assert "minutes" in listing.content.decode()
    assert client.get(reverse("problemreport:add")).status_code in (302, 403, 404)


def test_confirming_a_factual_error_asks_for_a_re_review(client, newsroom, report, article):
    client.force_login(newsroom["editor"])
    client.post(
        reverse("problemreport:edit", args=[report.pk]),
        {"status": "confirmed", "editor_note": "Checked: the unit is wrong."},
    )
    report = refreshed_report(report)
    request = ReReviewRequest.objects.open().get(page_id=article.pk)
    assert request.reason == ReReviewRequest.Reason.READER_REPORT
    assert report.detail in request.detail
    assert report.rereview_request == request
    assert report.handled_by == newsroom["editor"]
    assert WorkflowState.objects.for_instance(article).active().exists()


def test_confirming_a_broken_link_does_not_ask_for_a_re_review(client, newsroom, article):
    report = ProblemReport.objects.create(page=article, category="broken_link", detail="Dead link")
    client.force_login(newsroom["editor"])
    client.post(reverse("problemreport:edit", args=[report.pk]), {"status": "confirmed"})
    assert refreshed_report(report).status == "confirmed"
    assert not ReReviewRequest.objects.exists()


def test_history_and_correction_notice(client, article, newsroom):
    article = republish(
        article,
        newsroom,
        change_note="Corrected the vitamin D dose for children.",
        corrects_error=True,
    )
    html = client.get(article.url).content.decode()
    assert "Correction" in html and "Corrected the vitamin D dose for children." in html
    history = client.get(reverse("blog:article_history", args=[article.pk])).content.decode()
    assert history.index("Corrected the vitamin D dose") < history.index("First version.")
    assert history.count("Dr Reviewer, MD") == 2
    # The next version without a correction keeps the notice of the earlier one.
    article = republish(article, newsroom, change_note="Clearer wording.", corrects_error=False)
    assert "Corrected the vitamin D dose for children." in client.get(article.url).content.decode()


def test_history_of_a_draft_is_not_found(client, blog_index):
    draft = make_article(blog_index, title="Draft")
    assert client.get(reverse("blog:article_history", args=[draft.pk])).status_code == 404


def test_disclosures_on_profiles_byline_and_json_ld(client, blog_index, newsroom):
    author = make_author("Ana Author")
    author.conflicts_of_interest = "Paid speaker for <Acme> Pharma."
    author.save()
    profile = newsroom["reviewer"].reviewer_profile
    profile.conflicts_of_interest = "Holds shares in NutriCo."
    profile.save()
    page = make_article(
        blog_index,
        title="Sponsored",
        author=author,
        owner=newsroom["writer"],
        change_note="First.",
        sponsored=True,
        sponsor_name="Sunshine Foods",
    )
    page = publish_through_review(
        page, newsroom["writer"], newsroom["editor"], newsroom["reviewer"]
    )
    response = client.get(page.url)
    html = response.content.decode()
    assert "paid for by Sunshine Foods" in html
    assert "Paid speaker for &lt;Acme&gt; Pharma." in html
    assert "Holds shares in NutriCo." in html
    documents = [
        json.loads(block.split('type="application/ld+json">', 1)[1])
        for block in html.split("</script>")
        if 'type="application/ld+json">' in block
    ]
    article_ld = next(doc for doc in documents if doc.get("@type") == "MedicalWebPage")
    assert article_ld["sponsor"] == {"@type": "Organization", "name": "Sunshine Foods"}
    # An edit to the author's disclosure waits for the next review on the article...
    author.conflicts_of_interest = "None."
    author.save()
    assert "Paid speaker" in client.get(page.url).content.decode()
    # ...but the profile page shows the current declaration.
    assert "None." in client.get(author.get_absolute_url()).content.decode()
    assert "Holds shares" in client.get(profile.get_absolute_url()).content.decode()


def test_superuser_cannot_add_or_delete_reader_messages(client, report):
    admin = make_user("admin", superuser=True)
    client.force_login(admin)
    assert client.get(reverse("problemreport:index")).status_code == 200
    assert client.get(reverse("problemreport:add")).status_code in (302, 403, 404)
    client.post(reverse("problemreport:delete", args=[report.pk]))
    assert ProblemReport.objects.filter(pk=report.pk).exists()


def test_submitting_needs_a_change_note_and_a_sponsor_name(client, blog_index, newsroom):
    draft = make_article(blog_index, title="Iron", owner=newsroom["writer"])
    client.force_login(newsroom["writer"])
    url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    data = article_post_data(draft, change_note="", sponsored="on", sponsor_name="")
    response = client.post(url, {**data, "action-submit": "action-submit"})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "readers see it in the article's history" in errors["change_note"][0]
    assert "Name the sponsor" in errors["sponsor_name"][0]
    assert not WorkflowState.objects.for_instance(draft).active().exists()
    # A draft save keeps everything, without a note.
    client.post(url, data)
    assert refreshed(draft).get_latest_revision().content["sponsored"] is True
