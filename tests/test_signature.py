"""The sign-off is an electronic signature that means something.

Re-authentication at signing (password, and a one-time code once an authenticator
is set up), strict attestations, separation of duties, a clear answer for the
second of two reviewers, and a manifestation shown in the admin and to readers.
"""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import PageLogEntry, TaskState

from health_content.forms import SIGNATURE_MEANING
from health_content.models import SignOff, SignOffRefused
from tests.factories import (
    ATTESTED,
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


@pytest.fixture
def newsroom(db):
    return {"writer": make_writer(), "editor": make_editor(), "reviewer": make_reviewer()}


@pytest.fixture
def in_medical_review(blog_index, newsroom):
    page = make_article(blog_index, title="Iron and fatigue", owner=newsroom["writer"])
    return act(submit(page, newsroom["writer"]), newsroom["editor"], "approve")


def sign(page, user, **data):
    return act(page, user, "approve", **data)


# Re-authentication --------------------------------------------------------------------


def test_signing_needs_the_reviewers_password(in_medical_review, newsroom):
    with pytest.raises(SignOffRefused, match="Enter your password"):
        sign(in_medical_review, newsroom["reviewer"], **ATTESTED)
    with pytest.raises(SignOffRefused, match="password is not correct"):
        sign(in_medical_review, newsroom["reviewer"], **ATTESTED, password="wrong")
    assert not SignOff.objects.exists()
    page = sign(in_medical_review, newsroom["reviewer"], **SIGNED)
    assert page.live
    assert SignOff.objects.get().authentication == "password"


def test_an_authenticator_adds_a_one_time_code(client, in_medical_review, newsroom):
    reviewer = newsroom["reviewer"]
    client.force_login(reviewer)
    client.get(reverse("health_content_authenticator"))
    device = TOTPDevice.objects.get(user=reviewer)
    assert not device.confirmed
    response = client.post(reverse("health_content_authenticator"), {"token": "000000"})
    assert "not valid" in response.content.decode()
    token = TOTP(device.bin_key, device.step, device.t0, device.digits).token()
    response = client.post(reverse("health_content_authenticator"), {"token": f"{token:06d}"})
    assert "Too many wrong codes" in response.content.decode()  # guessing is slowed down
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=5)):
        token = TOTP(device.bin_key, device.step, device.t0, device.digits).token()
        client.post(reverse("health_content_authenticator"), {"token": f"{token:06d}"})
    device.refresh_from_db()
    assert device.confirmed

    with pytest.raises(SignOffRefused, match="code from your authenticator"):
        sign(in_medical_review, reviewer, **SIGNED)
    with pytest.raises(SignOffRefused, match="not valid or has expired"):
        sign(in_medical_review, reviewer, **SIGNED, otp_token="123456")
    # A minute later: a new code, and past the slow-down after the wrong one.
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=60)):
        code = TOTP(device.bin_key, device.step, device.t0, device.digits).token()
        sign(in_medical_review, reviewer, **SIGNED, otp_token=f"{code:06d}")
    assert SignOff.objects.get().authentication == "password and one-time code"


def test_removing_the_authenticator_needs_the_password(client, newsroom):
    reviewer = newsroom["reviewer"]
    TOTPDevice.objects.create(user=reviewer, name="app", confirmed=True)
    client.force_login(reviewer)
    response = client.post(reverse("health_content_authenticator"), {"password": "nope"})
    assert "password is not correct" in response.content.decode()
    assert TOTPDevice.objects.filter(user=reviewer).exists()
    client.post(reverse("health_content_authenticator"), {"password": PASSWORD})
    assert not TOTPDevice.objects.filter(user=reviewer).exists()


