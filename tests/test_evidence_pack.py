"""The evidence pack: a ZIP of one article's revisions, diffs, sign-offs, checks and audit.

The article is written, signed off and published through the real workflow, then
revised and signed again, then revised once more as a draft. Each test opens the
ZIP the service, the command or the admin view produced and reads its files.
"""

import hashlib
import io
import itertools
import json
import re
import zipfile
from html.parser import HTMLParser
from pathlib import PurePosixPath

import pytest
from django.core.management import call_command, execute_from_command_line
from django.core.management.base import CommandError
from django.db import connection
from django.urls import reverse

from health_content.evidence import build_evidence_pack, pack_root
from health_content.models import AuditEntry, SignOff
from tests.factories import PASSWORD, refreshed, role_user
from tests.reader_factories import live_article, sign_off_and_publish

pytestmark = pytest.mark.django_db

HOSTILE_TITLE = "<script>alert('pack')</script> B12 & you"


@pytest.fixture
def article(blog_index, cast):
    """Signed twice (the second time with a hostile title), then a draft revision on top."""
    page = live_article(blog_index, cast)
    page = refreshed(page)
    page.title = HOSTILE_TITLE
    body = list(page.body.raw_data)
    body[1]["value"]["body"] = "<p>Vitamin B12, or cobalamin, keeps nerves and blood healthy.</p>"
    page.body = body
    page.change_note = "Explains what B12 does for blood."
    page = sign_off_and_publish(page, cast)
    page = refreshed(page)
    page.summary = "A new summary, not yet reviewed."
    page.save_revision(user=cast.writer)
    return refreshed(page)


class Pack:
    """An opened evidence pack: its files by path inside the pack folder."""

    def __init__(self, data, page):
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self.root = pack_root(page)
        self.names = [name.removeprefix(f"{self.root}/") for name in self.zip.namelist()]
        assert all(name.startswith(f"{self.root}/") for name in self.zip.namelist())

    def read(self, path):
        return self.zip.read(f"{self.root}/{path}")

    def text(self, path):
        return self.read(path).decode()

    def json(self, path):
        return json.loads(self.read(path))

    def html_files(self):
        return [name for name in self.names if name.endswith(".html")]


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs, self.sources, self.scripts = [], [], 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if "href" in attributes:
            self.hrefs.append(attributes["href"])
        if "src" in attributes:
            self.sources.append(attributes["src"])


def links_of(html):
    parser = Links()
    parser.feed(html)
    return parser


@pytest.fixture
def pack(article):
    return Pack(build_evidence_pack(article), article)


def test_the_pack_holds_every_part(pack, article):
    sign_offs = list(SignOff.objects.filter(page_id=article.pk).order_by("signed_at"))
    revisions = list(article.revisions.order_by("created_at", "pk"))
    assert len(sign_offs) == 2 and len(revisions) >= 3
    expected = {"index.html", "manifest.json", "references.json", "references.html"}
    expected |= {"audit.json", "audit.html"}
    for revision in revisions:
        expected |= {
            f"revisions/revision-{revision.pk}.json",
            f"revisions/revision-{revision.pk}.html",
        }
    for old, new in itertools.pairwise(revisions):
        name = f"diffs/revision-{old.pk}-to-{new.pk}"
        expected |= {f"{name}.json", f"{name}.html"}
    for sign_off in sign_offs:
        expected |= {
            f"sign-offs/sign-off-{sign_off.pk}.json",
            f"sign-offs/sign-off-{sign_off.pk}.html",
        }
    assert set(pack.names) == expected


def test_every_json_file_parses_and_the_manifest_hashes_every_other_file(pack):
    for name in pack.names:
        if name.endswith(".json"):
            pack.json(name)
    manifest = pack.json("manifest.json")
    listed = {entry["path"]: entry for entry in manifest["files"]}
    assert set(listed) == set(pack.names) - {"manifest.json"}
    for path, entry in listed.items():
        data = pack.read(path)
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()
        assert entry["bytes"] == len(data)
    assert manifest["format"] == "health-content-evidence-pack"


def test_the_index_links_every_part_and_nothing_outside(pack):
    index_links = {
        PurePosixPath(href).as_posix() for href in links_of(pack.text("index.html")).hrefs
    }
    assert set(pack.html_files()) - {"index.html"} <= index_links
    for name in pack.html_files():
        html = pack.text(name)
        links = links_of(html)
        assert links.scripts == 0 and links.sources == [], name
        assert "<link" not in html and "@import" not in html, name
        folder = PurePosixPath(name).parent
        for href in links.hrefs:
            assert "://" not in href and not href.startswith("/"), (name, href)
            target = PurePosixPath(*(folder / href).parts)
            resolved = _normalise(target)
            assert resolved in pack.names, (name, href)
        assert "<style>" in html  # styles are inline


