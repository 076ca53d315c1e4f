"""``symptom-without-care-advice``: a list of symptoms that does not say when to get help.

A reader with these symptoms must learn how soon to act. A symptom-list block
passes when it has "when to get help" text or a care level above self-care on
an item; a section listing symptoms passes when it names someone to see or call.
"""

import re

from .base import WARNING, Finding, excerpt

CHECK_ID = "symptom-without-care-advice"
CARE_LEVELS_WITH_ADVICE = frozenset({"see_doctor", "urgent", "emergency"})
SYMPTOM_HEADING = re.compile(r"\b(?:symptoms?|signs?|warning signs)\b", re.I)
LIST = re.compile(r"<(?:ul|ol)\b", re.I)
CARE_ADVICE = re.compile(
    r"\b(?:GP|doctor|healthcare|health care|nurse|pharmacist|clinician|NHS\s?111|111|999|911"
    r"|112|A&E|emergency|urgent care|medical (?:advice|help|attention)|health professional)\b",
    re.I,
)
MESSAGE = (
    "This list of symptoms does not say when to get help. Add when to see a GP or "
    "pharmacist, and when to call 999 or go to A&E."
)


def _symptom_list_advised(value):
    if (value.get("when_to_get_help") or "").strip():
        return True
    return any(item.get("care_level") in CARE_LEVELS_WITH_ADVICE for item in value.get("items"))


def check(article):
    findings = []
    for path, block_type, value in article.blocks:
        if block_type == "symptom_list" and not _symptom_list_advised(value):
            findings.append(Finding(CHECK_ID, WARNING, MESSAGE, path, value.get("heading", "")))
    for segment in article.segments:
        if segment.block_type != "section" or segment.field != "body":
            continue
        section = next(v for p, _, v in article.blocks if segment.path.startswith(f"{p}."))
        heading = section.get("heading") or ""
        lists_symptoms = LIST.search(segment.html) and (
            SYMPTOM_HEADING.search(heading) or SYMPTOM_HEADING.search(segment.text)
        )
        if lists_symptoms and not CARE_ADVICE.search(segment.text):
            findings.append(
                Finding(CHECK_ID, WARNING, MESSAGE, segment.path, excerpt(heading or segment.text))
            )
    return findings
