"""``uncited-statistic``: a figure or statistic with no citation near it.

A paragraph (or list item) that states a percentage, a rate ("1 in 4", "one in
five"), a proportion ("half of adults"), a multiple ("3 times more likely",
"twice as likely", "doubles the risk") or a count of people ("50 million
Americans") needs a citation in the same paragraph: a reference marker like [1],
a link to a trusted source (the outside-link allowlist; a shop link is no source),
or a named source ("according to the NHS", "a 2019 study in The Lancet").
"""

import re

from .base import WARNING, Finding, excerpt
from .links import host, links, on_list
from .outside_links import allowlist

CHECK_ID = "uncited-statistic"

_SMALL_NUMBER = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)"
_PEOPLE = (
    r"(?:people|persons|individuals|adults|children|kids|teens|teenagers|adolescents|babies|"
    r"infants|patients|americans|britons|brits|australians|canadians|europeans|women|men|"
    r"girls|boys|mothers|seniors|smokers|users|cases|deaths|participants|subjects|"
    r"respondents|volunteers|sufferers|vegans|vegetarians|workers|students)"
)
STATISTIC = re.compile(
    r"(?:\b\d+(?:[.,]\d+)?\s?(?:%|per\s?cent\b)(?!\s*off\b))"
    rf"|(?:\b{_SMALL_NUMBER}\s+(?:in|out\s+of)\s+(?:every\s+)?(?:\d[\d,]*|{_SMALL_NUMBER}|"
    r"a\s+(?:hundred|thousand|million))\b)"
    r"|(?:\b(?:\d+(?:\.\d+)?|two|three|four|five|ten)[-\s]?(?:times|fold)\s+"
    r"(?:more|less|higher|lower|greater|as|the)\b)"
    r"|(?:\b(?:twice|half)\s+as\s+(?:likely|many|much|common|often)\b)"
    r"|(?:\b(?:doubles?|doubled|doubling|triples?|tripled|halves|halved)\s+(?:the|your|their|"
    r"a\s+person's)\s+(?:risk|chance|odds|rate)\b)"
    r"|(?:\b(?:half|a\s+(?:third|quarter|fifth|tenth)|one[-\s](?:third|quarter|fifth|tenth)|"
    r"two[-\s]thirds|three[-\s]quarters)\s+of\s+(?:all\s+)?(?:\w+\s+){0,2}" + _PEOPLE + r"\b)"
    r"|(?:\b\d[\d,.]*\s*(?:million|billion|thousand)\b)"
    r"|(?:\b\d[\d,.]*\s+(?:\w+\s+)?" + _PEOPLE + r"\b)",
    re.I,
)
#: What counts as a source named in the same paragraph. "According to experts"
#: names nobody, so "according to" must be followed by a capitalised name.
CITATION = re.compile(
    r"\[\d+(?:[,\u2013-]\s*\d+)*\]|<sup|\((?:[A-Z][^()]*\s)?(?:19|20)\d\d[a-z]?\)|\bet al\b"
    r"|\b[Aa]ccording to (?:the |a |an )?(?:\d{4} )?[A-Z]"
    r"|\b(?:NHS|CDC|WHO|NIH|NICE|FDA|EFSA|Cochrane)\b|\b[Ss]ource:"
    r"|\b(?:published|reported)\s+in\s+(?:the\s+)?[A-Z]",
)


def cited(segment, domains):
    """Whether `segment` names or links a source for what it states."""
    if CITATION.search(segment.html or segment.text):
        return True
    return any(on_list(host(url), domains) for url in links(segment))


def uncited_prose(article):
    """The paragraphs of running text that name or link no source, which a figure or
    a claim of evidence in them would need (this check and `research_claims`)."""
    domains = allowlist()
    for segment in article.prose():
        if segment.block_type in ("disclaimer", "title"):
            continue
        for paragraph in segment.paragraphs():
            if not cited(paragraph, domains):
                yield paragraph


def uncited_findings(article, pattern, check_id, message):
    """A warning for the first match of `pattern` in each paragraph that names no
    source; `message` is formatted with the matched words as ``{match}``."""
    findings = []
    for paragraph in uncited_prose(article):
        match = pattern.search(paragraph.text)
        if match is not None:
            findings.append(
                Finding(
                    check_id,
                    WARNING,
                    message.format(match=match.group(0)),
                    paragraph.path,
                    excerpt(paragraph.text, match.group(0)),
                )
            )
    return findings


def check(article):
    return uncited_findings(
        article,
        STATISTIC,
        CHECK_ID,
        "“{match}” is a figure with no source beside it. Add a reference marker such as "
        "[1] pointing to the reference list, or remove the figure.",
    )