def _normalise(path):
    parts = []
    for part in path.parts:
        if part == "..":
            parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)


def test_each_sign_off_carries_its_manifestation_checks_and_acknowledgements(pack, article):
    for sign_off in SignOff.objects.filter(page_id=article.pk):
        record = pack.json(f"sign-offs/sign-off-{sign_off.pk}.json")
        assert record["manifestation"] == json.loads(json.dumps(sign_off.manifestation()))
        assert record["check_findings"] == sign_off.check_findings
        assert record["acknowledgements"] == sign_off.acknowledgements
        assert record["verification"]["revision_content_matches_fingerprint"] is True
        assert record["verification"]["scope_fingerprint_matches_scope"] is True
        assert record["verification"]["audit_problems"] == []
        html = pack.text(f"sign-offs/sign-off-{sign_off.pk}.html")
        assert sign_off.reviewer_display in html
        assert sign_off.meaning in html
        assert sign_off.fingerprint in html
        for finding in sign_off.check_findings:
            assert f"<code>{finding['check']}</code>" in html


def test_the_second_sign_off_shows_what_changed_since_the_first(pack, article):
    first, second = SignOff.objects.filter(page_id=article.pk).order_by("signed_at")
    html = pack.text(f"sign-offs/sign-off-{second.pk}.html")
    assert f"sign-off-{first.pk}.html" in html
    assert "<ins>and blood </ins>" in html


def test_diffs_between_consecutive_revisions(pack, article):
    revisions = list(article.revisions.order_by("created_at", "pk"))
    last, before = revisions[-1], revisions[-2]
    diff = pack.json(f"diffs/revision-{before.pk}-to-{last.pk}.json")["diff"]
    assert [field["name"] for field in diff["fields"]] == ["summary"]
    assert diff["fields"][0]["lines"][0]["new"] == "A new summary, not yet reviewed."


def test_revisions_hold_their_content_as_json_and_html(pack, article):
    latest = article.get_latest_revision()
    record = pack.json(f"revisions/revision-{latest.pk}.json")
    assert record["content"]["summary"] == "A new summary, not yet reviewed."
    assert record["signed_scope"]["content"]["summary"] == "A new summary, not yet reviewed."
    assert record["sign_off_ids"] == [] and record["is_latest"]
    html = pack.text(f"revisions/revision-{latest.pk}.html")
    assert "A new summary, not yet reviewed." in html
    assert "Vitamin B12, or cobalamin, keeps nerves and blood healthy." in html


def test_references_and_audit(pack, article):
    references = pack.json("references.json")["references"]
    assert [reference["doi"] for reference in references] == ["10.1136/bmj.m1234"]
    assert "Vitamin B12 deficiency in adults" in pack.text("references.html")
    audit = pack.json("audit.json")
    assert audit["chain"]["intact"] is True and audit["chain"]["problems"] == []
    actions = [entry["action"] for entry in audit["entries"]]
    assert actions == ["sign_off", "publish", "sign_off", "publish"]
    assert all(entry["hash_verified"] for entry in audit["entries"])
    assert audit["chain"]["head"]["hash"] == AuditEntry.objects.order_by("-sequence").first().hash
    assert "data-chain-intact" in pack.text("audit.html")


def test_a_tampered_audit_entry_shows_in_the_pack(article):
    entry = AuditEntry.objects.filter(page_id=article.pk).first()
    # Behind the model's back, as someone with database access could.
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE health_content_auditentry SET username = %s WHERE id = %s",
            ["someone-else", entry.pk],
        )
    pack = Pack(build_evidence_pack(article), article)
    audit = pack.json("audit.json")
    assert audit["chain"]["intact"] is False
    assert (
        f"Entry #{entry.sequence} was changed after it was recorded." in audit["chain"]["problems"]
    )
    assert "Broken" in pack.text("index.html")


def test_a_hostile_title_is_escaped_everywhere(pack):
    for name in pack.html_files():
        html = pack.text(name)
        assert "<script" not in html, name
    index = pack.text("index.html")
    assert "&lt;script&gt;alert(&#x27;pack&#x27;)&lt;/script&gt; B12 &amp; you" in index
    assert pack.json("manifest.json")["page"]["title"] == HOSTILE_TITLE


