"""``uncited-research-claim``: "studies show" with no study cited.

Pasted articles lean on research they never name ("some studies suggest",
"research has shown", "clinically proven"). A reviewer cannot check a study
nobody cites, so a paragraph that appeals to research needs a source in the same
paragraph, as a figure does (see `citations`). A warning: the reviewer decides
whether the claim stays, with a source, or goes.
"""

import re

from .citations import uncited_findings

CHECK_ID = "uncited-research-claim"

_SHOW = (
    r"(?:shows?|showed|shown|suggests?|suggested|indicates?|indicated|finds|found|proves?|"
    r"proved|proven|confirms?|confirmed|demonstrates?|demonstrated|links?|linked|reveals?|"
    r"revealed|supports?)"
)
RESEARCH_CLAIM = re.compile(
    r"\b(?:(?:some|many|several|numerous|recent|new|emerging|other|clinical|scientific|"
    r"medical|growing)\s+)?(?:studies|research|trials|evidence|scientists|researchers|"
    r"experts|doctors)\s+(?:\w+\s+){0,2}?" + _SHOW + r"\b"
    r"|\b(?:a|one|another|the\s+latest)\s+(?:\d{4}\s+)?(?:recent\s+|new\s+|large\s+|small\s+)?"
    r"(?:study|trial|review|survey|analysis)\s+(?:\w+\s+){0,2}?" + _SHOW + r"\b"
    r"|\b(?:clinically|scientifically|medically)\s+(?:proven|tested|shown|backed)\b"
    r"|\bbacked\s+by\s+(?:science|research|studies)\b",
    re.I,
)


def check(article):
    return uncited_findings(
        article,
        RESEARCH_CLAIM,
        CHECK_ID,
        "“{match}” appeals to research without citing it. Name the study and add it to "
        "the references with a marker such as [1], or remove the claim.",
    )
