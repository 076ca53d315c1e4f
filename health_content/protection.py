"""Keeping live articles as they were signed when the objects they show change.

Snippets shown in articles (disclaimers, nutrients, author profiles, topics) may be
edited freely: live pages keep rendering the values their sign-off recorded
(health_content.signed_scope), and every live article whose signed values are now
out of date is sent for a new medical review (`request_rereviews_for`). Files
cannot be pinned that way, so an image or document shown in live articles keeps
its file (and an image its focal point, which decides how it is cropped): the
admin forms refuse the change with the list of articles, and the model layer
refuses it for every other path. Nothing a live article shows can be deleted.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm
from wagtail.models import Page, ReferenceIndex

from .models import ReReviewRequest, SignOff
from .publish_gate import reviewed_page_models
from .signed_scope import IMAGE_SIGNED_FIELDS, object_key, object_snapshot, signed_fields

#: How many article titles an error message names before "and N more".
NAMED_IN_MESSAGES = 5
#: The fields whose change is a change of what readers see of a file.
FILE_FIELDS = frozenset({"file", *(name for name in IMAGE_SIGNED_FIELDS if name != "file_hash")})


def live_pages_using(instance):
    """The live gated pages whose live content refers to `instance`, in title order."""
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = set(
        ReferenceIndex.get_references_to(instance)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    pages = []
    for model in reviewed_page_models():
        lookup = models.Q(pk__in=[int(pk) for pk in page_ids])
        for field in model._meta.get_fields():
            if isinstance(field, ParentalManyToManyField) and isinstance(
                instance, field.related_model
            ):
                lookup |= models.Q(**{field.name: instance})
        pages.extend(model.objects.live().filter(lookup).distinct().defer_streamfields())
    return sorted(pages, key=lambda page: (page.title, page.pk))


def describe(pages):
    titles = [f"“{page.title}”" for page in pages[:NAMED_IN_MESSAGES]]
    more = len(pages) - NAMED_IN_MESSAGES
    return ", ".join(titles) + (f" and {more} more" if more > 0 else "")


def changed_fields(instance, signed_snapshot):
    current = object_snapshot(instance)
    return [
        str(instance._meta.get_field(name).verbose_name)
        for name in signed_fields(type(instance))
        if current.get(name) != signed_snapshot.get(name)
    ]


def request_rereviews_for(instance, user=None):
    """Ask for a new review of each live article that shows `instance` differently than signed.

    Returns the requests made. The live pages keep showing the signed values.
    """
    key = object_key(type(instance), instance.pk)
    label = f"{instance._meta.verbose_name} “{instance}”"
    requests = []
    for page in live_pages_using(instance):
        sign_off = SignOff.objects.covering(page)
        signed = ((sign_off.scope or {}).get("objects") or {}).get(key) if sign_off else None
        if signed is None:
            continue
        fields = changed_fields(instance, signed)
        if fields:
            detail = (
                f"The {label} changed ({', '.join(fields)}) after this article was signed off; "
                "readers still see the signed version until it is reviewed again."
            )
            requests.append(
                ReReviewRequest.objects.request(
                    page, ReReviewRequest.Reason.REFERENCE_DATA, detail, user=user
                )
            )
    return requests


def file_change_refusal(instance):
    """Why the file (or focal point) of `instance` may not change now, or "" when it may."""
    if instance._state.adding or instance.pk is None:
        return ""
    stored = type(instance)._default_manager.filter(pk=instance.pk).first()
    if stored is None:
        return ""
    changed = [
        name
        for name in sorted(FILE_FIELDS)
        if hasattr(instance, name) and _stored_value(stored, name) != _stored_value(instance, name)
    ]
    if not changed:
        return ""
    pages = live_pages_using(stored)
    if not pages:
        return ""
    what = "file" if "file" in changed else "focal point"
    return (
        f"This {instance._meta.verbose_name} is shown in live articles ({describe(pages)}), "
        f"so its {what} can't change: readers must see what the medical reviewer signed. "
        f"Upload the new version as a new {instance._meta.verbose_name} and choose it in "
        "those articles; they then go through medical review."
    )


def _stored_value(instance, name):
    value = getattr(instance, name)
    return getattr(value, "name", value)


def deletion_refusal(instance):
    pages = live_pages_using(instance)
    if not pages:
        return ""
    return (
        f"This {instance._meta.verbose_name} can't be deleted: it is shown in live articles "
        f"({describe(pages)}). Remove it from those articles (a change that goes through "
        "medical review) or unpublish them first."
    )


def guard_file_change(sender, instance, update_fields=None, **kwargs):
    """pre_save: refuse a file or focal point change of media shown in live articles."""
    if update_fields is not None and not FILE_FIELDS & set(update_fields):
        return  # e.g. Wagtail filling in file_size: the stored file is not written
    refusal = file_change_refusal(instance)
    if refusal:
        raise PermissionDenied(refusal)


def guard_deletion(sender, instance, **kwargs):
    """pre_delete: refuse deleting anything live articles show."""
    refusal = deletion_refusal(instance)
    if refusal:
        raise PermissionDenied(refusal)


class _ProtectedMediaFormMixin:
    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk and self.has_changed():
            candidate = type(self.instance)._default_manager.get(pk=self.instance.pk)
            for name in ("file", *IMAGE_SIGNED_FIELDS):
                if name in cleaned_data and name != "file_hash":
                    setattr(candidate, name, cleaned_data[name])
            refusal = file_change_refusal(candidate)
            if refusal:
                raise ValidationError(refusal)
        return cleaned_data


class ProtectedImageForm(_ProtectedMediaFormMixin, BaseImageForm):
    """Wagtail's image form (WAGTAILIMAGES_IMAGE_FORM_BASE), refusing to change live images."""


class ProtectedDocumentForm(_ProtectedMediaFormMixin, BaseDocumentForm):
    """Wagtail's document form (WAGTAILDOCS_DOCUMENT_FORM_BASE), refusing to change live files."""
