"""`manage.py load_demo`: a complete, reviewed demo site on an empty database, loaded once."""

from decimal import Decimal
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from blog.demo.people import ACCOUNTS
from blog.models import ArticlePage, HomePage, PolicyPages, StandardPage
from health_content.blocks import ArticleBodyBlock
from health_content.cadence import due_for_review, review_status
from health_content.models import (
    AuthorProfile,
    Disclaimer,
    NutrientReference,
    ReviewerProfile,
    SignOff,
    Topic,
)
from health_content.references import reference_errors
from health_content.signed_scope import page_content_fingerprint
from health_content.workflow import WORKFLOW_NAME

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(fresh_install, settings):
    settings.DEBUG = True
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def by_slug(slug):
    return ArticlePage.objects.get(slug__startswith=slug)


def test_live_articles_are_signed_off_through_the_review_workflow(demo):
    live = ArticlePage.objects.live()
    assert live.count() == 3
    call_command("check_live_sign_offs", stdout=StringIO())  # raises if any lacks a sign-off
    for page in live:
        sign_off = SignOff.objects.covering_live_content().get(page=page)
        assert sign_off.fingerprint == page_content_fingerprint(page)
        assert sign_off.user != sign_off.revision.user  # never the author's own sign-off
        assert sign_off.task_state is not None  # recorded by the workflow, not typed in
        assert sign_off.attestations == {
            "claims_checked": True,
            "doses_checked": True,
            "disclaimer_appropriate": True,
        }
    reviewers = {s.reviewer.credentials for s in SignOff.objects.covering_live_content()}
    assert reviewers == {"MD", "RD"}
    # Dated-back demo sign-offs are recorded with their date, not edited afterwards.
    out = StringIO()
    call_command("verify_audit_chain", stdout=out)
    assert "Audit chain intact" in out.getvalue()


def test_articles_in_every_review_state(demo):
    folate = by_slug("folic-acid")
    assert not folate.live
    assert folate.current_workflow_task.name == "Medical review"
    vitamin_c = by_slug("vitamin-c-and-colds")
    assert not vitamin_c.live
    assert vitamin_c.current_workflow_task.name == "Editorial review"
    draft = by_slug("numbness-and-tingling")
    assert not draft.live
    assert draft.current_workflow_state is None
    assert draft.revisions.count() == 1

    overdue, due_soon = due_for_review()
    assert [status.page.slug for status in overdue] == [by_slug("iron-deficiency").slug]
    assert [status.page.slug for status in due_soon] == [by_slug("vitamin-d").slug]
    iron = review_status(by_slug("iron-deficiency"))
    assert iron.is_overdue()
    # Backdated consistently: the sign-off still covers the live content.
    assert iron.sign_off.signed_at <= iron.page.last_published_at
    assert iron.page.first_published_at == iron.page.last_published_at


def test_articles_use_every_block_type_and_are_complete(demo):
    body_block = ArticleBodyBlock()
    used = set()
    for page in ArticlePage.objects.all():
        used.update(block.block_type for block in page.body)
        body_block.clean(page.body)  # full validation, as on submit for review
        assert page.references.exists()
        for reference in page.references.all():
            errors = reference_errors(doi=reference.doi, pmid=reference.pmid, url=reference.url)
            assert errors == {}, reference
        assert page.authors.first().author.user.username == "writer"
        assert page.topics.exists()
        assert page.hero_image is not None and page.hero_image_alt
    assert used == set(body_block.child_blocks)


def test_reference_data_people_and_pages(demo):
    nutrients = {
        n.name: (n.unit, n.daily_value, n.source_url) for n in NutrientReference.objects.all()
    }
    assert nutrients["Vitamin B12"][:2] == ("mcg", Decimal("2.4"))
    assert nutrients["Vitamin D"][:2] == ("mcg", Decimal("20"))
    assert nutrients["Vitamin C"][:2] == ("mg", Decimal("90"))
    assert nutrients["Folate"][:2] == ("mcg DFE", Decimal("400"))
    assert nutrients["Iron"][:2] == ("mg", Decimal("18"))
    for name, (_, _, url) in nutrients.items():
        assert url.startswith("https://ods.od.nih.gov/factsheets/"), name
    vitamin_d = NutrientReference.objects.get(name="Vitamin D")
    assert "20 mcg (800 IU)" in vitamin_d.dv_basis
    assert "Food and Drug Administration" in vitamin_d.source

    assert Disclaimer.objects.default().name == "General medical disclaimer"
    assert Topic.objects.count() >= 5
    assert set(AuthorProfile.objects.values_list("slug", flat=True)) == {"sam-rivera", "jordan-lee"}
    assert ReviewerProfile.objects.filter(active=True).count() == 2
    assert {page.slug for page in StandardPage.objects.live()} == {
        "about",
        "editorial-policy",
        "how-we-review",
        "corrections-policy",
    }
    policies = PolicyPages.objects.get(site__is_default_site=True)
    assert [getattr(policies, name).slug for name in PolicyPages.link_fields] == [
        "about",
        "editorial-policy",
        "how-we-review",
        "corrections-policy",
    ]
    images = get_image_model().objects.all()
    assert images.count() == 10
    assert all(image.description.startswith("Abstract illustration") for image in images)
    root = Page.get_first_root_node()
    assert root.specific.get_workflow().name == WORKFLOW_NAME


def test_demo_accounts_can_log_in(demo, client):
    for account in ACCOUNTS:
        assert client.login(username=account.username, password=account.password), account
        assert client.get("/admin/").status_code == 200
        client.logout()
        assert f"{account.username} / {account.password}" in demo
    groups = {
        user.username: {group.name for group in user.groups.all()}
        for user in get_user_model().objects.all()
    }
    assert groups["writer"] == {"Writers"}
    assert groups["editor"] == {"Editors"}
    assert groups["reviewer"] == groups["dietitian"] == {"Medical reviewers"}
    assert get_user_model().objects.get(username="admin").is_superuser


def test_load_demo_is_idempotent(demo, settings):
    counts = (ArticlePage.objects.count(), Revision.objects.count(), SignOff.objects.count())
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "Content already present" in out.getvalue()
    assert (ArticlePage.objects.count(), Revision.objects.count(), SignOff.objects.count()) == (
        counts
    )
    assert HomePage.objects.count() == 1


def test_reader_pages_of_the_demo_answer(demo, client):
    for page in [*ArticlePage.objects.live(), *StandardPage.objects.live()]:
        assert client.get(page.url).status_code == 200, page.url
    home = client.get("/")
    assert "Vitamin B12: what it does and where to get it" in home.content.decode()
    # Drafts and articles in review are not visible to readers.
    assert client.get("/articles/numbness-and-tingling-in-the-hands-and-feet/").status_code == 404


def test_an_existing_account_keeps_its_password(fresh_install, settings):
    settings.DEBUG = True
    get_user_model().objects.create_superuser("admin", "admin@example.org", "my-own-password")
    out = StringIO()
    call_command("load_demo", stdout=out)

    assert "admin / (existing account, password unchanged)" in out.getvalue()
    assert get_user_model().objects.get(username="admin").check_password("my-own-password")
    assert "writer / health-writer-demo" in out.getvalue()
