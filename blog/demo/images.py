"""Abstract illustrations for the demo articles, drawn with Pillow (nothing is downloaded).

Each picture is a soft two-colour gradient with overlapping circles and a wave,
with no text, drawn from a fixed seed so every load gives the same images. They
are saved as Wagtail images whose description is the alt text.
"""

import csv
import io
import math
import random
from pathlib import Path

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

from blog import factories as blocks

from .refs import Image

SIZE = (1200, 675)

#: One row per illustration: its key, title, background colours (top and bottom), the
#: colours of its shapes (space-separated; the last one also draws the wave) and its
#: alt text.
ILLUSTRATIONS_CSV = Path(__file__).with_name("illustrations.csv")
#: Body images: the same palettes drawn from another seed (the "-detail" key), so an
#: article's picture in the text differs from its hero image.
DETAILED = ("b12", "vitamin-d", "iron", "vitamin-c")


def _read_illustrations():
    with ILLUSTRATIONS_CSV.open(newline="", encoding="utf-8") as file:
        illustrations = {row.pop("key"): row for row in csv.DictReader(file)}
    for key in DETAILED:
        hero = illustrations[key]
        illustrations[f"{key}-detail"] = {**hero, "title": f"{hero['title']}, detail"}
    return illustrations


#: key -> {"title", "top", "bottom", "shapes", "alt"}, as ILLUSTRATIONS_CSV has them.
ILLUSTRATIONS = _read_illustrations()


def _hex(color):
    return tuple(int(color[index : index + 2], 16) for index in (1, 3, 5))


def draw(key):
    """PNG bytes of the illustration called `key`."""
    row = ILLUSTRATIONS[key]
    randomness = random.Random(key)  # noqa: S311 - decoration, not security
    top, bottom = _hex(row["top"]), _hex(row["bottom"])
    shapes = [_hex(color) for color in row["shapes"].split()]
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
    for key, row in ILLUSTRATIONS.items():
        image = get_image_model()(title=row["title"], description=row["alt"])
        image.file = ImageFile(io.BytesIO(draw(key)), name=f"demo-{key}.png")
        image.save()
        images[key] = image
    return images


def alt_text(key):
    return ILLUSTRATIONS[key]["alt"]


def illustration(key, caption=""):
    """A body image block showing the illustration called `key`, described by its alt text."""
    return blocks.image(
        Image(key), alt_text(key), caption=caption, credit="Illustration: Health blog"
    )
