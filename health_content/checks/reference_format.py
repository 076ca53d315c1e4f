"""``reference-format``, ``duplicate-reference`` and ``no-references``: the reference list.

Identifiers are read with health_content.references (the same rules as the
editor and the publish gate): a malformed DOI, PMID or URL is blocking, a
reference with no identifier at all is a warning, and the same DOI, PMID or URL
cited twice is a warning. An article with body text and no references at all is
a warning too: a medical reviewer cannot check what nobody cites.
"""

from health_content.references import normalise_doi, reference_errors

from .base import BLOCKING, WARNING, Finding

CHECK_ID = "reference-format"
DUPLICATE_ID = "duplicate-reference"
MISSING_ID = "no-references"


def _keys(ref):
    doi = normalise_doi(ref.doi or "").lower()
    url = (ref.url or "").strip().lower().rstrip("/")
    return [
        key
        for key in (
            f"doi:{doi}" if doi else "",
            f"pmid:{ref.pmid.strip()}" if (ref.pmid or "").strip() else "",
            f"url:{url}" if url else "",
        )
        if key
    ]


def check(article):
    if not article.references:
        if any(segment.path.startswith("body.") for segment in article.prose()):
            return [
                Finding(
                    MISSING_ID,
                    WARNING,
                    "This article cites no sources. Add the studies and guidelines it relies "
                    "on to the references, so the reviewer and readers can check them.",
                    "references",
                )
            ]
        return []
    findings = []
    seen = {}
    for number, ref in enumerate(article.references, start=1):
        path = f"references.{number - 1}"
        title = ref.title or ""
        errors = reference_errors(doi=ref.doi, pmid=ref.pmid, url=ref.url)
        for message in errors.values():
            findings.append(
                Finding(CHECK_ID, BLOCKING, f"Reference {number}: {message}", path, title)
            )
        if not (ref.doi or ref.pmid or ref.url):
            findings.append(
                Finding(
                    CHECK_ID,
                    WARNING,
                    f"Reference {number} has no DOI, PMID or URL: add one so readers and "
                    "reviewers can find the source.",
                    path,
                    title,
                )
            )
        for key in _keys(ref):
            if key in seen:
                findings.append(
                    Finding(
                        DUPLICATE_ID,
                        WARNING,
                        f"Reference {number} cites the same source as reference {seen[key]} "
                        f"({key}). Merge them and cite one number.",
                        path,
                        title,
                    )
                )
                break
            seen[key] = number
    return findings
