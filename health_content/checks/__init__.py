"""Automated medical-content checks, run on the server for every place they are shown.

``run_checks(page_or_revision)`` returns the `Finding` list of every check in
`CHECKS` (one module per check; each module's docstring says what it looks for
and how serious it is). The publish workflow refuses a submit while
`blocking_findings` is non-empty; warnings are acknowledged at medical sign-off.
Check ids are stable: they are documented in the README and stored with
acknowledgements.
"""

from wagtail.models import Revision

from . import (
    citations,
    claims,
    headings,
    images,
    outside_links,
    promotion,
    reading_level,
    reference_format,
    research_claims,
    symptoms,
    upper_limits,
)
from .base import BLOCKING, INFO, SEVERITIES, WARNING, ArticleText, Finding

__all__ = [
    "BLOCKING",
    "CHECKS",
    "INFO",
    "SEVERITIES",
    "WARNING",
    "Finding",
    "blocking_findings",
    "run_checks",
    "warning_findings",
]

CHECKS = (
    claims.check,
    promotion.check,
    upper_limits.check,
    citations.check,
    research_claims.check,
    symptoms.check,
    outside_links.check,
    reference_format.check,
    images.check,
    headings.check,
    reading_level.check,
)
_ORDER = {severity: position for position, severity in enumerate(SEVERITIES)}


def run_checks(page_or_revision, extra_text=()):
    """Every finding for a page (saved or unsaved) or a revision, most serious first.

    `extra_text`: ``(path, text)`` pairs checked with the page, e.g. the lines of an
    imported file that the importer dropped (see ArticleText.of).
    """
    page = page_or_revision
    if isinstance(page, Revision):
        page = page.as_object()
    article = ArticleText.of(page, extra_text)
    findings = [finding for check in CHECKS for finding in check(article)]
    return sorted(findings, key=lambda finding: _ORDER[finding.severity])


def blocking_findings(page_or_revision=None, findings=None):
    findings = run_checks(page_or_revision) if findings is None else findings
    return [finding for finding in findings if finding.severity == BLOCKING]


def warning_findings(page_or_revision=None, findings=None):
    findings = run_checks(page_or_revision) if findings is None else findings
    return [finding for finding in findings if finding.severity == WARNING]
