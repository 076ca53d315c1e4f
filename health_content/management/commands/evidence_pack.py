"""Write the evidence pack of one medically reviewed article to a ZIP file.

    manage.py evidence_pack PAGE_ID [--output PATH]

The pack (see health_content.evidence) holds every revision's content, the
diffs between consecutive revisions, each sign-off with its manifestation, the
content-check findings and acknowledgements at each sign-off, the references and
the article's audit records with the verification of the chain, as
self-contained HTML and JSON with a manifest of SHA-256 hashes. Without
--output it is written to evidence-pack-PAGE_ID.zip in the current directory.
Exits non-zero, saying why, for an unknown page or a page that is not a
medically reviewed article.
"""

import hashlib
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page

from health_content.evidence import build_evidence_pack, pack_filename
from health_content.publish_gate import MedicallyReviewedPageMixin, reviewed_page_models


class Command(BaseCommand):
    help = (
        "Write the evidence pack (ZIP of revisions, diffs, sign-offs, checks, audit) of an article."
    )

    def add_arguments(self, parser):
        parser.add_argument("page_id", type=int, help="The id of the article's page.")
        parser.add_argument(
            "--output", help="Where to write the ZIP (default: evidence-pack-PAGE_ID.zip)."
        )

    def handle(self, *args, page_id, output=None, **options):
        page = Page.objects.filter(pk=page_id).first()
        if page is None:
            raise CommandError(f"There is no page with id {page_id}.")
        page = page.specific
        if not isinstance(page, MedicallyReviewedPageMixin):
            kinds = ", ".join(model._meta.verbose_name for model in reviewed_page_models())
            raise CommandError(
                f"Page {page_id} (“{page.title}”) is a {page._meta.verbose_name}, not a "
                f"medically reviewed page ({kinds}): it has no review evidence."
            )
        path = Path(output or pack_filename(page))
        data = build_evidence_pack(page)
        try:
            path.write_bytes(data)
        except OSError as error:
            raise CommandError(f"Could not write {path}: {error.strerror}.") from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote the evidence pack of “{page.title}” to {path} "
                f"({len(data)} bytes, SHA-256 {hashlib.sha256(data).hexdigest()})."
            )
        )
