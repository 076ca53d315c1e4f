"""`manage.py evaluate_import` on the import corpus: CI enforces the held-out figures.

tests/import_corpus/held_out/ was written before the importer was tuned and is
never tuned on; tuning/ is what the rules were adjusted against.
"""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

CORPUS = Path(__file__).parent / "import_corpus"


def evaluate(*args):
    out = StringIO()
    call_command("evaluate_import", *map(str, args), stdout=out)
    return out.getvalue()


def test_the_corpus_has_thirty_articles_in_every_shape():
    articles = [p for p in CORPUS.rglob("*") if p.suffix in (".txt", ".md", ".html", ".docx")]
    assert len(articles) >= 30
    assert {p.suffix for p in articles} == {".txt", ".md", ".html", ".docx"}
    for article in articles:
        sidecar = json.loads(article.with_name(f"{article.stem}.expected.json").read_text())
        assert {"title", "headings", "blocks"} <= sidecar.keys(), article
    assert len(list((CORPUS / "held_out").glob("*.expected.json"))) >= 10


@pytest.mark.django_db
def test_held_out_part_meets_the_thresholds():
    output = evaluate(
        CORPUS, "--part", "held_out", "--min-heading-f1", "0.95", "--min-block-accuracy", "0.9"
    )
    assert "held_out: 10 files (0 failed), titles 10/10" in output
    assert "held_out/docx_hay_fever.docx: headings" in output


@pytest.mark.django_db
def test_tuning_part_meets_the_thresholds():
    output = evaluate(
        CORPUS, "--part", "tuning", "--min-heading-f1", "0.95", "--min-block-accuracy", "0.9"
    )
    assert "tuning: 20 files (0 failed)" in output


def _tiny_corpus(tmp_path, expected):
    part = tmp_path / "part"
    part.mkdir()
    (part / "cold.txt").write_text(
        "Colds\n\nColds are caused by viruses.\n\nSymptoms\n\nA runny nose and a cough.\n"
    )
    (part / "cold.expected.json").write_text(json.dumps(expected))
    return tmp_path


@pytest.mark.django_db
def test_misses_lower_the_scores_and_thresholds_fail_the_command(tmp_path):
    corpus = _tiny_corpus(
        tmp_path,
        {"title": "Colds", "headings": ["Symptoms", "Treatment"], "blocks": ["section", "faq"]},
    )

    output = evaluate(corpus, "--details")
    assert "part/cold.txt: headings P 1.00 R 0.50 F1 0.67; blocks 1/2 (0.50); title ok" in output
    assert "missed headings: ['Treatment']" in output
    assert "found blocks:    ['section', 'section']" in output

    with pytest.raises(CommandError, match=r"heading F1 0.667 < 0.95; block accuracy 0.500 < 0.9"):
        evaluate(corpus, "--min-heading-f1", "0.95", "--min-block-accuracy", "0.9")


@pytest.mark.django_db
def test_an_unknown_part_is_refused(tmp_path):
    with pytest.raises(CommandError, match="The corpus has no part “nope”"):
        evaluate(CORPUS, "--part", "nope")
