"""``heading-order``: headings skip a level.

Sections render as h2, so headings inside a section's text start at h3; a jump
(h2 to h4) breaks the outline screen-reader users navigate by. Warning.
"""

import re

from .base import WARNING, Finding, html_to_text

CHECK_ID = "heading-order"
HEADING = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1>", re.I | re.S)
#: Block headings render as h2 (see templates/blocks/).
BLOCK_LEVEL = 2


def check(article):
    findings = []
    for segment in article.segments:
        if not segment.html:
            continue
        level = BLOCK_LEVEL
        for match in HEADING.finditer(segment.html):
            found = int(match.group(1))
            if found > level + 1 or found < BLOCK_LEVEL + 1:
                expected = f"h{min(level + 1, 6)}" if found > level + 1 else "h3 or lower"
                findings.append(
                    Finding(
                        CHECK_ID,
                        WARNING,
                        f"The heading “{html_to_text(match.group(2))}” is an h{found} after "
                        f"an h{level}: use {expected} so the outline has no gaps.",
                        segment.path,
                        html_to_text(match.group(2)),
                    )
                )
            level = found
    return findings
