"""Word documents: structure through mammoth, pictures into the image library, alt text flagged.

The documents are built here with python-docx (tests/import_corpus/build_docx.py),
so each test shows the Word structure it imports.
"""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images import get_image_model

from blog.importer import import_file, read_article
from blog.models import ArticlePage
from tests.factories import PASSWORD, default_disclaimer, make_writer
from tests.import_corpus.build_docx import build

OUTLINE = [
    ("title", "Hay fever: easing the symptoms"),
    ("image", None),
    ("p", "Hay fever is an allergic reaction to pollen, common from March to September."),
    ("h1", "Reducing exposure"),
    ("p", "These steps lower how much pollen reaches you:"),
    ("bullets", ["Wear wraparound sunglasses.", "Shower after being outside."]),
    ("image", "A pollen count chart for May"),
    ("h1", "Medicines that help"),
    ("table", [["Medicine", "Where to get it"], ["Antihistamines", "Pharmacy"]]),
    ("p", ["Check the ", ("link", "pollen forecast", "https://www.metoffice.gov.uk/"), "."]),
    ("h1", "References"),
    ("numbers", ["Bousquet J, et al. Allergic rhinitis. Nat Rev Dis Primers. 2020;6(1):95."]),
]


@pytest.fixture
def writer(blog_index):
    default_disclaimer()
    return make_writer()


def blocks(page, block_type):
    return [block["value"] for block in page.body.raw_data if block["type"] == block_type]


def test_read_article_finds_the_word_structure_without_writing(writer):
    page, conversion, report = read_article("hay-fever.docx", build(OUTLINE))

    assert page.title == "Hay fever: easing the symptoms"
    assert conversion.headings == ["Reducing exposure", "Medicines that help", "References"]
    assert [block["type"] for block in conversion.body] == [
        "image",
        "section",
        "section",
        "image",
        "comparison_table",
        "section",
        "disclaimer",
    ]
    section = conversion.body[2]["value"]
    assert section["heading"] == "Reducing exposure"
    assert "<ul><li>Wear wraparound sunglasses.</li>" in section["body"]
    table = conversion.body[4]["value"]
    assert [column["heading"] for column in table["table"]["columns"]] == [
        "Medicine",
        "Where to get it",
    ]
    assert (
        '<a href="https://www.metoffice.gov.uk/">pollen forecast</a>'
        in (conversion.body[5]["value"]["body"])
    )
    assert conversion.references[0]["publication"] == "Nat Rev Dis Primers"
    # Nothing was saved: the preview's image blocks point to no image yet.
    assert get_image_model().objects.count() == 0
    assert [value["image"] for value in blocks(page, "image")] == [None, None]
    assert "Picture 1 has no alt text" in " ".join(report.warnings)
    assert "Picture 2" not in " ".join(report.warnings)


def test_import_saves_pictures_in_the_image_library(writer, blog_index):
    report = import_file("hay-fever.docx", build(OUTLINE), index=blog_index, owner=writer)

    assert not report.failed, report.error
    page = ArticlePage.objects.get(pk=report.page_id)
    images = get_image_model().objects.order_by("pk")
    assert images.count() == 2 == report.images
    assert all(image.uploaded_by_user == writer for image in images)
    assert images[1].title == "A pollen count chart for May"
    values = blocks(page, "image")
    assert [value["image"] for value in values] == [image.pk for image in images]
    assert [value["alt_text"] for value in values] == ["", "A pollen count chart for May"]
    assert any("no alt text" in warning for warning in report.warnings)
    assert "2 picture(s) from the document were saved" in " ".join(report.notes)


def test_dry_run_and_failed_imports_keep_no_pictures(writer, blog_index):
    data = build(OUTLINE)
    dry = import_file("hay-fever.docx", data, index=blog_index, owner=writer, dry_run=True)
    assert dry.action == "would create"
    assert get_image_model().objects.count() == 0

    import_file("hay-fever.docx", data, index=blog_index, owner=writer)
    refused = import_file("hay-fever.docx", data, index=blog_index, owner=writer)
    assert "already exists" in refused.error
    assert refused.images == 0
    # The second import's pictures were rolled back with it.
    assert get_image_model().objects.count() == 2


def _replace_media(data, content):
    """The .docx `data` with every embedded picture replaced by `content`."""
    source, output = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            payload = source.read(info)
            target.writestr(info, content if info.filename.startswith("word/media/") else payload)
    return output.getvalue()


def test_a_broken_picture_is_left_out_and_reported(writer, blog_index):
    data = _replace_media(build(OUTLINE), b"\x89PNG\r\n\x1a\n not really a picture")

    report = import_file("hay-fever.docx", data, index=blog_index, owner=writer)

    assert not report.failed
    assert get_image_model().objects.count() == 0
    assert "Picture 1 was not imported: it is not a readable picture." in report.warnings
    page = ArticlePage.objects.get(pk=report.page_id)
    assert blocks(page, "image") == []


def test_a_word_document_without_the_title_style_uses_its_first_heading(writer):
    outline = [
        ("h1", "Shingles explained"),
        ("p", "Shingles is a painful rash."),
        ("h2", "Treatment"),
        ("p", "Antiviral tablets help if started early."),
    ]

    page, conversion, _ = read_article("shingles.docx", build(outline))

    assert page.title == "Shingles explained"
    assert conversion.headings == ["Treatment"]


def test_writers_upload_word_documents_in_the_admin(client, writer, blog_index):
    client.login(username=writer.username, password=PASSWORD)
    upload = SimpleUploadedFile(
        "hay-fever.docx",
        build(OUTLINE),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )

    response = client.post("/admin/import-article/", {"file": upload}, follow=True)

    page = ArticlePage.objects.get()
    assert response.redirect_chain == [(f"/admin/pages/{page.pk}/edit/", 302)]
    assert page.title == "Hay fever: easing the symptoms"
    content = response.content.decode()
    assert "Picture 1 has no alt text" in content
    assert get_image_model().objects.count() == 2
    form = client.get("/admin/import-article/").content.decode()
    assert ".docx" in form
