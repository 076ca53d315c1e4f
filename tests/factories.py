"""Test shorthands over the shared factories (health_content.factories, blog.factories).

Nothing here goes around the publish gate: `publish_through_review` runs the
"Health article review" workflow exactly as the admin does, so a live article in
a test is live because a medical reviewer signed it off.
"""

from django.contrib.auth.models import Permission

from blog.factories import make_article
from health_content.factories import (
    ATTESTED,
    PASSWORD,
    AuthorProfileFactory,
    ReviewerProfileFactory,
    UserFactory,
    acknowledged,
    act,
    default_disclaimer,
    publish_through_review,
    refreshed,
    submit,
)
from health_content.roles import EDITORS, WRITERS

#: What a reviewer posts to sign off: the attestations and their password (the signature).
SIGNED = {**ATTESTED, "password": PASSWORD}

__all__ = [
    "ATTESTED",
    "PASSWORD",
    "SIGNED",
    "acknowledged",
    "act",
    "article_with_warnings",
    "default_disclaimer",
    "make_admin_only_user",
    "make_article",
    "make_author",
    "make_editor",
    "make_reviewer",
    "make_user",
    "make_writer",
    "publish_through_review",
    "refreshed",
    "role_user",
    "submit",
]


def make_user(username, *groups, superuser=False, **extra):
    return UserFactory(
        username=username, groups=groups, is_superuser=superuser, is_staff=superuser, **extra
    )


def make_writer(username="writer"):
    return make_user(username, WRITERS)


def make_editor(username="editor"):
    return make_user(username, EDITORS)


def make_reviewer(username="reviewer", credentials="MD", active=True):
    """A medical reviewer's user (with an active reviewer profile unless told otherwise)."""
    profile = ReviewerProfileFactory(
        user__username=username, credentials=credentials, active=active
    )
    return profile.user


def make_author(name="Sam Writer"):
    return AuthorProfileFactory(display_name=name)


def article_with_warnings(parent, owner, more_text=""):
    """A draft naming a brand-name drug and quoting an uncited figure: two content-check
    warnings (promotional-content, uncited-statistic), nothing blocking."""
    text = f"<p>About 40% of older adults have low B12. Lyrica can help.{more_text}</p>"
    body = [
        ("section", {"heading": "How common it is", "anchor": "", "body": text}),
        ("disclaimer", {"disclaimer": default_disclaimer()}),
    ]
    return make_article(parent, title="Nerve pain and B12", body=body, owner=owner)


def make_admin_only_user(username="bystander"):
    """A user who may open the admin but holds no role."""
    user = make_user(username)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def role_user(role, cast):
    """The user acting as `role` ("anonymous" is None) among a cast's people
    (health_content.factories.Cast); "no role" and "superuser" users are made."""
    if role == "anonymous":
        return None
    if role == "no role":
        return make_admin_only_user()
    if role == "superuser":
        return make_user("admin", superuser=True)
    return {"writer": cast.writer, "reviewer": cast.reviewer_user, "editor": cast.editor}[role]
