"""``absolute-claim``: cure, guarantee and other absolute claims.

Health claims are hedged by evidence; "cures", "guaranteed", "100% effective"
or "no side effects" are never supportable and are blocking. Negated uses
("there is no cure", "does not cure") are not claims and pass.
"""

import re

from .base import BLOCKING, Finding, excerpt

CHECK_ID = "absolute-claim"

CLAIM = re.compile(
    r"\b(?:cures?|cured|curing)\b"
    r"|\bmiracle\b|\bguarantee(?:d|s)?\b|\b100\s?%\s+(?:effective|safe|natural|proven)\b"
    r"|\bcompletely\s+(?:safe|eliminates?|reverses?)\b|\bno\s+side[\s-]effects\b"
    r"|\b(?:permanently|instantly)\s+(?:heals?|fix(?:es)?|reverses?|eliminates?)\b"
    r"|\bproven\s+to\s+(?:cure|heal|prevent|reverse)\b|\beliminates?\s+(?:all|any)\b",
    re.I,
)
NEGATION = re.compile(
    r"\b(?:no|not|never|cannot|can't|won't|isn't|doesn't|don't|without|nor)\b(?:\W+\w+){0,3}\W*$",
    re.I,
)


def check(article):
    findings = []
    for segment in article.segments:
        if segment.block_type == "disclaimer":
            continue
        for match in CLAIM.finditer(segment.text):
            before = segment.text[max(0, match.start() - 40) : match.start()]
            if NEGATION.search(before):
                continue
            findings.append(
                Finding(
                    CHECK_ID,
                    BLOCKING,
                    f"“{match.group(0)}” is an absolute claim no evidence supports. Say what "
                    "the evidence shows instead (e.g. “may help”, “can reduce”) and cite it.",
                    segment.path,
                    excerpt(segment.text, match.group(0)),
                )
            )
            break
    return findings
