"""Web-page debris: the lines a copy of a blog page brings along that are not the article.

A line is debris when the whole line (ignoring case and closing punctuation) is
one of the patterns below: skip links, comment widgets, share buttons, image
placeholders, avatar lines, newsletter and promotional lines, bylines and
dates. Only short lines are tested, so a real paragraph that happens to mention
a newsletter is never dropped. Every dropped line is listed in the report.

Some headings start a whole section that is not article content (a pasted table
of contents, a "related posts" widget): `dropped_section_reason` names them.
"""

import functools
import re

#: Longest line that may be treated as debris; paragraphs are longer.
MAX_DEBRIS_LENGTH = 160

_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = (
    r"((mon|tue|wed|thu|fri|sat|sun)[a-z]*,? )?"
    rf"(\d{{1,2}}(st|nd|rd|th)? {_MONTH},? \d{{4}}|{_MONTH} \d{{1,2}}(st|nd|rd|th)?,? \d{{4}}|"
    rf"{_MONTH} \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})"
)
_IMAGE_FILE = r"[\w\- .()]{1,80}\.(jpe?g|png|gif|webp|svg|heic|tiff?)"
_SOCIAL = r"(facebook|twitter|x|pinterest|linkedin|whatsapp|reddit|email|e-mail|telegram|threads)"

DEBRIS_PATTERNS = [
    ("skip link", r"skip (to|navigation)( (main )?(content|navigation|menu|footer|search))?"),
    ("skip link", r"jump to (main )?content"),
    ("comment widget", r"(leave|post|add|write|submit) (a |your )?(comment|reply)"),
    (
        "comment widget",
        r"\d+ (comments?|responses?|replies)|comments?( \(\d+\))?|no comments( yet)?",
    ),
    ("comment widget", r"(reply|cancel reply|be the first to comment|log in to (comment|reply))"),
    ("comment widget", r"your email address will not be published.*|required fields are marked.*"),
    ("page control", r"close|[\u00d7\u2715\u2716x]|menu|open menu|toggle navigation|search( for)?"),
    (
        "page control",
        r"(back|scroll) to top|print( this)?( article| page)?|(previous|next)( post| article)?",
    ),
    ("page control", r"(read|see|show|load) more|continue reading"),
    ("image placeholder", r"\[(image|img|photo|picture|graphic|figure)\b[^\]]*\]"),
    ("image placeholder", r"(image|photo|picture|img|figure|illustration)( credit)?\s*:.*"),
    ("image placeholder", r"(image|photo) (placeholder|unavailable|not available)"),
    ("image placeholder", rf"\[?{_IMAGE_FILE}\]?"),
    (
        "image placeholder",
        r"[\[(<{].{0,40}\b(image|img|photo|picture|figure|graphic|illustration|video)\b.*",
    ),
    ("image placeholder", r"(featured|hero|header|cover|banner) (image|photo|picture)\b.*"),
    ("image placeholder", r"\(?(photo|image|picture)s? (by|courtesy|source|via)\b.*"),
    ("image placeholder", r"(alt text|alt|caption|credit)\s*:.*"),
    ("image placeholder", r"insert (image|photo|picture|graphic|chart)\b.*"),
    ("avatar", r"([\w .'-]+'s )?(author )?avatar( (photo|image|picture))?|gravatar"),
    ("avatar", r"profile (photo|picture)"),
    ("share buttons", rf"share( this)?( (article|post|page|story))?(( on| via) {_SOCIAL})?"),
    ("share buttons", rf"{_SOCIAL}|tweet( this)?|pin( it)?|copy link|share on \w+|shares?( \d+)?"),
    ("share buttons", rf"follow us( on {_SOCIAL})?|like us on facebook"),
    ("newsletter or promotion", r".*\bnewsletter\b.*|(sign up|subscribe)( now| today| here)?"),
    (
        "newsletter or promotion",
        r"(sign up|subscribe)( now| today)? (to|for) (our|my|the) "
        r"(updates|emails?|mailing list|blog|channel|podcast).*",
    ),
    ("newsletter or promotion", r".*\b(\d+% off|discount code|promo code|coupon|use code)\b.*"),
    ("newsletter or promotion", r".*\b(buy now|shop now|order now|limited time|special offer)\b.*"),
    ("newsletter or promotion", r"(advertisement|sponsored( content)?|ad|affiliate disclosure.*)"),
    ("cookie notice", r".*\bcookies?\b.*\b(accept|consent|policy|preferences)\b.*"),
    (
        "byline or date",
        r"(posted|published|written|updated|(medically )?reviewed)( on| by| in|:) .{1,60}",
    ),
    ("byline or date", r"last (updated|modified|reviewed)\s*:?.{0,40}"),
    # A name, so a heading such as "By the numbers" is kept (case-sensitive part).
    (
        "byline or date",
        r"by (?-i:[A-Z][\w.'-]+(?: [A-Z][\w.'-]*){1,3})(\s*[,|\u00b7\u2022\u2013-].{0,60})?",
    ),
    ("byline or date", r"\d+ min(ute)?s? read|reading time.*"),
    (
        "byline or date",
        rf"((last )?(updated|published|posted|reviewed|modified|created|edited|date)\s*:?\s*"
        rf"(on\s+)?)?{_DATE}(\s*[|•·,-]?\s*.{{0,40}})?",
    ),
    ("copyright line", r"(©|\(c\)|copyright\b).{0,100}|.{0,80}\ball rights reserved\b.*"),
    ("breadcrumb", r"[\w&'\u2019 -]{1,30}(\s+(>|\u203a|»|/|\\)\s+[\w&'\u2019 -]{1,30}){2,}"),
    ("feedback widget", r"(was|is) this (page|article|post|information) (helpful|useful)\b.*"),
    ("page control", r"home|newer posts?|older posts?|email this|blogthis|print friendly.*"),
    ("share buttons", r"\d+ (likes?|claps?|views?|shares?)|share to \w+"),
    ("tags", r"(tags|tagged|categories|category|filed under)\s*:.*"),
]
#: One alternation, so a line is tested in one pass of the regular-expression engine.
_COMBINED = re.compile(
    "|".join(f"(?P<p{number}>{pattern})" for number, (_, pattern) in enumerate(DEBRIS_PATTERNS)),
    re.IGNORECASE,
)
_REASONS = {f"p{number}": reason for number, (reason, _) in enumerate(DEBRIS_PATTERNS)}

