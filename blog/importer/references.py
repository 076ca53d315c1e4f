"""Citations in a pasted references section, parsed into ArticleReference fields.

Identifiers are found anywhere in the citation: a DOI (bare, ``doi:`` or a
doi.org link), a PMID (``PMID: 123`` or a PubMed link) and the first other web
address. The rest is read as APA (``Authors (2020). Title. Journal, 1(2).``) or
Vancouver / web style (``Authors. Title. Journal. 2020;1(2).``): authors first,
then the title, then the journal or publisher. Citations are written in many
styles, so the report asks the reviewer to check them; a citation whose parts
cannot be told apart keeps its whole text as the title.
"""

import re
from dataclasses import dataclass

from health_content.references import DOI, PMID

from .document import URL_RE, collapse, split_trailing_punctuation

DOI_RE = re.compile(rf"(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?\b({DOI})", re.IGNORECASE)
PMID_RE = re.compile(rf"\bPMID:?\s*({PMID})\b", re.IGNORECASE)
PUBMED_URL_RE = re.compile(
    rf"https?://(?:www\.)?(?:pubmed\.ncbi\.nlm\.nih\.gov|ncbi\.nlm\.nih\.gov/pubmed)/({PMID})/?",
    re.IGNORECASE,
)
PMCID_RE = re.compile(r"\bPMCID:?\s*PMC\d+\b", re.IGNORECASE)
NUMBERING_RE = re.compile(r"^\s*(\[\d{1,3}\]|\(\d{1,3}\)|\d{1,3}[.)])\s*")
APA_RE = re.compile(
    r"^(?P<authors>.+?)\s*\((?P<year>(?:19|20)\d{2})[a-z]?(?:,[^)]*)?\)\.?\s*(?P<rest>.*)$"
)
YEAR_RE = re.compile(r"\b((?:19|20)\d{2})\b")
ACCESS_RE = re.compile(
    r"\b(available (at|from)|accessed|retrieved|updated|last reviewed)\b[^.]*\.?", re.IGNORECASE
)
#: A segment that is only year/volume/issue/pages, e.g. "2013;368(2):149-160" or
#: "2013;(1):CD000980": it starts with a number and has no word.
CITATION_NUMBERS_RE = re.compile(r"^\(?\d(?!.*[A-Za-z]{4})")
FIELD_LIMITS = {
    "authors": 500,
    "title": 500,
    "publication": 255,
    "doi": 255,
    "pmid": 20,
    "url": 500,
}


@dataclass
class ParsedReference:
    authors: str = ""
    title: str = ""
    publication: str = ""
    year: int | None = None
    doi: str = ""
    pmid: str = ""
    url: str = ""
    #: False when the citation could not be split and the title holds all of it.
    structured: bool = True

    def as_fields(self):
        fields = {
            "authors": self.authors,
            "title": self.title,
            "publication": self.publication,
            "year": self.year,
            "doi": self.doi,
            "pmid": self.pmid,
            "url": self.url,
        }
        for name, limit in FIELD_LIMITS.items():
            fields[name] = fields[name][:limit]
        return fields


def _segments(text):
    """Split on sentence ends (". " or "? "), keeping the question mark of a question title."""
    parts = re.split(r"(?<=[.?!])\s+(?=[A-Z0-9\[(])", text)
    return [part.strip().rstrip(".").strip() for part in parts if part.strip(" .")]


def _take_identifiers(text, reference):
    doi = DOI_RE.search(text)
    if doi:
        reference.doi, _ = split_trailing_punctuation(doi.group(1))
        text = text.replace(doi.group(0), " ")
    pubmed = PUBMED_URL_RE.search(text)
    if pubmed:
        reference.pmid = pubmed.group(1)
        text = text.replace(pubmed.group(0), " ")
    pmid = PMID_RE.search(text)
    if pmid:
        reference.pmid = reference.pmid or pmid.group(1)
        text = text.replace(pmid.group(0), " ")
    text = PMCID_RE.sub(" ", text)
    url = URL_RE.search(text)
    if url:
        reference.url, _ = split_trailing_punctuation(url.group())
        text = text.replace(reference.url, " ")
    return collapse(ACCESS_RE.sub(" ", text)).strip(" .;,")


def parse_reference(text):
    """The ParsedReference of one citation (numbering like "[1]" or "1." is ignored)."""
    reference = ParsedReference()
    text = _take_identifiers(NUMBERING_RE.sub("", collapse(text)), reference)
    apa = APA_RE.match(text)
    if apa:
        reference.authors = apa.group("authors").strip(" ,")
        reference.year = int(apa.group("year"))
        segments = _segments(apa.group("rest"))
        if segments:
            reference.title = segments[0]
        if len(segments) > 1:
            # "Journal, 12(3), 45-67" -> "Journal"
            reference.publication = re.split(r",\s*[\d(]", segments[1])[0].strip()
        return _finish(reference, text)

    year = YEAR_RE.search(text)
    if year:
        reference.year = int(year.group(1))
    segments = [s for s in _segments(text) if not CITATION_NUMBERS_RE.match(s)]
    if len(segments) >= 3:
        reference.authors, reference.title = segments[0], segments[1]
        reference.publication = re.split(r"[.;]\s*(?:19|20)\d{2}", segments[2])[0].strip()
    elif len(segments) == 2:
        reference.authors, reference.title = segments
    elif segments:
        reference.title = segments[0]
    return _finish(reference, text)


def _finish(reference, text):
    if not reference.title:
        reference.title = text or reference.url or reference.doi or "Untitled reference"
        reference.structured = False
    return reference
