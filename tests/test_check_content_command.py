"""manage.py check_content: files read with the importer (nothing saved) and page ids."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from blog.models import ArticlePage
from tests.factories import make_article

pytestmark = pytest.mark.django_db

PROMOTIONAL = """Vitamin B12 for tired legs

Why B12 matters

About 40% of older adults absorb too little B12. Buy now from
https://www.amazon.com/dp/B00012345?tag=healthblog-20 and feel better.

Dose

Take one tablet a day.
"""


def run(*args):
    out = StringIO()
    try:
        call_command("check_content", *args, stdout=out, stderr=StringIO())
    except SystemExit as exit_:
        return out.getvalue(), exit_.code
    return out.getvalue(), 0


def test_json_lists_promotion_and_uncited_figures_and_exits_non_zero(tmp_path, site_tree):
    path = tmp_path / "pasted.txt"
    path.write_text(PROMOTIONAL)
    output, status = run(str(path), "--format", "json")
    results = json.loads(output)
    assert status == 1
    checks = {r["check"] for r in results}
    assert {"promotional-content", "uncited-statistic"} <= checks
    for result in results:
        assert set(result) >= {"source", "check", "severity", "message", "excerpt"}
        assert result["source"] == str(path)
    assert not ArticlePage.objects.exists()


EXPORTED_HTML = """<!DOCTYPE html><html>
<head><title>Best iron tablets | Wellness Blog</title></head>
<body><nav><a href="/">Home</a></nav><article class="post">
<h1 class="entry-title">Best iron tablets for tired mums</h1>
<div class="entry-content">
<p>Iron deficiency affects one in five women of childbearing age.</p>
<p>Our top pick is IronGlow® Gentle, <a href="https://amzn.to/3abcXYZ">available here</a>.</p>
<p>Use code IRON10 for 10% off today.</p>
</div></article><footer>© Wellness Blog</footer></body></html>
"""

EXPORTED_MARKDOWN = """---
title: Magnesium for cramps
---
# Magnesium for cramps

Nearly half of adults get less magnesium than they need, and research shows it eases cramps.

[Shop our magnesium spray](https://www.example-supplement-store.com/magnesium?ref=blog42)
"""


@pytest.mark.parametrize(
    "name, text",
    [("exported.html", EXPORTED_HTML), ("exported.md", EXPORTED_MARKDOWN)],
)
def test_exported_posts_have_their_promotion_and_uncited_figures_found(
    tmp_path, site_tree, name, text
):
    path = tmp_path / name
    path.write_text(text)
    output, status = run(str(path), "--format", "json")
    found = {(r["check"], r["severity"]) for r in json.loads(output)}
    assert status == 1
    assert ("promotional-content", "blocking") in found
    assert ("uncited-statistic", "warning") in found


def test_a_clean_page_exits_zero(blog_index):
    page = make_article(blog_index, title="Clean")
    output, status = run(str(page.pk), "--format", "json")
    assert status == 0
    assert all(r["severity"] != "blocking" for r in json.loads(output))


def test_an_unknown_page_id_is_an_error(site_tree):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="could not be checked"):
        call_command("check_content", "999999", stdout=StringIO(), stderr=StringIO())


def test_the_import_report_lists_the_drafts_findings(site_tree):
    from blog.importer import read_article

    _, _, report = read_article("pasted.txt", PROMOTIONAL.encode())
    assert "promotional-content" in {f.check for f in report.findings}
    assert "content checks" in report.as_text()
    assert "[uncited-statistic]" in report.as_text()
