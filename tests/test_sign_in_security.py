"""Guessing passwords is throttled, and every response carries a Content-Security-Policy."""

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from health_content.models import SignOff
from tests.factories import (
    ATTESTED,
    PASSWORD,
    act,
    make_article,
    make_editor,
    make_reviewer,
    make_writer,
    refreshed,
    submit,
)

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


def try_password(client, username, password):
    return client.post(LOGIN, {"username": username, "password": password})


def test_repeated_wrong_passwords_lock_the_account_out(client, settings):
    make_editor("target")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert try_password(client, "target", "wrong").status_code == 200
    # The failure that reaches the limit is answered with the lockout page, and so
    # is the right password afterwards.
    assert try_password(client, "target", "wrong").status_code == 429
    response = try_password(client, "target", PASSWORD)
    assert response.status_code == 429
    assert "Too many failed sign-ins" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_right_password_before_the_limit_signs_in_and_resets(client, settings):
    make_editor("target")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        try_password(client, "target", "wrong")
    assert try_password(client, "target", PASSWORD).status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        try_password(client, "target", "wrong")
    assert try_password(client, "target", PASSWORD).status_code == 302


def test_wrong_passwords_at_sign_off_count_towards_the_lockout(client, blog_index, settings):
    writer, editor, reviewer = make_writer(), make_editor(), make_reviewer()
    page = act(submit(make_article(blog_index, owner=writer), writer), editor, "approve")
    state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.pk])
    client.force_login(reviewer)
    form = dict.fromkeys(ATTESTED, "on")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            url, {**form, "password": "wrong"}, headers={"x-requested-with": "XMLHttpRequest"}
        )
    client.post(url, {**form, "password": PASSWORD}, headers={"x-requested-with": "XMLHttpRequest"})
    assert not SignOff.objects.exists(), "a locked-out reviewer cannot sign"
    assert refreshed(page).current_workflow_task.name == "Medical review"


def test_page_passwords_are_throttled(client, blog_index, settings):
    restriction = PageViewRestriction.objects.create(
        page=blog_index, restriction_type=PageViewRestriction.PASSWORD, password="clinic-only"
    )
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, blog_index.pk])
    data = {"return_url": blog_index.url}
    for _ in range(settings.AXES_FAILURE_LIMIT):
        assert client.post(url, {**data, "password": "guess"}).status_code == 200
    response = client.post(url, {**data, "password": "clinic-only"})
    assert response.status_code == 429
    assert "Too many wrong passwords" in response.content.decode()


def test_the_right_page_password_still_works_before_the_limit(client, blog_index):
    restriction = PageViewRestriction.objects.create(
        page=blog_index, restriction_type=PageViewRestriction.PASSWORD, password="clinic-only"
    )
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, blog_index.pk])
    client.post(url, {"return_url": blog_index.url, "password": "guess"})
    response = client.post(url, {"return_url": blog_index.url, "password": "clinic-only"})
    assert response.status_code == 302
    assert client.get(blog_index.url).status_code == 200


def script_sources(policy):
    return policy.split("script-src")[1].split(";")[0].split()


@pytest.mark.parametrize("url", ["/", "/search/?q=iron", "/feed/", "/no-such-page/"])
def test_reader_responses_carry_a_strict_content_security_policy(client, blog_index, url):
    policy = client.get(url).headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert script_sources(policy) == ["'self'"]
    assert "object-src 'none'" in policy and "frame-ancestors 'self'" in policy


def test_the_admin_allows_its_own_inline_scripts_and_nothing_from_elsewhere(client):
    # Wagtail's admin sets up widgets with inline scripts that carry no nonce.
    policy = client.get("/admin/login/").headers["Content-Security-Policy"]
    assert sorted(script_sources(policy)) == ["'self'", "'unsafe-inline'"]
    assert "default-src 'self'" in policy and "object-src 'none'" in policy
