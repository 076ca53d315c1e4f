"""`manage.py import_articles`: drafts only, dry runs, updates, error isolation, exit status."""

import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Revision

from blog.management.commands.import_articles import Command
from blog.models import ArticlePage
from health_content.models import AuthorProfile
from tests.factories import (
    default_disclaimer,
    make_editor,
    make_reviewer,
    make_writer,
    publish_through_review,
)

FIXTURES = Path(__file__).parent / "fixtures" / "import"
FIXTURE_COUNT = len(list(FIXTURES.iterdir()))


@pytest.fixture
def writer(blog_index):
    default_disclaimer()
    user = make_writer()
    AuthorProfile.objects.create(display_name="Sam Writer", slug="sam-writer", user=user)
    return user


def run(*args):
    """(stdout, stderr) of the command; raises CommandError as the command does."""
    out, err = StringIO(), StringIO()
    call_command("import_articles", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_imports_a_folder_as_drafts_owned_by_the_writer(writer, blog_index):
    out, err = run(FIXTURES, "--owner", "writer")

    pages = ArticlePage.objects.child_of(blog_index)
    assert pages.count() == FIXTURE_COUNT
    assert not pages.filter(live=True).exists()
    for page in pages:
        assert page.owner == writer
        assert page.has_unpublished_changes
        assert page.revisions.count() == 1
        assert page.get_latest_revision().user == writer
        assert [link.author.slug for link in page.authors.all()] == ["sam-writer"]
    calcium = pages.get(slug="calcium-for-strong-bones")
    assert calcium.references.count() == 3
    assert calcium.references.order_by("sort_order").first().pmid == "26856587"
    assert [block.block_type for block in calcium.body] == [
        "key_points",
        "section",
        "faq",
        "disclaimer",
    ]
    # The report of every file, then the total; the progress bar on stderr.
    assert out.count("== ") == FIXTURE_COUNT
    assert "created: “Calcium for Strong Bones” /calcium-for-strong-bones/" in out
    assert "dropped lines" in out and "links to other sites" in out
    assert f"{FIXTURE_COUNT} of {FIXTURE_COUNT} file(s) imported." in out
    assert f"] {FIXTURE_COUNT}/{FIXTURE_COUNT} " in err


def test_a_single_file_shows_no_progress_bar(writer):
    out, err = run(FIXTURES / "sample-b-shape.txt", "--owner", "writer")
    assert "1 of 1 file(s) imported." in out
    assert err == ""


def test_dry_run_writes_nothing(writer, blog_index):
    pages, revisions = ArticlePage.objects.count(), Revision.objects.count()

    out, _ = run(FIXTURES, "--owner", "writer", "--dry-run")

    assert ArticlePage.objects.count() == pages
    assert Revision.objects.count() == revisions
    assert out.count("would create:") == FIXTURE_COUNT
    assert "blocks: section: 3, symptom_list: 1, comparison_table: 1, disclaimer: 1" in out
    assert "checked (dry run)" in out


def test_update_adds_a_revision_instead_of_a_duplicate(writer, blog_index, tmp_path):
    article = tmp_path / "zinc.txt"
    shutil.copy(FIXTURES / "hard-wrapped.txt", article)
    run(article, "--owner", "writer")
    page = ArticlePage.objects.get(slug="zinc-and-the-immune-system")

    article.write_text(article.read_text() + "\nA New Section\n\nAdded in the second draft.\n")
    with pytest.raises(CommandError, match="1 failed"):
        run(article, "--owner", "writer")
    out, _ = run(article, "--owner", "writer", "--update")

    assert ArticlePage.objects.filter(slug="zinc-and-the-immune-system").count() == 1
    page.refresh_from_db()
    assert page.revisions.count() == 2
    assert not page.live
    headings = [block.value["heading"] for block in page.body if block.block_type == "section"]
    assert headings[-1] == "A New Section"
    assert (
        f"updated: “Zinc and the Immune System” /zinc-and-the-immune-system/ (page #{page.pk})"
        in (out)
    )


def test_refusing_a_duplicate_names_the_existing_article(writer):
    run(FIXTURES / "hard-wrapped.txt", "--owner", "writer")
    page = ArticlePage.objects.get()

    out = StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_articles", str(FIXTURES / "hard-wrapped.txt"), owner="writer", stdout=out
        )

    assert f"already exists in “Articles” (page #{page.pk})" in out.getvalue()
    assert ArticlePage.objects.count() == 1


def test_update_of_a_live_article_keeps_the_live_content(writer, tmp_path):
    article = tmp_path / "potassium.txt"
    shutil.copy(FIXTURES / "sample-b-shape.txt", article)
    run(article, "--owner", "writer")
    page = publish_through_review(ArticlePage.objects.get(), writer, make_editor(), make_reviewer())
    assert page.live
    live_body = list(page.body.raw_data)

    # Same title, so the same slug; different text.
    article.write_text(
        article.read_text().replace("Potassium is an electrolyte", "Potassium, an electrolyte,")
    )
    out, _ = run(article, "--owner", "writer", "--update")

    page.refresh_from_db()
    assert page.live
    assert list(page.body.raw_data) == live_body
    assert page.revisions.count() == 2
    assert page.get_latest_revision() != page.live_revision
    assert "Potassium, an electrolyte," in str(page.get_latest_revision().content["body"])
    assert "stays as it is until the new one is reviewed" in out
    call_command("check_live_sign_offs", stdout=StringIO())


