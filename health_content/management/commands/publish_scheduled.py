"""Wagtail's `publish_scheduled`, with unreviewed article revisions taken off the schedule first.

The publish gate would refuse such a revision anyway, but Wagtail's command stops
at the first exception, which would hold back every other scheduled page. Here
each refused revision loses its schedule, the refusal is logged in the page
history, and the remaining revisions are published as usual.
"""

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.management.commands.publish_scheduled import Command as WagtailPublishScheduled
from wagtail.models import Revision

from health_content.publish_gate import publish_problems, reviewed_page_models


class Command(WagtailPublishScheduled):
    help = "Publish scheduled pages whose go-live time has passed, refusing unreviewed articles."

    def handle(self, *args, **options):
        if not options.get("dryrun"):
            self.unschedule_unreviewed_articles()
        return super().handle(*args, **options)

    def unschedule_unreviewed_articles(self):
        models = reviewed_page_models()
        due = Revision.objects.filter(
            approved_go_live_at__lt=timezone.now(),
            content_type__in=ContentType.objects.get_for_models(*models).values(),
        )
        for revision in due:
            page = revision.content_object.specific
            problems = publish_problems(page, revision)
            if not problems:
                continue
            revision.approved_go_live_at = None
            revision.save(update_fields=["approved_go_live_at"])
            log(
                instance=page,
                action="health_content.publish_refused",
                revision=revision,
                data={"reasons": problems, "scheduled": True},
            )
            self.stderr.write(f"Not published: {page.title} (#{page.pk}): {' '.join(problems)}")
