"""Each content-check warning must be acknowledged at medical sign-off, and is recorded."""

import pytest

from health_content.models import SignOff
from health_content.models.review import SignOffRefused
from tests.factories import (
    SIGNED,
    acknowledged,
    act,
    article_with_warnings,
    make_editor,
    make_reviewer,
    make_writer,
    submit,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_medical_review(blog_index):
    writer, editor = make_writer(), make_editor()
    page = submit(article_with_warnings(blog_index, writer), writer)
    return act(page, editor, "approve")


def test_sign_off_without_acknowledging_the_warnings_is_refused(in_medical_review):
    reviewer = make_reviewer()
    with pytest.raises(SignOffRefused, match="considered this warning"):
        act(in_medical_review, reviewer, "approve", **SIGNED)
    assert not SignOff.objects.exists()


def test_acknowledged_warnings_are_recorded_in_the_sign_off(in_medical_review):
    reviewer = make_reviewer()
    acks = {"acknowledge_0": "on", "acknowledge_1": "on"}
    act(in_medical_review, reviewer, "approve", **SIGNED, **acks)
    sign_off = SignOff.objects.get()
    checks = sorted(a["check"] for a in sign_off.acknowledgements)
    assert checks == ["promotional-content", "uncited-statistic"]
    assert all(a["acknowledged"] and a["message"] for a in sign_off.acknowledgements)


def test_the_sign_off_records_every_finding_on_what_was_signed(in_medical_review):
    reviewer = make_reviewer()
    act(in_medical_review, reviewer, "approve", **SIGNED, **acknowledged(in_medical_review))
    recorded = SignOff.objects.get().check_findings
    checks = {finding["check"] for finding in recorded}
    assert {"promotional-content", "uncited-statistic"} <= checks
    assert all(finding["severity"] in {"blocking", "warning", "info"} for finding in recorded)


def test_a_posted_no_is_not_an_acknowledgement(in_medical_review):
    reviewer = make_reviewer()
    with pytest.raises(SignOffRefused):
        act(
            in_medical_review,
            reviewer,
            "approve",
            **SIGNED,
            acknowledge_0="on",
            acknowledge_1="off",
        )
