"""Builders for users, profiles and articles that go through the real review path.

Nothing here goes around the publish gate: `publish_through_review` runs the
"Health article review" workflow exactly as the admin does, so a live article in
a test is live because a medical reviewer signed it off.
"""

import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import WorkflowState

from blog.models import ArticleAuthor, ArticlePage
from health_content.models import AuthorProfile, Disclaimer, ReviewerProfile
from health_content.roles import EDITORS, MEDICAL_REVIEWERS, WRITERS

PASSWORD = "a-long-test-password"
ATTESTED = {"claims_checked": True, "doses_checked": True, "disclaimer_appropriate": True}
#: What a reviewer posts to sign off: the attestations and their password (the signature).
SIGNED = {**ATTESTED, "password": PASSWORD}
_counter = itertools.count(1)


def make_user(username, *groups, superuser=False, **extra):
    User = get_user_model()
    user = User.objects.create_user(
        username=username,
        email=f"{username}@example.com",
        password=PASSWORD,
        is_superuser=superuser,
        is_staff=superuser,
        **extra,
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def make_writer(username="writer"):
    return make_user(username, WRITERS)


def make_editor(username="editor"):
    return make_user(username, EDITORS)


def make_reviewer(username="reviewer", credentials="MD", active=True):
    user = make_user(username, MEDICAL_REVIEWERS)
    ReviewerProfile.objects.create(
        user=user,
        display_name=f"Dr {username.title()}",
        slug=username,
        credentials=credentials,
        specialty="General practice",
        registration_body="General Medical Council",
        registration_number=f"GMC{next(_counter):06d}",
        active=active,
    )
    return user


def default_disclaimer():
    disclaimer = Disclaimer.objects.default()
    if disclaimer is None:
        disclaimer = Disclaimer.objects.create(
            name="General",
            text="<p>This article is general information, not medical advice.</p>",
            is_default=True,
        )
    return disclaimer


def make_author(name="Sam Writer"):
    slug = f"author-{next(_counter)}"
    return AuthorProfile.objects.create(display_name=name, slug=slug)


def make_article(parent, title=None, body=None, author=None, owner=None, **fields):
    """A draft ArticlePage with a section and the default disclaimer, and one saved revision."""
    default_disclaimer()
    title = title or f"Article {next(_counter)}"
    if body is None:
        body = [
            ("section", {"heading": "What it is", "anchor": "", "body": f"<p>{title} text.</p>"}),
            ("disclaimer", {"disclaimer": Disclaimer.objects.default()}),
        ]
    page = ArticlePage(
        title=title,
        summary=fields.pop("summary", f"A summary of {title}."),
        body=body,
        owner=owner,
        change_note=fields.pop("change_note", "First version."),
        **fields,
    )
    page.authors = [ArticleAuthor(author=author or make_author())]
    parent.add_child(instance=page)
    page.save_revision(user=owner)
    return ArticlePage.objects.get(pk=page.pk)


def refreshed(page):
    return ArticlePage.objects.get(pk=page.pk)


def submit(page, user):
    """Start the review workflow on the page's latest revision, as the admin's Submit does.

    If a review is already running (a re-review asked for by a change of reference
    data), it is restarted on the latest revision, as the admin's "Resubmit" does.
    """
    page = refreshed(page)
    running = WorkflowState.objects.for_instance(page).active().first()
    if running is not None:
        running.cancel(user=user)
    page.get_workflow().start(page, user)
    return refreshed(page)


def act(page, user, action, **data):
    page = refreshed(page)
    page.current_workflow_task.on_action(page.current_workflow_task_state, user, action, **data)
    return refreshed(page)


def publish_through_review(page, writer, editor, reviewer, comment="Checked against sources."):
    """Submit, approve the editorial step, sign off the medical step: the article goes live."""
    page = submit(page, writer)
    page = act(page, editor, "approve")
    return act(page, reviewer, "approve", comment=comment, **SIGNED)
