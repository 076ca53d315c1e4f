"""How urgently to seek care for an imported symptom: a conservative reading of the text.

The rule, in full:

1. Each level has trigger phrases (below). A symptom's own text (name and
   detail) and its context (the section heading and the sentence introducing
   the list) are each given the most urgent level whose phrases they contain.
2. The symptom gets the more urgent of the two. Context can only raise a level
   ("Call 999 if you notice:" makes every item an emergency), never lower one a
   symptom states itself.
3. With no phrase anywhere, the level is "see a doctor". "Self-care" is never
   guessed: only explicit wording (self-care, treat at home...) gives it.

The importer reports every inferred level for the reviewer to confirm; the
words only ever move a symptom towards more urgent care than the default.
"""

import re

from health_content.blocks.symptoms import CARE_LEVELS

#: Least to most urgent, as the block's choices are ordered.
ORDER = [value for value, _ in CARE_LEVELS]
DEFAULT_LEVEL = "see_doctor"

TRIGGERS = {
    "emergency": [
        r"call (911|999|112|000|an ambulance|emergency services)",
        r"\b(911|999|112)\b",
        r"\bemergenc(y|ies)\b",
        r"\bambulance\b",
        r"\b(a&e|a & e|er)\b",
        r"accident and emergency",
        r"emergency (room|department)",
        r"life[- ]threatening",
    ],
    "urgent": [
        r"\burgent(ly)?\b",
        r"same[- ]day",
        r"\b(immediately|right away|straight away|at once|without delay)\b",
        r"as soon as possible",
        r"\bpromptly\b",
        r"urgent care",
    ],
    "see_doctor": [
        r"\b(see|call|contact|consult|visit|tell|talk to|speak to)\b.{0,30}\b(doctor|gp|physician|"
        r"health ?care (provider|professional)|clinician|pharmacist|nurse|midwife)\b",
        r"medical (advice|attention|help)",
    ],
    "self_care": [
        r"self[- ]care",
        r"(treat|manage|care for)( it| them)? at home",
        r"home (care|treatment|remedies)",
        r"usually (harmless|goes away on its own|clears up on its own)",
    ],
}
_COMPILED = {
    level: [re.compile(pattern, re.IGNORECASE) for pattern in patterns]
    for level, patterns in TRIGGERS.items()
}


def stated_level(text):
    """The most urgent care level that `text` states, or None."""
    for level in reversed(ORDER):
        if any(pattern.search(text or "") for pattern in _COMPILED[level]):
            return level
    return None


def infer_care_level(symptom_text, context_text=""):
    """The care level of a symptom given its text and its list's context (see module rule)."""
    levels = [level for level in (stated_level(symptom_text), stated_level(context_text)) if level]
    if not levels:
        return DEFAULT_LEVEL
    return max(levels, key=ORDER.index)
