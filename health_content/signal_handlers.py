"""What the medical-content domain does when things change elsewhere.

* Publishing and unpublishing a gated page are recorded in the audit chain
  (refused publishes are recorded by the gate itself).
* Editing an object live articles show (a disclaimer, a nutrient, an author
  profile, a topic) sends each article whose signed values are now out of date for
  a new medical review; live pages keep the signed values meanwhile.
* Images and documents shown in live articles keep their files, and nothing live
  articles show can be deleted (health_content.protection).
"""

from django.db.models.signals import post_save, pre_delete, pre_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.signals import page_published, page_unpublished

from .models import AuditEntry, AuthorProfile, Disclaimer, NutrientReference, Topic
from .protection import guard_deletion, guard_file_change, request_rereviews_for
from .publish_gate import MedicallyReviewedPageMixin, record_publish

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


def register_signal_handlers():
    """Connect the handlers above. Called from HealthContentConfig.ready()."""
    # Connected before any app's cache handlers: ArticlePage.objects.live() only
    # counts a revision as live once this entry exists.
    page_published.connect(record_gated_publish, dispatch_uid="health_content.audit.publish")
    page_unpublished.connect(record_unpublish, dispatch_uid="health_content.audit.unpublish")
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
