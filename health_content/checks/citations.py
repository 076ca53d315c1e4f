"""``uncited-statistic``: a figure or statistic with no citation near it.

A paragraph (or list item) that states a percentage, a rate ("1 in 4"), a
multiple ("3 times more likely") or a count of people needs a citation in the
same paragraph: a reference marker like [1], a link to a trusted source (the
outside-link allowlist; a shop link is no source), or a named source
("according to the NHS").
"""

import re

from .base import WARNING, Finding, excerpt
from .links import host, links, on_list
from .outside_links import allowlist

CHECK_ID = "uncited-statistic"

STATISTIC = re.compile(
    r"(?:\b\d+(?:[.,]\d+)?\s?(?:%|per\s?cent\b))"
    r"|(?:\b\d+\s+(?:in|out of)\s+(?:every\s+)?\d[\d,]*\b)"
    r"|(?:\b\d+(?:\.\d+)?[-\s]?(?:times|fold)\s+(?:more|less|higher|lower|greater|as)\b)"
    r"|(?:\b\d[\d,.]*\s*(?:million|billion|thousand)?\s+(?:people|adults|children|patients|"
    r"americans|women|men|cases|deaths|participants)\b)",
    re.I,
)
CITATION = re.compile(
    r"\[\d+(?:[,\u2013-]\s*\d+)*\]|<sup|\((?:[A-Z][^()]*\s)?(?:19|20)\d\d\)|\bet al\b"
    r"|\baccording to\b|\b(?:NHS|CDC|WHO|NIH|NICE|FDA)\b|\bsource:",
)


def _cited(segment, domains):
    if CITATION.search(segment.html or segment.text):
        return True
    return any(on_list(host(url), domains) for url in links(segment))


def check(article):
    domains = allowlist()
    findings = []
    for segment in article.prose():
        if segment.block_type in ("disclaimer", "title"):
            continue
        match = STATISTIC.search(segment.text)
        if match is None or _cited(segment, domains):
            continue
        findings.append(
            Finding(
                CHECK_ID,
                WARNING,
                f"“{match.group(0)}” is a figure with no source beside it. Add a reference "
                "marker such as [1] pointing to the reference list, or remove the figure.",
                segment.path,
                excerpt(segment.text, match.group(0)),
            )
        )
    return findings