#: Headings whose whole section is dropped, with the reason given in the report.
DROPPED_SECTIONS = [
    ("table of contents", r"(table of )?contents|in this (article|post|guide)|on this page"),
    ("table of contents", r"jump to( a)? section|article contents|quick links|skip to section"),
    ("related-posts widget", r"related (posts|articles|reading|stories)|you (may|might) also like"),
    ("related-posts widget", r"(recommended|more) (for you|stories|articles|posts)|popular posts"),
    ("comment widget", r"(\d+ )?(comments?|responses)( \(\d+\))?|leave a (comment|reply)"),
    ("author box", r"about the author|author bio"),
]
_COMPILED_SECTIONS = [
    (reason, re.compile(pattern, re.IGNORECASE)) for reason, pattern in DROPPED_SECTIONS
]


def _normalised(text):
    return " ".join(text.split()).strip().rstrip(":.!|").strip()


@functools.lru_cache(maxsize=2048)
def debris_reason(text):
    """Why the line `text` is web-page debris, or None when it is content."""
    line = _normalised(text)
    if not line:
        return None
    if len(line) > MAX_DEBRIS_LENGTH:
        return None
    match = _COMBINED.fullmatch(line)
    return _REASONS[match.lastgroup] if match else None


def dropped_section_reason(heading):
    """Why the section under `heading` is not article content, or None."""
    line = _normalised(heading)
    for reason, pattern in _COMPILED_SECTIONS:
        if pattern.fullmatch(line):
            return reason
    return None