def test_the_dialog_posts_no_password_back_through_the_browser(client, in_medical_review, newsroom):
    """Approving from the page editor: the dialog returns a signed proof, never the password."""
    client.force_login(newsroom["reviewer"])
    state = in_medical_review.current_workflow_task_state
    url = reverse(
        "wagtailadmin_pages:collect_workflow_action_data",
        args=[in_medical_review.pk, "approve", state.pk],
    )
    response = client.post(
        url,
        {**dict.fromkeys(ATTESTED, "on"), "comment": "", "password": PASSWORD},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    cleaned = response.json()["cleaned_data"]
    assert "password" not in cleaned and cleaned["reauthentication"]
    page = sign(in_medical_review, newsroom["reviewer"], **cleaned)
    assert page.live


def test_a_proof_for_one_review_does_not_sign_another(blog_index, client, newsroom):
    first = make_article(blog_index, title="First", owner=newsroom["writer"])
    second = make_article(blog_index, title="Second", owner=newsroom["writer"])
    first, second = (
        act(submit(page, newsroom["writer"]), newsroom["editor"], "approve")
        for page in (first, second)
    )
    client.force_login(newsroom["reviewer"])
    url = reverse(
        "wagtailadmin_pages:collect_workflow_action_data",
        args=[first.pk, "approve", first.current_workflow_task_state.pk],
    )
    cleaned = client.post(
        url,
        {**dict.fromkeys(ATTESTED, "on"), "password": PASSWORD},
        headers={"x-requested-with": "XMLHttpRequest"},
    ).json()["cleaned_data"]
    with pytest.raises(SignOffRefused, match="Enter your password"):
        sign(second, newsroom["reviewer"], **cleaned)


def test_the_approval_dialog_shows_a_wrong_password_as_a_form_error(
    client, in_medical_review, newsroom
):
    client.force_login(newsroom["reviewer"])
    state = in_medical_review.current_workflow_task_state
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[in_medical_review.pk, "approve", state.pk]
    )
    response = client.post(
        url,
        {**dict.fromkeys(ATTESTED, "on"), "password": "wrong"},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 200
    assert "password is not correct" in response.json()["html"]
    assert not SignOff.objects.exists()


# Attestations ---------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["0", "off", "no", "false", "False", "", "maybe", 0, False])
def test_attestations_are_read_strictly(in_medical_review, newsroom, value):
    with pytest.raises(SignOffRefused, match="incomplete"):
        sign(in_medical_review, newsroom["reviewer"], **{**SIGNED, "doses_checked": value})
    assert not SignOff.objects.exists()


@pytest.mark.parametrize("value", ["on", "true", "1", "yes", True, 1])
def test_an_explicit_yes_attests(in_medical_review, newsroom, value):
    sign(in_medical_review, newsroom["reviewer"], **{**SIGNED, "doses_checked": value})
    assert SignOff.objects.get().attestations["doses_checked"] is True


# Separation of duties -------------------------------------------------------------------


@pytest.mark.parametrize("superuser", [False, True])
def test_nobody_signs_text_they_contributed_to_since_the_last_sign_off(
    blog_index, newsroom, superuser
):
    writer_reviewer = make_reviewer("both", credentials="MD")
    if superuser:
        writer_reviewer.is_superuser = True
        writer_reviewer.save()
    page = make_article(blog_index, title="Own text", owner=writer_reviewer)
    # Someone else adds a trivial revision (a tag), so the latest revision is not theirs.
    page = refreshed(page)
    page.tags.add("iron")
    page.save_revision(user=newsroom["editor"])
    page = act(submit(page, newsroom["editor"]), newsroom["editor"], "approve")
    assert page.current_workflow_task.get_actions(page, writer_reviewer) == []
    with pytest.raises(SignOffRefused, match="contributed to this article"):
        sign(page, writer_reviewer, **SIGNED)
    sign(page, newsroom["reviewer"], **SIGNED)


def test_contributions_before_the_last_sign_off_do_not_count(blog_index, newsroom):
    other_reviewer = make_reviewer("other", credentials="RD")
    page = make_article(blog_index, title="Reviewed twice", owner=other_reviewer)
    page = publish_through_review(
        page, newsroom["writer"], newsroom["editor"], newsroom["reviewer"]
    )
    page = refreshed(page)
    page.summary = "A writer's later edit."
    page.save_revision(user=newsroom["writer"])
    page = act(submit(page, newsroom["writer"]), newsroom["editor"], "approve")
    sign(page, other_reviewer, **SIGNED)  # wrote the first version, not this one
    assert SignOff.objects.filter(user=other_reviewer).exists()


# Two reviewers at once ------------------------------------------------------------------


def test_the_second_reviewer_is_told_who_signed_and_when(in_medical_review, newsroom):
    second = make_reviewer("second", credentials="PharmD")
    stale_state = in_medical_review.current_workflow_task_state
    task = in_medical_review.current_workflow_task
    task.on_action(stale_state, newsroom["reviewer"], "approve", **SIGNED)
    with pytest.raises(SignOffRefused, match=r"Dr Reviewer, MD already signed off this version on"):
        task.on_action(stale_state, second, "approve", **SIGNED)
    assert SignOff.objects.count() == 1


def test_the_second_approval_in_the_admin_gets_a_message_not_an_error(
    client, in_medical_review, newsroom
):
    second = make_reviewer("second", credentials="PharmD")
    state = in_medical_review.current_workflow_task_state
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[in_medical_review.pk, "approve", state.pk]
    )
    form = {**dict.fromkeys(ATTESTED, "on"), "password": PASSWORD}
    client.force_login(newsroom["reviewer"])
    assert client.post(url, form).status_code == 302
    client.force_login(second)
    response = client.post(url, form, follow=True)
    assert response.status_code == 200
    assert "already signed off this version" in response.content.decode()
    assert TaskState.objects.filter(status=TaskState.STATUS_APPROVED).count() == 2  # two steps


# Manifestation ----------------------------------------------------------------------------


def test_the_signature_is_recorded_and_shown(client, in_medical_review, newsroom):
    page = sign(in_medical_review, newsroom["reviewer"], **SIGNED, comment="Checked.")
    sign_off = SignOff.objects.get()
    assert sign_off.meaning == SIGNATURE_MEANING
    assert (sign_off.reviewer_name, sign_off.reviewer_credentials) == ("Dr Reviewer", "MD")
    assert sign_off.fingerprint and sign_off.scope_fingerprint

    html = client.get(page.url).content.decode()
    assert "Electronically signed by Dr Reviewer, MD" in html
    assert SIGNATURE_MEANING in html

    entry = PageLogEntry.objects.get(page=page, action="health_content.sign_off")
    assert entry.data["meaning"] == SIGNATURE_MEANING
    client.force_login(make_user("boss", superuser=True))
    history = client.get(reverse("wagtailadmin_pages:history", args=[page.pk])).content.decode()
    assert "Electronically signed by Dr Reviewer, MD" in history
