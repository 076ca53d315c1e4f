"""Import articles (.txt, .md, .html, .docx files, or folders of them) as draft ArticlePages.

    manage.py import_articles PATH [PATH ...] --owner USERNAME [--index ID_OR_SLUG]
                              [--author AUTHOR_SLUG] [--update] [--dry-run]

For the next engineer:

* The work happens in blog.importer (see its package docstring); this
  command only finds files, resolves the options and prints each file's report.
* Drafts only: nothing is ever published. Articles go live through the review
  workflow and the medical sign-off (health_content.publish_gate).
* A file whose slug (from its title) already exists under the index is refused
  unless --update, which saves a new draft revision on that article (a live
  article keeps its live content until the new revision is signed off).
* Each file is imported in its own transaction: a broken file (unreadable,
  binary, empty, not UTF-8, hostile, no title) is reported and the others go on. The exit
  status is non-zero when any file failed.
* Reports go to stdout once all files are done; while they are imported a
  progress bar is drawn on stderr when there is more than one file.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from blog.importer import (
    ImportFailed,
    ImportReport,
    import_file,
    resolve_author,
    resolve_index,
    resolve_owner,
)
from blog.importer.readers import is_supported

PROGRESS_WIDTH = 30


def collect_files(paths):
    """``[(path, error or None), ...]``: files as given, and supported files inside folders."""
    found = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            inside = sorted(
                candidate
                for candidate in path.rglob("*")
                if candidate.is_file()
                and is_supported(candidate.name)
                and not any(part.startswith(".") for part in candidate.relative_to(path).parts)
            )
            if not inside:
                found.append((path, "The folder has no .txt, .md, .html or .docx files."))
            found.extend((candidate, None) for candidate in inside)
        elif path.is_file():
            found.append((path, None))
        else:
            found.append((path, "No such file or folder."))
    return found


class Command(BaseCommand):
    help = (
        "Import .txt/.md/.html/.docx articles (files or folders) as draft articles, with a report."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="Files or folders.")
        parser.add_argument(
            "--owner", help="Username of the writer who owns the drafts (required)."
        )
        parser.add_argument(
            "--index", help="Blog index page id or slug (default: the first blog index)."
        )
        parser.add_argument("--author", help="Author profile slug for the byline.")
        parser.add_argument(
            "--update",
            action="store_true",
            help="Re-import onto the article with the same slug as a new draft revision.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Print the reports; write nothing."
        )

    def handle(self, *args, paths, owner, index, author, update, dry_run, **options):
        try:
            index_page = resolve_index(index)
            owner_user = resolve_owner(owner, index_page)
            author_profile = resolve_author(author)
        except ImportFailed as error:
            raise CommandError(str(error)) from error

        files = collect_files(paths)
        reports = []
        for position, (path, error) in enumerate(files, start=1):
            self.progress(position, len(files), path)
            if error:
                reports.append(ImportReport(source=str(path), action="failed", error=error))
            else:
                reports.append(
                    self.import_path(
                        path, index_page, owner_user, author_profile, update=update, dry_run=dry_run
                    )
                )
            self.stdout.write(reports[-1].as_text())
        if len(files) > 1:
            self.stderr.write("")

        failed = [report for report in reports if report.failed]
        verb = "checked (dry run)" if dry_run else "imported"
        summary = f"{len(reports) - len(failed)} of {len(reports)} file(s) {verb}."
        if failed:
            raise CommandError(f"{summary} {len(failed)} failed: see the reports above.")
        self.stdout.write(self.style.SUCCESS(summary))

    def import_path(self, path, index, owner, author, *, update, dry_run):
        try:
            data = path.read_bytes()
        except OSError as error:
            return ImportReport(
                source=str(path), action="failed", error=f"Cannot read the file: {error.strerror}."
            )
        try:
            return import_file(
                str(path),
                data,
                index=index,
                owner=owner,
                author=author,
                update=update,
                dry_run=dry_run,
            )
        except Exception as error:
            # An importer bug met by one odd file must not cost the rest of the batch;
            # the file's transaction is rolled back and the run still exits non-zero.
            return ImportReport(
                source=str(path),
                action="failed",
                error=f"Unexpected error, please report it: {type(error).__name__}: {error}",
            )

    def progress(self, position, total, path):
        """A text progress bar on stderr, redrawn in place, when there are several files."""
        if total < 2:
            return
        done = PROGRESS_WIDTH * position // total
        bar = "#" * done + "-" * (PROGRESS_WIDTH - done)
        self.stderr.write(f"\r[{bar}] {position}/{total} {path.name[:40]:<40}", ending="")
        self.stderr.flush()