def test_the_queries_do_not_grow_with_revisions(article, cast, django_assert_num_queries):
    # Revisions, sign-offs, the page's audit entries, the whole chain and its head,
    # and one query per kind of referenced object (nutrient, disclaimer, author,
    # topic, image), however many revisions there are.
    with django_assert_num_queries(10):
        build_evidence_pack(article)
    page = refreshed(article)
    for number in range(3):
        page.summary = f"Summary take {number}."
        page.save_revision(user=cast.writer)
    page = refreshed(page)
    assert page.revisions.count() == 6
    with django_assert_num_queries(10):
        build_evidence_pack(page)


# The command ----------------------------------------------------------------------


def test_the_command_writes_the_pack(article, tmp_path, capsys):
    output = tmp_path / "pack.zip"
    call_command("evidence_pack", str(article.pk), "--output", str(output))
    pack = Pack(output.read_bytes(), article)
    assert "index.html" in pack.names
    assert str(output) in capsys.readouterr().out


def test_the_command_writes_to_the_current_directory_by_default(article, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    execute_from_command_line(["manage.py", "evidence_pack", str(article.pk)])
    assert zipfile.is_zipfile(tmp_path / f"evidence-pack-{article.pk}.zip")


def test_the_command_fails_on_an_unknown_page(db, capsys):
    with pytest.raises(CommandError, match="There is no page with id 999999"):
        call_command("evidence_pack", "999999")
    with pytest.raises(SystemExit) as exit_status:
        execute_from_command_line(["manage.py", "evidence_pack", "999999"])
    assert exit_status.value.code == 1
    assert "There is no page with id 999999." in capsys.readouterr().err


def test_the_command_fails_on_a_page_that_is_not_an_article(blog_index, capsys, tmp_path):
    output = tmp_path / "pack.zip"
    with pytest.raises(SystemExit) as exit_status:
        execute_from_command_line(
            ["manage.py", "evidence_pack", str(blog_index.pk), "--output", str(output)]
        )
    assert exit_status.value.code == 1
    assert re.search(
        r"is a blog index page, not a medically reviewed page", capsys.readouterr().err
    )
    assert not output.exists()


def test_the_command_needs_a_page_id(capsys):
    with pytest.raises(SystemExit) as exit_status:
        execute_from_command_line(["manage.py", "evidence_pack", "not-a-number"])
    assert exit_status.value.code == 2


# The admin view -------------------------------------------------------------------


def pack_url(page):
    return reverse("health_content_evidence_pack", args=[page.pk])


def changes_url(page):
    return reverse("health_content_changes_since_sign_off", args=[page.pk])


#: role -> (status of "Changes since the last sign-off", status of the pack download).
#: Anonymous users are sent to sign in; the pack is not for writers.
ACCESS = {
    "anonymous": (302, 302),
    "no role": (403, 403),
    "writer": (200, 403),
    "reviewer": (200, 200),
    "editor": (200, 200),
    "superuser": (200, 200),
}


@pytest.mark.parametrize(("role", "statuses"), ACCESS.items())
def test_who_may_see_the_changes_and_download_the_pack(client, article, cast, role, statuses):
    user = role_user(role, cast)
    if user is not None:
        client.login(username=user.username, password=PASSWORD)
    changes, download = client.get(changes_url(article)), client.get(pack_url(article))
    assert (changes.status_code, download.status_code) == statuses
    for response in (changes, download):
        if response.status_code == 302:
            assert reverse("wagtailadmin_login") in response["Location"]
    if changes.status_code == 200:
        assert "data-changes-since-sign-off" in changes.content.decode()
    elif changes.status_code == 403:
        assert "data-scope-diff" not in changes.content.decode()
    if download.status_code == 200:
        assert download["Content-Type"] == "application/zip"
        assert f'filename="evidence-pack-{article.pk}.zip"' in download["Content-Disposition"]
        assert "index.html" in Pack(download.content, article).names
    elif download.status_code == 403:
        assert (
            "Evidence packs is open to editors and medical reviewers" in download.content.decode()
        )


@pytest.mark.parametrize(
    ("role", "shown"), [("writer", False), ("editor", True), ("superuser", True)]
)
def test_the_article_header_offers_the_pack_to_those_who_may_download_it(
    client, article, cast, role, shown
):
    user = role_user(role, cast)
    client.login(username=user.username, password=PASSWORD)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    assert response.status_code == 200
    assert (pack_url(article) in response.content.decode()) is shown


def test_only_reviewed_pages_have_a_pack(client, blog_index, cast):
    client.login(username=cast.editor.username, password=PASSWORD)
    assert client.get(pack_url(blog_index)).status_code == 404
