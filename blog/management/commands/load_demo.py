"""Load the content a newcomer needs to see the product working.

Run by `make run`. Does nothing when the database already holds a home page, so
it is safe to run on every start. Refuses to run with DEBUG off unless forced,
because the demo accounts have published passwords.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from blog.models import HomePage
from blog.site_tree import ensure_site_tree

DEMO_ADMIN = ("admin", "admin@example.com", "health-admin-demo")


class Command(BaseCommand):
    help = "Create the site tree and demo accounts when the database is empty."

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
        ensure_site_tree()
        username, email, password = DEMO_ADMIN
        User = get_user_model()
        if not User.objects.filter(username=username).exists():
            User.objects.create_superuser(username, email, password)
        self.stdout.write(self.style.SUCCESS("Demo content loaded. Accounts (dev only):"))
        self.stdout.write(f"  superuser  {username} / {password}")
