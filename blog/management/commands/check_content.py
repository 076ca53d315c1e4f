"""Run the content checks on article files or saved pages, saving nothing.

    manage.py check_content [FILE_OR_PAGE_ID ...] [--format text|json]

A digit-only argument is a page id (the page's latest revision is checked); any
other argument is a file or folder read with the importer (blog.importer), as an
unsaved draft, together with the lines the importer dropped (promotions and
page debris, reported at paths ``dropped.N``). With no argument every article's
latest revision is checked.
``--format json`` prints one JSON list of ``{"source", "check", "severity",
"message", "excerpt", "path"}``. The exit status is 1 when any finding is blocking
(2 when an argument cannot be read), so CI and scripts can gate on it.
"""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from blog.importer import ImportFailed, read_article
from blog.importer.pages import dropped_text
from blog.management.commands.import_articles import collect_files
from blog.models import ArticlePage
from health_content.checks import BLOCKING, run_checks


class Command(BaseCommand):
    help = "Run the medical-content checks on article files or page ids; nothing is saved."

    def add_arguments(self, parser):
        parser.add_argument("sources", nargs="*", metavar="FILE_OR_PAGE_ID")
        parser.add_argument("--format", choices=("text", "json"), default="text")

    def handle(self, *args, sources, format, **options):
        results, errors = [], []
        for source, page, extra in self.targets(sources, errors):
            for finding in run_checks(page, extra):
                results.append({"source": source, **finding.as_dict()})
        if format == "json":
            self.stdout.write(json.dumps(results, indent=2, ensure_ascii=False))
        else:
            self.write_text(results)
        for error in errors:
            self.stderr.write(error)
        if errors:
            raise CommandError(f"{len(errors)} source(s) could not be checked.", returncode=2)
        if any(result["severity"] == BLOCKING for result in results):
            sys.exit(1)

    def targets(self, sources, errors):
        if not sources:
            for page in ArticlePage.objects.order_by("pk"):
                yield f"page {page.pk}", page.get_latest_revision_as_object(), ()
            return
        for source in sources:
            if source.isdigit():
                page = ArticlePage.objects.filter(pk=int(source)).first()
                if page is None:
                    errors.append(f"{source}: no article has this page id.")
                    continue
                yield f"page {page.pk}", page.get_latest_revision_as_object(), ()
                continue
            for path, error in collect_files([source]):
                if error:
                    errors.append(f"{path}: {error}")
                    continue
                try:
                    page, _, report = read_article(str(path), Path(path).read_bytes())
                except (ImportFailed, OSError) as failure:
                    errors.append(f"{path}: {failure}")
                    continue
                yield str(path), page, dropped_text(report)

    def write_text(self, results):
        for result in results:
            quote = f"\n    “{result['excerpt']}”" if result["excerpt"] else ""
            self.stdout.write(
                f"{result['source']}: {result['severity'].upper()} [{result['check']}] "
                f"{result['path']}: {result['message']}{quote}"
            )
        blocking = sum(result["severity"] == BLOCKING for result in results)
        self.stdout.write(f"{len(results)} finding(s), {blocking} blocking.")
