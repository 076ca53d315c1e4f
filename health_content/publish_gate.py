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
from .models import AuditEntry, SignOff
from .signed_scope import page_content_fingerprint, revision_content_fingerprint

#: While a checked publish runs: a one-item tuple holding the publishing user (or None).
_gate_open = contextvars.ContextVar("article_publish_gate_open", default=())


class PublishRefused(PermissionDenied):
    """Raised when an article revision without a matching medical sign-off would go live."""


def latest_sign_off(page):
    """The page's newest sign-off, live or not: the one its next publish must match."""
    return SignOff.objects.filter(page_id=page.pk).newest_first().first()


def _legacy(sign_off):
    # Sign-offs recorded before the signed scope existed hold no scope to compare.
    return not sign_off.scope


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
    problems.extend(page.field_problems())
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
    if _legacy(sign_off):
        problems.append(
            f"The sign-off by {sign_off.reviewer_display} on {sign_off.signed_at:%d %B %Y} "
            "predates signatures that cover everything readers see. Submit the article "
            "for review again."
        )
    elif revision_content_fingerprint(revision) != sign_off.fingerprint:
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
        AuditEntry.objects.append(
            AuditEntry.Action.PUBLISH_REFUSED,
            page=page,
            revision=revision,
            user=user,
            data={"reasons": problems},
        )
        raise PublishRefused(" ".join(problems))


@contextmanager
def gate_opened(user=None):
    """Mark saves inside a checked publish by `user` as authorised to make the article live."""
    token = _gate_open.set((user,))
    try:
        yield
    finally:
        _gate_open.reset(token)


#: Fields whose change makes a row live or changes what it shows.
LIVE_STATE_FIELDS = frozenset({"live", "live_revision"})


def guard_save(page, update_fields=None):
    """Keep `page` (a gated page about to be saved) from going live outside the gate.

    New rows are never live unless published through the gate: Wagtail's copy with
    "publish copies" and `add_child(instance=...)` both create rows with live=True.
    Aliases have no revisions, so no sign-off of their own: they are never live.
    An existing row may not be made live outside the gate, whichever fields the
    save names; a live row may be saved only if its reviewed content stays what
    the sign-off covering it signed. Saves that name only bookkeeping fields
    (Wagtail's revision pointers, locks, tree paths) pass.
    """
    if page.alias_of_id and page.live:
        take_offline(page)
    if _gate_open.get() or not page.live:
        return
    if page._state.adding:
        take_offline(page)
        return
    if update_fields is not None and not set(update_fields) & (
        LIVE_STATE_FIELDS | set(page.reviewed_fields)
    ):
        return
    stored = type(page)._base_manager.filter(pk=page.pk).values("live", "live_revision_id").first()
    goes_live = (
        stored is None or not stored["live"] or stored["live_revision_id"] != page.live_revision_id
    )
    # Wagtail's edit view runs its publish action without calling page.publish():
    # a save that makes a revision live passes only if the gate would publish it.
    if goes_live and (page.live_revision is None or publish_problems(page, page.live_revision)):
        raise PublishRefused(
            "Only a publish through the medical review gate can make an article live. "
            "Submit it for review; it is published when a medical reviewer signs it off."
        )
    sign_off = SignOff.objects.covering(page)
    if sign_off is None or page_content_fingerprint(page) != sign_off.fingerprint:
        raise PublishRefused(
            "Saving this change would alter live medical content without review. "
            "Save a draft revision and submit it for medical review instead."
        )


def guard_update(queryset, values):
    """Refuse a queryset update of gated pages that would make rows live or change live content."""
    if _gate_open.get():
        return
    touched = set(values) & (LIVE_STATE_FIELDS | set(queryset.model.reviewed_fields))
    if not touched:
        return
    if values.get("live") or queryset.filter(live=True).exists():
        raise PublishRefused(
            f"Updating {', '.join(sorted(touched))} of these articles in bulk would change "
            "what readers see without a medical sign-off. Publish through the review instead."
        )


def record_publish(page, revision):
    """Append the audit entry that makes `revision` count as published through the gate.

    Called from Wagtail's page_published signal, which every publish path sends
    (also for a publish only scheduled for later, which records nothing). The
    publisher is known when the publish came through `page.publish()`; Wagtail's
    own log names the user of an edit-view publish.
    """
    if not (page.live and page.live_revision_id == revision.pk):
        return
    (user,) = _gate_open.get() or (None,)
    sign_off = latest_sign_off(page)
    AuditEntry.objects.append(
        AuditEntry.Action.PUBLISH,
        page=page,
        revision=revision,
        user=user,
        data={"sign_off_id": sign_off.pk, "fingerprint": sign_off.fingerprint},
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

    def can_delete(self, ignore_bulk=False):
        # A signed article is a record: it can be unpublished, never deleted.
        if SignOff.objects.filter(page_id=self.page.pk).exists():
            return False
        return super().can_delete(ignore_bulk=ignore_bulk)

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

    def can_delete(self, ignore_bulk=False):
        # Deleting the section would delete the signed articles in it.
        signed = SignOff.objects.filter(page__path__startswith=self.page.path).exists()
        return not signed and super().can_delete(ignore_bulk=ignore_bulk)


class MedicallyReviewedPageMixin:
    """For page models whose content goes live only through a medical sign-off.

    Put it first in the bases of the page model (``class ArticlePage(
    MedicallyReviewedPageMixin, Page)``) and give the model a manager built from a
    queryset with `GatedPageQuerySetMixin`. It installs both layers of the gate:
    the permission tester and the model-layer checks on publish and save. The
    review workflow, the cadence report and the audit command find these models
    through `reviewed_page_models()`, so this app never imports the apps that
    define them.

    Subclasses declare ``reviewed_fields``: the fields a sign-off covers (see
    health_content.signed_scope), and may extend `signed_settings()`.
    """

    reviewed_fields = ()

    def signed_settings(self):
        """Values from settings that the page shows readers, signed with its content."""
        return {}

    def field_problems(self):
        """Sentences for what is wrong with the page's own fields (the editor form's rules)."""
        return []

    def permissions_for_user(self, user):
        return ArticlePagePermissionTester(user, self)

    def publish(self, revision, user=None, **kwargs):
        """Publish `revision` only if it matches the medical sign-off (see `check_publishable`)."""
        check_publishable(self, revision, user=user)
        with gate_opened(user):
            return super().publish(revision, user=user, **kwargs)

    def save(self, *args, **kwargs):
        guard_save(self, update_fields=kwargs.get("update_fields"))
        return super().save(*args, **kwargs)


class GatedPageQuerySetMixin:
    """For the querysets of gated page models: no bulk path around the gate.

    ``live()`` also requires the live revision to have gone live through the gate
    (an audit entry of its publish), so a row made live by any other means (a raw
    update through Wagtail's base Page manager) is neither listed nor served.
    """

    def update(self, **kwargs):
        guard_update(self, kwargs)
        return super().update(**kwargs)

    def live(self):
        return super().live().filter(live_revision_id__in=gate_published_revisions())


def gate_published_revisions():
    """Ids of the revisions published through the gate (a subquery)."""
    return AuditEntry.objects.filter(action=AuditEntry.Action.PUBLISH).values("revision_id")


def reviewed_page_models():
    """The installed page models that carry `MedicallyReviewedPageMixin`."""
    return [model for model in apps.get_models() if issubclass(model, MedicallyReviewedPageMixin)]
