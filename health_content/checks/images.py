"""``image-alt-text``: an image with no alt text that is not marked decorative.

Blocking: readers using screen readers miss what the image shows. The hero
image's alt text is checked too.
"""

import re

from .base import BLOCKING, Finding

CHECK_ID = "image-alt-text"
MESSAGE = (
    "This image has no alt text. Describe what it shows, or tick “decorative” if it "
    "adds no information."
)
IMG_WITHOUT_ALT = re.compile(
    r"<(?:img|embed\b[^>]*embedtype=\"image\")(?![^>]*\balt=\"[^\"]+\")", re.I
)


def check(article):
    findings = []
    page = article.page
    if getattr(page, "hero_image_id", None) and not (page.hero_image_alt or "").strip():
        findings.append(Finding(CHECK_ID, BLOCKING, MESSAGE, "hero_image", "hero image"))
    for path, block_type, value in article.blocks:
        if block_type != "image":
            continue
        if not value.get("decorative") and not (value.get("alt_text") or "").strip():
            findings.append(Finding(CHECK_ID, BLOCKING, MESSAGE, path, value.get("caption") or ""))
    for segment in article.segments:
        if segment.html and IMG_WITHOUT_ALT.search(segment.html):
            findings.append(Finding(CHECK_ID, BLOCKING, MESSAGE, segment.path, segment.text[:80]))
    return findings
