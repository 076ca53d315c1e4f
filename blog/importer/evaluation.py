"""Measure the importer against a corpus of articles whose structure is known.

Each article file in the corpus has a sidecar ``NAME.expected.json``::

    {"title": "...", "headings": ["...", ...], "blocks": ["section", ...],
     "lists": 1, "tables": 1, "faq": 2, "references": 2}

``headings`` are the article's section headings in order, ``blocks`` the body
block types in order (the managed disclaimer and "see also" blocks, which every
import adds, are left out); ``lists`` counts bulleted or numbered lists kept in
text sections, ``tables`` comparison tables, ``faq`` questions and
``references`` citations. The file is read with `read_article`, exactly as an
import would, but nothing is written.

Headings are compared as sets of normalised texts (case, numbering, a trailing
colon and spacing ignored): precision, recall and F1. Block types are compared
as sequences: accuracy is the number of blocks matched in order (difflib) over
the longer of the two sequences, so a missing, extra or misplaced block costs.
"""

import json
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from .document import ImportFailed
from .features import strip_numbering
from .pages import read_article
from .readers import is_supported

IGNORED_BLOCKS = ("disclaimer", "related_articles")
COUNTS = ("lists", "tables", "faq", "references")


def normalise_heading(text):
    text = strip_numbering(" ".join(text.split())).rstrip(":").strip()
    return re.sub(r"\s+", " ", text).casefold()


@dataclass
class FileResult:
    path: Path
    error: str = ""
    title_ok: bool = False
    expected_headings: list = field(default_factory=list)
    found_headings: list = field(default_factory=list)
    expected_blocks: list = field(default_factory=list)
    found_blocks: list = field(default_factory=list)
    #: ``{name: (expected, found)}`` for the counted structures.
    counts: dict = field(default_factory=dict)

    @property
    def heading_hits(self):
        expected = {normalise_heading(h) for h in self.expected_headings}
        return len(expected & {normalise_heading(h) for h in self.found_headings})

    @property
    def block_matches(self):
        matcher = SequenceMatcher(None, self.expected_blocks, self.found_blocks, autojunk=False)
        return sum(block.size for block in matcher.get_matching_blocks())

    @property
    def block_total(self):
        return max(len(self.expected_blocks), len(self.found_blocks))


def _ratio(numerator, denominator):
    return numerator / denominator if denominator else 1.0


def scores(results):
    """Precision, recall, F1 of headings and block accuracy over `results` (pooled)."""
    hits = sum(r.heading_hits for r in results)
    found = sum(len({normalise_heading(h) for h in r.found_headings}) for r in results)
    expected = sum(len({normalise_heading(h) for h in r.expected_headings}) for r in results)
    precision, recall = _ratio(hits, found), _ratio(hits, expected)
    f1 = _ratio(2 * precision * recall, precision + recall) if precision + recall else 0.0
    accuracy = _ratio(sum(r.block_matches for r in results), sum(r.block_total for r in results))
    return {
        "files": len(results),
        "failed": sum(bool(r.error) for r in results),
        "titles": sum(r.title_ok for r in results),
        "heading_precision": precision,
        "heading_recall": recall,
        "heading_f1": f1,
        "block_accuracy": accuracy,
        "counts_ok": sum(
            all(expected == found for expected, found in r.counts.values()) for r in results
        ),
    }


def _rich_text_lists(body):
    count = 0
    for block in body:
        if block["type"] == "section":
            count += len(re.findall(r"<(ul|ol)>", block["value"]["body"]))
    return count


def sidecar(path):
    """``NAME.expected.json`` beside the article file ``NAME.ext``."""
    return path.with_name(f"{path.stem}.expected.json")


def evaluate_file(path):
    expected = json.loads(sidecar(path).read_text())
    result = FileResult(
        path=path,
        expected_headings=expected.get("headings", []),
        expected_blocks=expected.get("blocks", []),
    )
    try:
        _, conversion, _ = read_article(path.name, path.read_bytes())
    except ImportFailed as error:
        result.error = str(error)
        result.found_blocks = []
        return result
    body = conversion.body
    result.title_ok = " ".join(conversion.title.split()) == " ".join(expected["title"].split())
    result.found_headings = conversion.headings
    result.found_blocks = [b["type"] for b in body if b["type"] not in IGNORED_BLOCKS]
    found = {
        "lists": _rich_text_lists(body),
        "tables": sum(b["type"] == "comparison_table" for b in body),
        "faq": sum(len(b["value"]["items"]) for b in body if b["type"] == "faq"),
        "references": len(conversion.references),
    }
    result.counts = {name: (expected[name], found[name]) for name in COUNTS if name in expected}
    return result


def corpus_files(directory, parts=None):
    """The article files of a corpus folder (optionally only its `parts` subfolders)."""
    directory = Path(directory)
    roots = [directory / part for part in parts] if parts else [directory]
    files = []
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.is_file() and is_supported(path.name) and sidecar(path).exists():
                files.append(path)
    return files
