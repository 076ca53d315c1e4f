"""The admin's "Import article" view: who may use it, upload checks, landing in the editor."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from blog.importer.readers import MAX_FILE_SIZE
from blog.models import ArticlePage
from tests.factories import PASSWORD, default_disclaimer, make_editor, make_reviewer, make_writer

FIXTURES = Path(__file__).parent / "fixtures" / "import"
URL = "/admin/import-article/"


@pytest.fixture
def writer(blog_index):
    default_disclaimer()
    return make_writer()


@pytest.fixture
def writer_client(client, writer):
    client.login(username=writer.username, password=PASSWORD)
    return client


def upload(name, data=None):
    data = (FIXTURES / name).read_bytes() if data is None else data
    return SimpleUploadedFile(name, data, content_type="text/plain")


def test_url_name():
    assert reverse("blog_import_article") == URL


def test_writer_uploads_and_lands_in_the_drafts_editor(writer_client, writer, blog_index):
    response = writer_client.post(URL, {"file": upload("sample-b-shape.txt")}, follow=True)

    page = ArticlePage.objects.get()
    assert response.redirect_chain == [(f"/admin/pages/{page.pk}/edit/", 302)]
    assert response.status_code == 200
    assert not page.live
    assert page.owner == writer
    assert page.get_parent().specific == blog_index
    content = response.content.decode()
    assert "Import report for “sample-b-shape.txt”: draft created." in content
    assert "Blocks: section: 3, symptom_list: 1, comparison_table: 1, disclaimer: 1." in content
    assert "Import report, warnings (4):" in content
    assert "the owner has no author profile" in content
    assert "Import report, dropped lines (2):" in content
    assert "Subscribe to our newsletter for weekly heart-health tips!" in content


def test_the_report_escapes_what_the_file_says(writer_client):
    data = (
        b"Safe Title\n\n<script>alert(1)</script> is text here.\n\n<img src=x onerror=alert(2)>\n"
    )
    response = writer_client.post(URL, {"file": upload("xss.txt", data)}, follow=True)

    content = response.content.decode()
    assert "<script>alert(1)</script>" not in content
    assert "<img src=x onerror" not in content
    page = ArticlePage.objects.get()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.body[0].value["body"].source


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("article.pdf", b"Title\n\nText", "is not a .txt, .md, .html, .docx file"),
        ("binary.txt", b"\x00\x01\x02 binary", "This is a binary file, not text"),
        ("empty.md", b"   ", "The file is empty."),
        ("latin.txt", "Café\n\nTexte".encode("latin-1"), "The file is not UTF-8 text"),
        ("big.txt", b"Title\n\n" + b"x" * MAX_FILE_SIZE, "the limit is 1024 KB"),
        ("untitled.html", b"<p>No title anywhere.</p>", "No title"),
    ],
)
def test_bad_uploads_are_refused_with_a_clear_message(writer_client, name, data, message):
    response = writer_client.post(URL, {"file": upload(name, data), "update": "on"})

    assert response.status_code == 200
    assert message in response.content.decode()
    if name != "big.txt":  # a file over the limit is not one to choose again
        assert "Choose the file again" in response.content.decode()
    assert not ArticlePage.objects.exists()
    # The choices made are kept.
    assert response.context["form"]["update"].value() is True


def test_a_second_upload_is_refused_unless_it_updates(writer_client):
    writer_client.post(URL, {"file": upload("hard-wrapped.txt")})
    page = ArticlePage.objects.get()

    refused = writer_client.post(URL, {"file": upload("hard-wrapped.txt")})
    assert f"already exists in “Articles” (page #{page.pk})" in refused.content.decode()

    updated = writer_client.post(URL, {"file": upload("hard-wrapped.txt"), "update": "on"})
    assert updated.status_code == 302
    assert updated.url == f"/admin/pages/{page.pk}/edit/"
    assert ArticlePage.objects.count() == 1
    assert page.revisions.count() == 2


def test_editors_may_import_and_choose_the_index(client, blog_index, home):
    from blog.models import BlogIndexPage

    default_disclaimer()
    news = home.add_child(instance=BlogIndexPage(title="News", slug="news"))
    editor = make_editor()
    client.login(username=editor.username, password=PASSWORD)

    form_page = client.get(f"{URL}?index={news.pk}")
    assert form_page.context["form"]["index"].value() == str(news.pk)
    client.post(URL, {"file": upload("shapes.txt"), "index": news.pk})

    assert ArticlePage.objects.child_of(news).count() == 1


def test_medical_reviewers_and_visitors_may_not_import(client, blog_index):
    assert client.get(URL).url.startswith("/admin/login/")
    reviewer = make_reviewer()
    client.login(username=reviewer.username, password=PASSWORD)
    # Wagtail turns the permission refusal into a redirect to the dashboard, with a message.
    refused = client.get(URL, follow=True)
    assert refused.redirect_chain == [("/admin/", 302)]
    assert "do not have permission" in refused.content.decode()
    assert client.post(URL, {"file": upload("shapes.txt")}).url == "/admin/"
    assert not ArticlePage.objects.exists()


def test_menu_item_and_blog_index_button(writer_client, client, blog_index):
    dashboard = writer_client.get("/admin/").content.decode()
    assert "Import article" in dashboard
    listing = writer_client.get(f"/admin/pages/{blog_index.pk}/").content.decode()
    assert f"{URL}?index={blog_index.pk}" in listing


def test_the_menu_item_is_hidden_from_reviewers(client, blog_index):
    reviewer = make_reviewer()
    client.login(username=reviewer.username, password=PASSWORD)
    assert URL not in client.get("/admin/").content.decode()
