"""``reading-level``: the article's prose is harder to read than the target grade.

SMOG and Flesch-Kincaid grades come from textstat (a well-kept implementation of
both formulas). The default target follows the NHS content guide: write for a
reading age of 9 to 11, i.e. US grade 6 at most; ``HEALTH_CHECKS_READING_GRADE``
changes it.
"""

import textstat
from django.conf import settings

from .base import WARNING, Finding, excerpt

CHECK_ID = "reading-level"
DEFAULT_TARGET_GRADE = 6
#: SMOG needs 30 sentences to be meaningful; below this many words no grade is given.
MIN_WORDS = 100
#: The quoted hardest passage is a real sentence or paragraph, not a list fragment.
PASSAGE_WORDS = 12


def target_grade():
    return getattr(settings, "HEALTH_CHECKS_READING_GRADE", DEFAULT_TARGET_GRADE)


def grades(text):
    return {
        "smog": round(textstat.smog_index(text), 1),
        "flesch_kincaid": round(textstat.flesch_kincaid_grade(text), 1),
    }


def _as_sentence(text):
    # Headings-like fragments and list items end no sentence; count each as one.
    text = text.rstrip()
    return text if text.endswith((".", "!", "?")) else f"{text}."


def check(article):
    prose = [s for s in article.prose() if s.block_type not in ("title", "disclaimer")]
    text = " ".join(_as_sentence(s.text) for s in prose)
    if textstat.lexicon_count(text) < MIN_WORDS:
        return []
    target = target_grade()
    found = grades(text)
    if max(found.values()) <= target:
        return []
    passages = [s for s in prose if textstat.lexicon_count(s.text) >= PASSAGE_WORDS] or prose
    hardest = max(passages, key=lambda s: textstat.flesch_kincaid_grade(s.text))
    return [
        Finding(
            CHECK_ID,
            WARNING,
            f"The article reads at grade {found['flesch_kincaid']} (Flesch-Kincaid) and "
            f"{found['smog']} (SMOG); aim for grade {target} or below. Use shorter sentences "
            "and everyday words; the hardest passage is quoted.",
            hardest.path,
            excerpt(hardest.text),
        )
    ]
