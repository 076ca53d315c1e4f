"""Images in the article body: responsive renditions, required alt text, caption and credit."""

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, prefetch_related_objects
from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.images.models import Filter

from .base import HealthStructBlock

#: The {% picture %} filter specs in templates/blocks/image.html (the same as the
#: article's hero image). Renditions for exactly these specs are prefetched in bulk;
#: if the two drift apart, each image costs queries again (a test counts them).
RENDITION_SPECS = ("format-{avif,webp,jpeg}", "width-{480,800,1200}")
ALT_TEXT_MESSAGE = "Add alt text describing the image, or tick 'decorative'."


class ImageValue(blocks.StructValue):
    @property
    def alt(self):
        """The alt attribute: empty for a decorative image, so screen readers skip it."""
        return "" if self.get("decorative") else self.get("alt_text") or ""


class ArticleImageBlock(HealthStructBlock):
    """An image with alt text, optional caption and credit, rendered as a responsive ``<picture>``.

    Alt text is required on submit and publish unless the writer ticks "decorative"
    (the image then gets ``alt=""``). Drafts save without it.
    """

    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        required=False,
        max_length=255,
        help_text="Describe what the image shows for readers who cannot see it.",
    )
    decorative = blocks.BooleanBlock(
        required=False, help_text="Tick only if the image adds no information."
    )
    caption = blocks.CharBlock(required=False, max_length=255)
    credit = blocks.CharBlock(required=False, max_length=120, help_text="e.g. Photo: Jane Doe")

    class Meta:
        icon = "image"
        label = "Image"
        group = "Media"
        template = "blocks/image.html"
        value_class = ImageValue
        help_text = "Every image needs alt text unless it is purely decorative."
        description = "A photo or illustration with alt text, caption and credit."
        required_messages = {"image": "Choose an image."}

    def full_validation_errors(self, value):
        if value.get("decorative") or (value.get("alt_text") or "").strip():
            return {}
        return {"alt_text": ValidationError(ALT_TEXT_MESSAGE)}

    def bulk_to_python(self, values):
        struct_values = super().bulk_to_python(values)
        # One query for the renditions of all the stream's images, instead of a
        # look-up per image when each is rendered; none when Wagtail's rendition
        # cache holds them all.
        images = _without_cached_renditions(
            [value["image"] for value in struct_values if value["image"] is not None]
        )
        rendition_model = get_image_model().get_rendition_model()
        prefetch_related_objects(
            images,
            Prefetch(
                "renditions",
                queryset=rendition_model.objects.filter(
                    filter_spec__in=Filter.expand_spec(RENDITION_SPECS)
                ),
                to_attr="prefetched_renditions",
            ),
        )
        return struct_values

    def get_preview_value(self):
        # Shows an image from the library in the block picker's preview, if there is one.
        return self.normalize(
            {
                "image": get_image_model().objects.first(),
                "alt_text": "Example image",
                "caption": "A caption explains the image.",
            }
        )


def _without_cached_renditions(images):
    """The `images` whose RENDITION_SPECS renditions are not all in Wagtail's rendition cache."""
    if not images:
        return []
    rendition_model = get_image_model().get_rendition_model()
    filters = [Filter(spec) for spec in Filter.expand_spec(RENDITION_SPECS)]
    keys = {
        id(image): [
            rendition_model.construct_cache_key(image, f.get_cache_key(image), f.spec)
            for f in filters
        ]
        for image in images
    }
    found = rendition_model.cache_backend.get_many([key for ks in keys.values() for key in ks])
    return [image for image in images if not all(key in found for key in keys[id(image)])]
