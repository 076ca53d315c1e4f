"""Blocking findings of the content checks stop a submit, with the message; warnings do not."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from health_content.models import Disclaimer
from tests.admin_forms import article_post_data
from tests.factories import PASSWORD, make_article, make_writer

pytestmark = pytest.mark.django_db


@pytest.fixture
def writer(db):
    return make_writer()


@pytest.fixture
def draft(blog_index, writer):
    return make_article(blog_index, title="Checks on submit", owner=writer)


def post_body(client, writer, draft, text, action="submit"):
    client.login(username=writer.username, password=PASSWORD)
    data = article_post_data(draft)
    section = {"heading": "Overview", "anchor": "", "body": rich_text(text)}
    disclaimer = {"disclaimer": Disclaimer.objects.default().pk}
    data.update(
        nested_form_data({"body": streamfield([("section", section), ("disclaimer", disclaimer)])})
    )
    if action:
        data[f"action-{action}"] = action
    return client.post(reverse("wagtailadmin_pages:edit", args=[draft.pk]), data)


def submitted(draft):
    return WorkflowState.objects.filter(object_id=str(draft.pk)).exists()


def test_an_absolute_claim_stops_the_submit_with_its_message(client, writer, draft):
    response = post_body(client, writer, draft, "<p>This diet cures diabetes.</p>")
    assert response.status_code == 200
    assert "is an absolute claim" in response.content.decode()
    assert "absolute-claim" in response.content.decode()
    assert not submitted(draft)


def test_the_same_content_saves_as_a_draft(client, writer, draft):
    response = post_body(client, writer, draft, "<p>This diet cures diabetes.</p>", action=None)
    assert response.status_code == 302
    latest = type(draft).objects.get(pk=draft.pk).get_latest_revision()
    assert "cures" in str(latest.content["body"])


def test_warnings_alone_do_not_stop_a_submit(client, writer, draft):
    response = post_body(client, writer, draft, "<p>About 40% of adults are low.</p>")
    assert response.status_code == 302
    assert submitted(draft)
