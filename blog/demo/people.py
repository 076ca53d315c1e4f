"""Demo accounts (development only: the passwords are published) and their public profiles.

Every person here is fictional. Reviewer registration numbers say DEMO so they
can never be mistaken for real credentials.
"""

from typing import NamedTuple

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from health_content.factories import UserFactory
from health_content.models import AuthorProfile, ReviewerProfile
from health_content.roles import EDITORS, MEDICAL_REVIEWERS, WRITERS


class Account(NamedTuple):
    """A demo login: its published password, the role load_demo prints, its group."""

    username: str
    password: str
    role: str
    group: str = ""
    first_name: str = ""
    last_name: str = ""

    @property
    def email(self):
        return f"{self.username}@example.com"


ADMIN = Account("admin", "health-admin-demo", "superuser")
WRITER = Account("writer", "health-writer-demo", "writer", WRITERS, "Sam", "Rivera")
EDITOR = Account("editor", "health-editor-demo", "editor", EDITORS, "Jordan", "Lee")
REVIEWER = Account(
    "reviewer", "health-reviewer-demo", "medical reviewer (MD)", MEDICAL_REVIEWERS, "Priya", "Nair"
)
DIETITIAN = Account(
    "dietitian",
    "health-dietitian-demo",
    "medical reviewer (RD)",
    MEDICAL_REVIEWERS,
    "Morgan",
    "Ellis",
)
ACCOUNTS = (ADMIN, WRITER, EDITOR, REVIEWER, DIETITIAN)

AUTHORS = [
    {
        "user": WRITER,
        "display_name": "Sam Rivera",
        "slug": "sam-rivera",
        "job_title": "Health writer",
        "bio": "<p>Sam writes about nutrition and everyday health. (Fictional demo author.)</p>",
    },
    {
        "user": EDITOR,
        "display_name": "Jordan Lee",
        "slug": "jordan-lee",
        "job_title": "Senior health editor",
        "bio": "<p>Jordan edits the blog and checks every article against its sources. "
        "(Fictional demo author.)</p>",
    },
]

REVIEWERS = [
    {
        "user": REVIEWER,
        "display_name": "Dr. Priya Nair",
        "slug": "priya-nair",
        "credentials": "MD",
        "specialty": "Internal medicine",
        "registration_body": "Demo Medical Board",
        "registration_number": "DEMO-MD-0001",
        "bio": "<p>Priya is a general internist who reviews articles on blood, nerves and "
        "bones. (Fictional demo reviewer.)</p>",
        "conflicts_of_interest": "Paid for two talks on anaemia at a medical education "
        "conference (2025). Holds no shares in drug, food or supplement companies. "
        "(Fictional demo declaration.)",
    },
    {
        "user": DIETITIAN,
        "display_name": "Morgan Ellis",
        "slug": "morgan-ellis",
        "credentials": "RD",
        "specialty": "Clinical nutrition",
        "registration_body": "Demo Dietetic Registry",
        "registration_number": "DEMO-RD-0002",
        "bio": "<p>Morgan is a registered dietitian who reviews articles on food and "
        "supplements. (Fictional demo reviewer.)</p>",
    },
]


def create_accounts():
    """Create the demo users in their groups; return ``({username: user}, existing usernames)``.

    A user that already exists keeps its password, so the caller must not print
    the demo password for it.
    """
    User = get_user_model()
    users, existing = {}, set()
    for account in ACCOUNTS:
        user = User.objects.filter(username=account.username).first()
        if user is not None:
            existing.add(account.username)
            if account.group:
                user.groups.add(Group.objects.get(name=account.group))
        else:
            user = UserFactory(
                username=account.username,
                email=account.email,
                password=account.password,
                first_name=account.first_name,
                last_name=account.last_name,
                is_superuser=account is ADMIN,
                is_staff=account is ADMIN,
                groups=[account.group] if account.group else [],
            )
        users[account.username] = user
    return users, existing


def create_profiles(users):
    """Create the author and reviewer profiles; return ``{slug: AuthorProfile}``."""
    authors = {}
    for data in AUTHORS:
        fields = {key: value for key, value in data.items() if key not in ("user", "slug")}
        authors[data["slug"]], _ = AuthorProfile.objects.update_or_create(
            slug=data["slug"], defaults={**fields, "user": users[data["user"].username]}
        )
    for data in REVIEWERS:
        fields = {key: value for key, value in data.items() if key not in ("user", "slug")}
        ReviewerProfile.objects.update_or_create(
            slug=data["slug"], defaults={**fields, "user": users[data["user"].username]}
        )
    return authors
