"""Pictures from Word documents: checked with Pillow, then saved in Wagtail's image library.

A picture is imported only when Pillow can open it as one of the formats the
site serves, and it is neither huge in bytes nor in pixels (a decompression
bomb would stall every rendition). Anything else is left out and the report
says why. Saving happens only in `pages.import_file`, inside the import's
transaction, so a failed import leaves no orphan images behind.
"""

import io

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import UnidentifiedImageError
from wagtail.images import get_image_model

FORMATS = {"PNG": "png", "JPEG": "jpg", "GIF": "gif", "WEBP": "webp"}
MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000


def image_problem(image):
    """Why the picture `image` (a document.Image) cannot be imported, or None."""
    if len(image.data) > MAX_IMAGE_BYTES:
        return f"it is larger than {MAX_IMAGE_BYTES // (1024 * 1024)} MB"
    try:
        with PillowImage.open(io.BytesIO(image.data)) as opened:
            kind = opened.format
            width, height = opened.size
            if width * height > MAX_PIXELS:
                return f"it is {width} by {height} pixels, too large to serve"
            opened.verify()
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        PillowImage.DecompressionBombError,
    ):
        return "it is not a readable picture"
    if kind not in FORMATS:
        return (
            f"its format ({kind or image.content_type or 'unknown'}) is not PNG, JPEG, GIF or WebP"
        )
    return None


def save_image(image, title, owner):
    """Save a checked picture in the image library; return its primary key."""
    with PillowImage.open(io.BytesIO(image.data)) as opened:
        extension = FORMATS[opened.format]
    model = get_image_model()
    saved = model(
        title=title[:255],
        file=ImageFile(io.BytesIO(image.data), name=f"{image.filename}.{extension}"),
        uploaded_by_user=owner,
    )
    saved.save()
    return saved.pk
