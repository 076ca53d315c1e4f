"""Is this line a heading? Read from the line's features, not from exact patterns.

Plain text and bold-only HTML paragraphs carry no heading markup, so a line is
judged by what writers' headings have in common, whatever the convention:

* short: at most 14 words and 120 characters (8 words when it ends in a colon);
* one phrase: no full stop, comma or semicolon at the end, no sentence break
  inside, no web address;
* starts like a heading: a capital or a digit, optionally after numbering
  ("2.", "2.1", "IV.", "Step 3:", "Part 2 -");
* a trailing colon makes a heading of a short phrase ("Causes:", "Who is at
  risk:") but not of a sentence that introduces a list ("Symptoms include:",
  "You may notice:", "Side effects are usually mild and short-lived:"); the
  longer a colon line, the more it must look like a title (capitalised words,
  capitals throughout, or a question word first);
* markup a writer typed (``**Heading**``, ``__Heading__``) is a strong sign.

What follows matters too, and is checked by the readers: a heading is followed
by more content, never the end of the file.
"""

import re

from .document import URL_RE

NUMBERING_RE = re.compile(
    r"^(?:(?:step|part|section|chapter)\s+\d{1,2}\s*[:.)\u2013\u2014-]?|"
    r"\d{1,2}(?:\.\d{1,2})*[.)]?|[IVX]{1,5}[.)])\s+(?=\S)",
    re.IGNORECASE,
)
QA_PREFIX_RE = re.compile(r"^(q|a|question|answer)\s*[:.]", re.IGNORECASE)
TYPED_MARKUP_RE = re.compile(r"^(\*\*|__)(?P<text>[^*_].*?)\1:?$")
#: Words followed by a full stop that do not end a sentence.
ABBREVIATIONS = frozenset(
    {"vs", "e.g", "i.e", "etc", "dr", "mr", "mrs", "ms", "st", "no", "approx", "fig", "u.s"}
)
QUESTION_WORDS = frozenset(
    {
        "what",
        "who",
        "when",
        "where",
        "why",
        "how",
        "which",
        "can",
        "is",
        "are",
        "do",
        "does",
        "should",
        "will",
    }
)
#: A colon line with one of these introduces what follows rather than naming a section.
LEAD_IN_WORDS = frozenset(
    {
        "include",
        "includes",
        "including",
        "such",
        "following",
        "below",
        "these",
        "like",
        "are",
        "were",
        "is",
        "was",
        "as",
        "be",
        "can",
        "may",
        "might",
        "could",
        "will",
        "should",
        "must",
        "has",
        "have",
        "need",
        "needs",
        "notice",
        "try",
        "by",
    }
)
PRONOUNS = frozenset({"you", "we", "they", "it", "this", "these", "there", "i", "he", "she"})
SMALL_WORDS = frozenset(
    {
        "a",
        "an",
        "the",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "for",
        "with",
        "at",
        "by",
        "from",
        "vs",
        "your",
        "you",
        "is",
        "it",
        "as",
        "do",
        "be",
        "if",
    }
)
MAX_HEADING_WORDS = 14
MAX_COLON_HEADING_WORDS = 8
MAX_HEADING_LENGTH = 120


def strip_numbering(line):
    """The line without leading section numbering ("2.", "1.3", "Step 4:")."""
    return NUMBERING_RE.sub("", line.strip(), count=1)


def typed_markup(line):
    """The text of a line wrapped in ``**`` or ``__`` as a whole, else None."""
    match = TYPED_MARKUP_RE.match(line.strip())
    return match.group("text").strip() if match else None


def has_sentence_break(line):
    for match in re.finditer(r"(\S+?)[.!?]+\s+\S", line):
        word = match.group(1).lower()
        if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            continue
        return True
    return False


def _words(line):
    return re.findall(r"[\w'\u2019-]+", line)


def is_capitalised(line):
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 3 and all(not c.islower() for c in letters)


def title_case_ratio(words):
    significant = [w for w in words if w.lower() not in SMALL_WORDS]
    if not significant:
        return 0.0
    return sum(w[0].isupper() or w[0].isdigit() for w in significant) / len(significant)


def _colon_heading(text, words):
    lowered = [w.lower() for w in words]
    if len(words) > MAX_COLON_HEADING_WORDS or not words:
        return False
    if lowered[0] in PRONOUNS or lowered[-1] in LEAD_IN_WORDS:
        return False
    if any(w in ("include", "includes", "including", "following", "such") for w in lowered):
        return False
    if len(words) <= 5 and not any(w in LEAD_IN_WORDS for w in lowered[1:]):
        return True
    return is_capitalised(text) or lowered[0] in QUESTION_WORDS or title_case_ratio(words) >= 0.75


def looks_like_heading(line):
    """Whether `line` (plain text, one line) has the shape of a heading."""
    line = line.strip()
    marked = typed_markup(line)
    if marked is not None:
        line = marked
    text = strip_numbering(line) or line
    if not text or len(text) > MAX_HEADING_LENGTH:
        return False
    words = _words(text)
    if not words or len(words) > MAX_HEADING_WORDS:
        return False
    if not (text[0].isupper() or text[0].isdigit() or text[0] in "\u201c\"'\u2018("):
        return False
    if QA_PREFIX_RE.match(text) or text.startswith("[") or URL_RE.search(text):
        return False
    if has_sentence_break(text):
        return False
    if text.endswith(":"):
        return _colon_heading(text, words)
    return not text.endswith((".", ",", ";", "…"))


def heading_text(line):
    """A heading line as shown: typed markup and a trailing colon removed."""
    line = line.strip()
    marked = typed_markup(line)
    if marked is not None:
        line = marked
    return line.rstrip(":").strip()
