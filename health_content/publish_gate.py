"""The publish gate: only medically signed-off content goes live.

One rule, enforced in two layers so that no path skips it:

* Permission layer: `ArticlePagePermissionTester.can_publish()` is false unless the
  article's latest revision matches its latest sign-off, so the admin offers no
  Publish, schedule or bulk-publish action for unreviewed content; blog indexes
  refuse `can_publish_subpage` so create-and-publish and "publish copies" cannot
  skip review.
* Model layer: `ArticlePage.publish()` calls `check_publishable()`, which raises
  `PublishRefused` for any revision whose content fingerprint differs from the
  article's latest sign-off. That covers workflow completion, scheduled
  publishing (`publish_scheduled` runs with no user), bulk actions, the API,
  `Revision.publish()` and scripts, superusers included. `guard_save()` keeps
  copies and aliases from arriving live and refuses live content changes made by
  saving the page directly.

"Matches the latest sign-off" rather than "is the signed revision" lets an
editor schedule or re-publish exactly the reviewed content from a fresh revision,
while any content edit, a revert to older content, or a signed revision rewritten
in place (`save_revision(overwrite_revision=...)`) needs a new review.
"""

import contextvars
from contextlib import contextmanager

from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.log_actions import log
from wagtail.models import PagePermissionTester

from .blocks import disclaimer_count_errors
from .fingerprint import fingerprint_page, fingerprint_revision
from .models import SignOff
from .references import reference_errors

_gate_open = contextvars.ContextVar("article_publish_gate_open", default=False)


class PublishRefused(PermissionDenied):
    """Raised when an article revision without a matching medical sign-off would go live."""


def latest_sign_off(page):
    return SignOff.objects.filter(page_id=page.pk).order_by("-signed_at", "-pk").first()


def _error_messages(data, path=""):
    """Flatten Wagtail's nested block error data into "path: message" strings."""
    if isinstance(data, dict):
        messages = [f"{path}: {m}" if path else m for m in data.get("messages", [])]
        children = data.get("blockErrors") or {}
        items = children.items() if isinstance(children, dict) else enumerate(children)
        for name, child in items:
            if child:
                messages += _error_messages(child, f"{path}.{name}" if path else str(name))
        return messages
    if isinstance(data, list):
        return [message for item in data for message in _error_messages(item, path)]
    return [f"{path}: {data}"]


def content_problems(page):
    """Full validation of the content itself, for publishes that skip the admin form."""
    problems = list(disclaimer_count_errors(page.body))
    if not problems:
        try:
            page.body.stream_block.clean(page.body)
        except ValidationError as error:
            details = "; ".join(_error_messages(error.as_json_data()))
            problems.append(f"The article body has errors ({details}); open it in the editor.")
    for number, ref in enumerate(page.references.all(), start=1):
        for message in reference_errors(doi=ref.doi, pmid=ref.pmid, url=ref.url).values():
            problems.append(f"Reference {number}: {message}")
    return problems


def publish_problems(page, revision):
    """Why `revision` of `page` may not go live, as sentences for editors; empty when it may."""
    sign_off = latest_sign_off(page)
    if sign_off is None:
        return [
            "This article has no medical sign-off. Submit it for review; it can be "
            "published once a medical reviewer approves it."
        ]
    problems = []
    if fingerprint_revision(revision) != sign_off.fingerprint:
        problems.append(
            "This version differs from the content medically reviewed by "
            f"{sign_off.reviewer_display} on {sign_off.signed_at:%d %B %Y}. "
            "Submit it for review again; the live version stays live meanwhile."
        )
    problems.extend(content_problems(revision.as_object()))
    return problems


def check_publishable(page, revision, user=None):
    """Raise PublishRefused (and log the refusal) unless `revision` may go live."""
    problems = publish_problems(page, revision)
    if problems:
        log(
            instance=page,
            action="health_content.publish_refused",
            user=user,
            revision=revision,
            data={"reasons": problems},
        )
        raise PublishRefused(" ".join(problems))


@contextmanager
def gate_opened():
    """Mark saves inside a checked publish as authorised to make the article live."""
    token = _gate_open.set(True)
    try:
        yield
    finally:
        _gate_open.reset(token)


def guard_save(page, update_fields=None):
    """Keep `page` (an ArticlePage about to be saved) from going live outside the gate.

    New rows are never live unless published through the gate: Wagtail's copy with
    "publish copies" and `add_child(instance=...)` both create rows with live=True.
    Aliases have no revisions, so no sign-off of their own: they are never live.
    A full save of a live article outside the gate must not change reviewed content.
    """
    if page.alias_of_id and page.live:
        take_offline(page)
    if _gate_open.get() or not page.live:
        return
    if page._state.adding:
        take_offline(page)
        return
    if update_fields is None:
        sign_off = latest_sign_off(page)
        if sign_off is None or fingerprint_page(page) != sign_off.fingerprint:
            raise PublishRefused(
                "Saving this change would alter live medical content without review. "
                "Save a draft revision and submit it for medical review instead."
            )


def take_offline(page):
    page.live = False
    page.has_unpublished_changes = True
    page.live_revision = None
    page.first_published_at = None
    page.last_published_at = None


class ArticlePagePermissionTester(PagePermissionTester):
    """Wagtail's tester, except publishing needs a matching medical sign-off."""

    def can_publish(self):
        if not super().can_publish():
            return False
        revision = self.page.get_latest_revision()
        return revision is not None and not publish_problems(self.page, revision)

    # Privacy settings and cancelling a schedule take nothing live: Wagtail ties
    # them to can_publish, so restore the plain permission check for them.
    def can_set_view_restrictions(self):
        return super().can_publish()

    def can_unschedule(self):
        return super().can_publish()


class BlogIndexPermissionTester(PagePermissionTester):
    """Articles are never created live or copied live into a blog index: they need review first."""

    def can_publish_subpage(self):
        return False


class MedicallyReviewedPageMixin:
    """For page models whose content goes live only through a medical sign-off.

    Put it first in the bases of the page model (``class ArticlePage(
    MedicallyReviewedPageMixin, Page)``). It installs both layers of the gate:
    the permission tester and the model-layer checks on publish and save. The
    review workflow, the cadence report and the audit command find these models
    through `reviewed_page_models()`, so this app never imports the apps that
    define them.
    """

    def permissions_for_user(self, user):
        return ArticlePagePermissionTester(user, self)

    def publish(self, revision, user=None, **kwargs):
        """Publish `revision` only if it matches the medical sign-off (see `check_publishable`)."""
        check_publishable(self, revision, user=user)
        with gate_opened():
            return super().publish(revision, user=user, **kwargs)

    def save(self, *args, **kwargs):
        guard_save(self, update_fields=kwargs.get("update_fields"))
        return super().save(*args, **kwargs)


def reviewed_page_models():
    """The installed page models that carry `MedicallyReviewedPageMixin`."""
    return [model for model in apps.get_models() if issubclass(model, MedicallyReviewedPageMixin)]
