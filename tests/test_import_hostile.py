"""Hostile or broken files: a clear error, found before any slow work, and nothing imported."""

import io
import zipfile
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.images import get_image_model

from blog.importer.document import ImportFailed
from blog.importer.readers import MAX_DOCX_SIZE, MAX_FILE_SIZE, read_document
from blog.models import ArticlePage
from tests.factories import default_disclaimer, make_writer
from tests.import_corpus.build_docx import build


def _zip(parts, compression=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


HOSTILE = [
    pytest.param(
        "deep.html",
        b"<html><body><h1>T</h1>"
        + b"<div>" * 3000
        + b"text"
        + b"</div>" * 3000
        + b"</body></html>",
        "nested more than 100 levels deep",
        id="deeply-nested-html",
    ),
    pytest.param(
        "unclosed.html",
        b"<h1>T</h1>" + b"<b><i>" * 2000 + b"text",
        "nested more than 100",
        id="unclosed-inline-tags",
    ),
    pytest.param(
        "wide.html",
        b"<h1>T</h1>" + b"<span>x</span>" * 6000,
        "more than 5,000 HTML elements",
        id="too-many-elements",
    ),
    pytest.param(
        "quotes.md",
        b"# T\n\n" + b">" * 3000 + b" quoted\n",
        "nested deeper than any article",
        id="deeply-nested-markdown-quotes",
    ),
    pytest.param(
        "lists.md",
        b"# T\n\n" + b"".join(b"  " * depth + b"- item\n" for depth in range(300)),
        "nested deeper than any article",
        id="deeply-nested-markdown-lists",
    ),
    pytest.param(
        "line.txt",
        b"Title\n\n" + b"word " * 5000,
        r"is 24,999 characters long \(the limit is 10,000\)",
        id="huge-line",
    ),
    pytest.param(
        "line.md", b"# Title\n\n" + b"a" * 30000, "is 30,000 characters long", id="huge-md-line"
    ),
    pytest.param(
        "brackets.md",
        b"# T\n\n" + (b"[" * 3000 + b"\n\n") * 5,
        "more than 4,000 “\\[” characters",
        id="markdown-bracket-flood",
    ),
    pytest.param(
        "emphasis.md",
        b"# T\n\n" + b"*a " * 3000,
        "3,000 Markdown markup characters",
        id="markdown-emphasis-flood",
    ),
    pytest.param(
        "lines.txt",
        b"Title\n\n" + b"Short line\n" * 50000,
        "50,001 lines of text",
        id="too-many-lines",
    ),
    pytest.param(
        "mixed.txt",
        "Title\n\nCafé au lait, ".encode() + "naïve".encode("cp1252"),
        "mixes UTF-8 with another encoding",
        id="mixed-encodings",
    ),
    pytest.param("latin.md", "# Café\n\nTexte".encode("latin-1"), "not UTF-8 text", id="not-utf8"),
    pytest.param(
        "big.txt", b"Title\n\n" + b"x " * MAX_FILE_SIZE, "The file is too large", id="oversized"
    ),
    pytest.param(
        "big.docx",
        b"PK" + b"\x00" * MAX_DOCX_SIZE,
        "The file is too large",
        id="oversized-docx",
    ),
    pytest.param(
        "bomb.docx",
        _zip({"word/document.xml": b"<a/>" + b" " * (60 * 1024 * 1024)}),
        "zip bomb",
        id="zip-bomb",
    ),
    pytest.param(
        "parts.docx",
        _zip({"word/document.xml": b"<a/>"} | {f"p{n}.xml": b"" for n in range(1100)}),
        "1,101 parts",
        id="too-many-parts",
    ),
    pytest.param(
        "notzip.docx", b"Title\n\nJust text.", "This is not a Word document", id="not-zip"
    ),
    pytest.param(
        "nodoc.docx", _zip({"content.xml": b"<a/>"}), "no document text inside", id="no-document"
    ),
    pytest.param(
        "broken.docx",
        _zip({"word/document.xml": b"<w:document><w:body><w:p>", "[Content_Types].xml": b"<x/>"}),
        "could not be read",
        id="broken-docx-xml",
    ),
]


@pytest.mark.parametrize(("name", "data", "message"), HOSTILE)
def test_hostile_files_get_a_clear_error(name, data, message):
    with pytest.raises(ImportFailed, match=message):
        read_document(name, data)


@pytest.mark.django_db
def test_hostile_files_import_nothing(tmp_path, blog_index):
    default_disclaimer()
    make_writer()
    for param in HOSTILE:
        name, data, _ = param.values
        (tmp_path / name).write_bytes(data)
    (tmp_path / "good.docx").write_bytes(
        build([("title", "Good article"), ("image", "A chart"), ("p", "Some text.")])
    )
    out = StringIO()

    with pytest.raises(CommandError, match=f"1 of {len(HOSTILE) + 1} file"):
        call_command("import_articles", str(tmp_path), "--owner", "writer", stdout=out)

    report = out.getvalue()
    assert report.count("FAILED:") == len(HOSTILE)
    assert "Unexpected error" not in report
    assert list(ArticlePage.objects.values_list("title", flat=True)) == ["Good article"]
    assert get_image_model().objects.count() == 1
