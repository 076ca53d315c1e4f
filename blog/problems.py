"""What stops an article being submitted or published: one list for the editor form and the gate.

`article_problems()` is called by the article's admin form on full validation
(submit, publish), which puts each message on the field at fault, and by the
publish gate (through `ArticlePage.field_problems()`) for publishes that never see
the form: scheduled publishing, scripts, the API. The block rules inside the body
are the blocks' own validation, which both also run.
"""

from typing import NamedTuple

from health_content.references import reference_errors


class Problem(NamedTuple):
    """One problem: the field at fault, the message for the writer, and for a
    reference the position of the reference (0-based) in the article's list."""

    field: str
    message: str
    reference: int | None = None

    def sentence(self):
        if self.reference is None:
            return self.message
        return f"Reference {self.reference + 1}: {self.message}"


def article_problems(*, hero_image, hero_image_alt, references):
    """The problems of an article's own fields; `references` holds dicts of doi, pmid and url."""
    problems = []
    if hero_image and not (hero_image_alt or "").strip():
        problems.append(Problem("hero_image_alt", "Add alt text describing the hero image."))
    for position, reference in enumerate(references):
        errors = reference_errors(
            doi=reference.get("doi", ""),
            pmid=reference.get("pmid", ""),
            url=reference.get("url", ""),
        )
        problems.extend(Problem(field, message, position) for field, message in errors.items())
    return problems
