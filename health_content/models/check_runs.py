"""The content checks' findings on each revision, stored by the background task."""

from django.db import models
from django.utils import timezone
from wagtail.models import Revision

from ..checks import BLOCKING, WARNING, run_checks


def finding_counts(findings):
    """``{"blocking": n, "warnings": n}`` for a list of finding dicts (`Finding.as_dict()`)."""
    return {
        "blocking": sum(finding["severity"] == BLOCKING for finding in findings),
        "warnings": sum(finding["severity"] == WARNING for finding in findings),
    }


class ContentCheckRunManager(models.Manager):
    def record(self, revision):
        """Run the checks on `revision` and store the result, replacing an earlier run.

        A revision can be rewritten in place (``save_revision(overwrite_revision=...)``),
        and each save queues a new run, so the latest run describes its current content.
        """
        findings = [finding.as_dict() for finding in run_checks(revision)]
        run, _ = self.update_or_create(
            revision=revision,
            defaults={
                "findings": findings,
                **finding_counts(findings),
                "checked_at": timezone.now(),
            },
        )
        return run


class ContentCheckRun(models.Model):
    """The findings of the content checks on one revision, written by `run_content_checks`."""

    revision = models.OneToOneField(
        Revision, on_delete=models.CASCADE, related_name="content_check_run"
    )
    findings = models.JSONField(
        default=list, help_text="Every finding, as Finding.as_dict(), most serious first."
    )
    blocking = models.PositiveIntegerField(default=0)
    warnings = models.PositiveIntegerField(default=0)
    checked_at = models.DateTimeField(default=timezone.now)

    objects = ContentCheckRunManager()

    def __str__(self):
        return f"Content checks on revision {self.revision_id}"
