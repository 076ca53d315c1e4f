"""Load the content a newcomer needs to see the product working.

Run by `make run`. Does nothing when the database already holds a home page, so
it is safe to run on every start. Refuses to run with DEBUG off unless forced,
because the demo accounts have published passwords. The content itself lives in
blog.demo.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from blog import demo
from blog.models import HomePage


class Command(BaseCommand):
    help = "Create the site tree, demo accounts and demo articles when the database is empty."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with DEBUG off (never on a public server: passwords are published).",
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("load_demo creates accounts with known passwords; use --force.")
        if HomePage.objects.exists():
            self.stdout.write("Content already present; demo content not loaded.")
            return
        try:
            accounts, articles = demo.load()
        except demo.DemoSetupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS("Demo content loaded. Accounts (dev only):"))
        for account, created in accounts:
            password = account.password if created else "(existing account, password unchanged)"
            self.stdout.write(f"  {account.role:<22} {account.username} / {password}")
        self.stdout.write("Articles:")
        for article in articles:
            self.stdout.write(f"  {article.state:<17} {article.title}")