def test_a_broken_file_does_not_stop_the_others(writer, blog_index, tmp_path):
    shutil.copy(FIXTURES / "sample-a-shape.txt", tmp_path / "good-a.txt")
    shutil.copy(FIXTURES / "web-page.html", tmp_path / "good-b.html")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "latin1.txt").write_bytes("Caf\u00e9 et sant\u00e9\n\nTexte.".encode("latin-1"))
    (tmp_path / "untitled.html").write_text("<p>No heading and no title here.</p>")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.7")  # skipped: not an article type

    out = StringIO()
    with pytest.raises(CommandError, match="2 of 6 file"):
        call_command(
            "import_articles", str(tmp_path), owner="writer", stdout=out, stderr=StringIO()
        )

    assert sorted(ArticlePage.objects.values_list("slug", flat=True)) == [
        "magnesium-and-sleep-what-the-research-shows",
        "vitamin-k-and-blood-clotting",
    ]
    report = out.getvalue()
    assert "binary.txt\n   FAILED: This is a binary file, not text" in report
    assert "empty.md\n   FAILED: The file is empty." in report
    assert "latin1.txt\n   FAILED: The file is not UTF-8 text" in report
    assert "untitled.html\n   FAILED: No title" in report
    assert "notes.pdf" not in report


def test_exit_status_is_non_zero_when_a_file_fails(writer, tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(SystemExit) as exit_info:
        Command().run_from_argv(
            ["manage.py", "import_articles", str(tmp_path / "empty.txt"), "--owner", "writer"]
        )
    assert exit_info.value.code == 1
    assert "0 of 1 file(s) imported. 1 failed" in capsys.readouterr().err


def test_exit_status_is_zero_when_every_file_imports(writer, capsys):
    Command().run_from_argv(
        ["manage.py", "import_articles", str(FIXTURES / "shapes.txt"), "--owner", "writer"]
    )
    assert "1 of 1 file(s) imported." in capsys.readouterr().out


def test_missing_paths_are_reported(writer, tmp_path):
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("import_articles", str(tmp_path / "nope.txt"), owner="writer", stdout=out)
    assert "FAILED: No such file or folder." in out.getvalue()


def test_owner_is_required_and_must_be_able_to_add_articles(writer):
    make_reviewer("doc")
    with pytest.raises(CommandError, match=r"--owner USERNAME \(one of: writer\)"):
        run(FIXTURES / "shapes.txt")
    with pytest.raises(CommandError, match="No user is called “nobody”"):
        run(FIXTURES / "shapes.txt", "--owner", "nobody")
    with pytest.raises(CommandError, match="“doc” may not add articles"):
        run(FIXTURES / "shapes.txt", "--owner", "doc")
    assert not ArticlePage.objects.exists()


def test_index_and_author_options(writer, home, blog_index):
    from blog.models import BlogIndexPage

    second = home.add_child(instance=BlogIndexPage(title="News", slug="news"))
    author = AuthorProfile.objects.create(display_name="Guest Author", slug="guest")

    run(FIXTURES / "shapes.txt", "--owner", "writer", "--index", "news", "--author", "guest")
    run(FIXTURES / "hard-wrapped.txt", "--owner", "writer", "--index", second.pk)

    assert ArticlePage.objects.child_of(second).count() == 2
    page = ArticlePage.objects.get(slug="home-remedies-for-a-sore-throat-a-practical-guide")
    assert [link.author for link in page.authors.all()] == [author]
    with pytest.raises(CommandError, match="No blog index page has the id or slug “nowhere”"):
        run(FIXTURES / "shapes.txt", "--owner", "writer", "--index", "nowhere")
    with pytest.raises(CommandError, match="No author profile has the slug “ghost”"):
        run(FIXTURES / "shapes.txt", "--owner", "writer", "--author", "ghost")


def test_a_page_in_review_is_not_updated(writer, blog_index):
    from tests.factories import submit

    run(FIXTURES / "hard-wrapped.txt", "--owner", "writer")
    page = submit(ArticlePage.objects.get(), writer)

    out = StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_articles",
            str(FIXTURES / "hard-wrapped.txt"),
            owner="writer",
            update=True,
            stdout=out,
        )
    assert "is in review (step “Editorial review”)" in out.getvalue()
    assert page.revisions.count() == 1


def test_an_unexpected_error_in_one_file_is_reported_and_the_batch_goes_on(
    writer, tmp_path, monkeypatch
):
    from blog.management.commands import import_articles

    real_import_file = import_articles.import_file

    def import_file(name, data, **options):
        if name.endswith("bad.txt"):
            raise RuntimeError("simulated importer bug")
        return real_import_file(name, data, **options)

    monkeypatch.setattr(import_articles, "import_file", import_file)
    shutil.copy(FIXTURES / "hard-wrapped.txt", tmp_path / "a-good.txt")
    shutil.copy(FIXTURES / "shapes.txt", tmp_path / "bad.txt")

    out = StringIO()
    with pytest.raises(CommandError, match="1 of 2 file"):
        call_command(
            "import_articles", str(tmp_path), owner="writer", stdout=out, stderr=StringIO()
        )

    assert "FAILED: Unexpected error, please report it: RuntimeError: simulated importer bug" in (
        out.getvalue()
    )
    assert ArticlePage.objects.get().slug == "zinc-and-the-immune-system"
