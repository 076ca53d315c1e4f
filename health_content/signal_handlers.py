"""What the medical-content domain does when things change elsewhere.

* Publishing and unpublishing a gated page are recorded in the audit chain
  (refused publishes are recorded by the gate itself).
* Editing an object live articles show (a disclaimer, a nutrient, an author
  profile, a topic) sends each article whose signed values are now out of date for
  a new medical review; live pages keep the signed values meanwhile.
* Images and documents shown in live articles keep their files, and nothing live
  articles show can be deleted (health_content.protection).
* Each saved revision of a gated page is content-checked in the task worker.
"""

from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_save, pre_delete, pre_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Revision
from wagtail.signals import page_published, page_unpublished

from .models import (
    AuditEntry,
    AuthorProfile,
    ContentCheckRun,
    Disclaimer,
    NutrientReference,
    Topic,
)
from .protection import guard_deletion, guard_file_change, request_rereviews_for
from .publish_gate import MedicallyReviewedPageMixin, record_publish
from .tasks import run_content_checks

#: Snippets whose reader-visible fields are pinned in live pages' signed scope.
PINNED_MODELS = (Disclaimer, NutrientReference, AuthorProfile, Topic)


def record_gated_publish(sender, instance, revision, **kwargs):
    if isinstance(instance, MedicallyReviewedPageMixin):
        record_publish(instance, revision)


def record_unpublish(sender, instance, **kwargs):
    if isinstance(instance, MedicallyReviewedPageMixin):
        AuditEntry.objects.append(
            AuditEntry.Action.UNPUBLISH, page=instance, revision=instance.get_latest_revision()
        )


def rereview_affected_articles(sender, instance, created=False, raw=False, **kwargs):
    if not (created or raw):
        request_rereviews_for(instance)


def queue_content_checks(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
    """Check a gated page's revision in the worker once its save (or rewrite) commits."""
    if raw or (update_fields is not None and "content" not in update_fields):
        return  # fixtures, or a save that leaves the content alone (e.g. publishing)
    model = ContentType.objects.get_for_id(instance.content_type_id).model_class()
    if model is None or not issubclass(model, MedicallyReviewedPageMixin):
        return
    if not created:
        # Rewritten in place: the stored findings describe content it no longer has.
        ContentCheckRun.objects.filter(revision=instance).delete()
    transaction.on_commit(partial(run_content_checks.enqueue, instance.pk))


def register_signal_handlers():
    """Connect the handlers above. Called from HealthContentConfig.ready()."""
    # Connected before any app's cache handlers: ArticlePage.objects.live() only
    # counts a revision as live once this entry exists.
    page_published.connect(record_gated_publish, dispatch_uid="health_content.audit.publish")
    page_unpublished.connect(record_unpublish, dispatch_uid="health_content.audit.unpublish")
    post_save.connect(
        queue_content_checks, sender=Revision, dispatch_uid="health_content.checks.revision"
    )
    for model in PINNED_MODELS:
        label = model._meta.label
        post_save.connect(
            rereview_affected_articles,
            sender=model,
            dispatch_uid=f"health_content.rereview:{label}",
        )
    for model in (*PINNED_MODELS, get_image_model(), get_document_model()):
        label = model._meta.label
        pre_delete.connect(
            guard_deletion, sender=model, dispatch_uid=f"health_content.protect_delete:{label}"
        )
    for model in (get_image_model(), get_document_model()):
        label = model._meta.label
        pre_save.connect(
            guard_file_change, sender=model, dispatch_uid=f"health_content.protect_file:{label}"
        )
