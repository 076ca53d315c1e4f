"""Abstract illustrations for the demo articles, drawn with Pillow (nothing is downloaded).

Each picture is a soft two-colour gradient with overlapping circles and a wave,
with no text, drawn from a fixed seed so every load gives the same images. They
are saved as Wagtail images whose description is the alt text.
"""

import io
import math
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

from blog import factories as blocks

from .refs import Image

SIZE = (1200, 675)

#: key -> (title, palette (background top, background bottom, shapes...), alt text)
ILLUSTRATIONS = {
    "b12": (
        "Vitamin B12 illustration",
        ("#f6efe4", "#e4f1ef", "#1f7a74", "#e07a5f", "#f2cc8f"),
        "Abstract illustration: teal and coral circles overlapping on a cream background, "
        "crossed by a soft golden wave.",
    ),
    "vitamin-d": (
        "Vitamin D illustration",
        ("#fff4d6", "#fde2b8", "#f4a259", "#f6d55c", "#3caea3"),
        "Abstract illustration: warm orange and yellow circles on a pale yellow background, "
        "crossed by a green wave.",
    ),
    "iron": (
        "Iron illustration",
        ("#f9e8e6", "#f1d3d0", "#9e2a2b", "#e09f3e", "#335c67"),
        "Abstract illustration: deep red and amber circles on a pale pink background, "
        "crossed by a dark teal wave.",
    ),
    "folate": (
        "Folate illustration",
        ("#eef6e8", "#d9ecd0", "#4c956c", "#2c6e49", "#fefee3"),
        "Abstract illustration: overlapping leaf-green circles on a light green background, "
        "crossed by a pale cream wave.",
    ),
    "vitamin-c": (
        "Vitamin C illustration",
        ("#fff1e0", "#ffe0c2", "#f77f00", "#fcbf49", "#d62828"),
        "Abstract illustration: orange and yellow circles on a peach background, crossed by "
        "a red wave.",
    ),
    "nerves": (
        "Nerve health illustration",
        ("#eaf0fb", "#d8e2f5", "#3d5a80", "#98c1d9", "#ee6c4d"),
        "Abstract illustration: dark and light blue circles on a pale blue background, "
        "crossed by an orange wave.",
    ),
}


# Body images: the same palettes drawn from another seed, so an article's picture
# in the text differs from its hero image.
for _key in ("b12", "vitamin-d", "iron", "vitamin-c"):
    _title, _palette, _alt = ILLUSTRATIONS[_key]
    ILLUSTRATIONS[f"{_key}-detail"] = (f"{_title}, detail", _palette, _alt)


def _hex(color):
    return tuple(int(color[index : index + 2], 16) for index in (1, 3, 5))


def draw(key):
    """PNG bytes of the illustration called `key`."""
    _, palette, _ = ILLUSTRATIONS[key]
    randomness = random.Random(key)  # noqa: S311 - decoration, not security
    top, bottom, *shapes = (_hex(color) for color in palette)
    width, height = SIZE
    # Top-to-bottom blend of the two background colours, masked by a grey ramp.
    ramp = PILImage.linear_gradient("L").resize(SIZE)
    picture = PILImage.composite(
        PILImage.new("RGB", SIZE, bottom), PILImage.new("RGB", SIZE, top), ramp
    )
    pen = ImageDraw.Draw(picture, "RGBA")
    for index in range(7):
        color = shapes[index % len(shapes)]
        radius = randomness.randint(80, 260)
        x, y = randomness.randint(0, width), randomness.randint(0, height)
        pen.ellipse([x - radius, y - radius, x + radius, y + radius], fill=(*color, 150))
    wave_color = shapes[-1]
    phase = randomness.random() * math.tau
    points = [(x, height * 0.62 + 60 * math.sin(x / 140 + phase)) for x in range(0, width + 10, 10)]
    pen.line(points, fill=(*wave_color, 230), width=18, joint="curve")
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return buffer.getvalue()


def create_images():
    """Create every illustration as a Wagtail image; return ``{key: image}``."""
    images = {}
    for key, (title, _, alt) in ILLUSTRATIONS.items():
        image = get_image_model()(title=title, description=alt)
        image.file = ImageFile(io.BytesIO(draw(key)), name=f"demo-{key}.png")
        image.save()
        images[key] = image
    return images


def alt_text(key):
    return ILLUSTRATIONS[key][2]


def illustration(key, caption=""):
    """A body image block showing the illustration called `key`, described by its alt text."""
    return blocks.image(
        Image(key), alt_text(key), caption=caption, credit="Illustration: Health blog"
    )
