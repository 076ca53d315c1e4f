"""Demo content for development: people, reference data, pages and reviewed articles.

`load()` builds everything `manage.py load_demo` promises, in one transaction:
the site tree, the demo accounts in their groups (passwords are published in the
README: development only), author and reviewer profiles, nutrient reference data,
the default disclaimer, topics, the About / Editorial policy / How we review
pages, generated illustrations and six articles in every review state. Live
articles are signed off through the real workflow (see review.py); the content
itself is plain data in people.py, reference_data.py (with food_sources.csv),
citations.py, standard_pages.py, images.py (with illustrations.csv) and articles/
(with pages.toml).
"""

from dataclasses import dataclass

from django.db import transaction
from django.test.utils import override_settings

from blog.models import ArticleAuthor, ArticlePage, ArticleReference
from blog.site_tree import ensure_site_tree
from health_content.models import NutrientReference, Topic
from health_content.workflow import WORKFLOW_NAME

from . import refs, review
from .articles import ARTICLES
from .images import alt_text, create_images
from .people import ACCOUNTS, EDITOR, create_accounts, create_profiles
from .reference_data import create_reference_data
from .standard_pages import create_standard_pages

#: Signed-off states, and how long ago their review is made to look (months, days).
BACKDATED = {"live": None, "due_soon": (11, 10), "overdue": (14, 0)}
SIGN_OFF_COMMENT = "Checked against the cited sources; doses and figures verified."


class DemoSetupError(Exception):
    """The database lacks something migrations should have created."""


@dataclass(frozen=True)
class DemoArticle:
    title: str
    state: str
    page_id: int


def _check_workflow(blog_index):
    workflow = blog_index.get_workflow()
    if workflow is None or workflow.name != WORKFLOW_NAME:
        raise DemoSetupError(
            f"The “{WORKFLOW_NAME}” workflow is not set on the root page: run manage.py migrate."
        )


class _Builder:
    def __init__(self, blog_index, users, authors, disclaimer, images):
        self.blog_index = blog_index
        self.users = users
        # Demo reviewers sign with their published demo passwords, as in the dialog.
        self.passwords = {account.username: account.password for account in ACCOUNTS}
        self.authors = authors
        self.disclaimer = disclaimer
        self.images = images
        self.pages = {}
        self.nutrients = dict(NutrientReference.objects.values_list("name", "pk"))

    def lookup(self, placeholder):
        if isinstance(placeholder, refs.Nutrient):
            return self.nutrients[placeholder.name]
        if isinstance(placeholder, refs.Image):
            return self.images[placeholder.key].pk
        if isinstance(placeholder, refs.Article):
            return self.pages[placeholder.slug].pk
        return self.disclaimer.pk

    def create(self, data):
        authors = [self.authors[slug] for slug in data["authors"]]
        writer = authors[0].user
        page = ArticlePage(
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"],
            owner=writer,
            live=False,
            has_unpublished_changes=True,
            featured=data["featured"],
            hero_image=self.images[data["image"]],
            hero_image_alt=alt_text(data["image"]),
            change_note="First published version.",
        )
        page.body = [
            {"type": block_type, "value": refs.resolve(value, self.lookup)}
            for block_type, value in data["body"]
        ]
        page.references = [
            ArticleReference(sort_order=position, **reference)
            for position, reference in enumerate(data["references"])
        ]
        page.authors = [
            ArticleAuthor(author=author, sort_order=position)
            for position, author in enumerate(authors)
        ]
        page.topics = list(Topic.objects.filter(slug__in=data["topics"]))
        page.tags.add(*data["tags"])
        self.blog_index.add_child(instance=page)
        self.pages[data["slug"]] = page
        self.review(page, data, writer)
        return DemoArticle(title=page.title, state=data["state"], page_id=page.pk)

    def review(self, page, data, writer):
        state = data["state"]
        if state == "draft":
            page.save_revision(user=writer, log_action=True)
            return
        page = review.submit(page, writer)
        if state == "editorial_review":
            return
        page = review.approve_editorial(page, self.users[EDITOR.username])
        if state == "medical_review":
            return
        reviewer = self.users[data["reviewer"]]
        if BACKDATED[state]:
            months, days = BACKDATED[state]
            review.sign_off_in_the_past(page, reviewer, SIGN_OFF_COMMENT, months, days)
        else:
            review.sign_off(
                page, reviewer, SIGN_OFF_COMMENT, password=self.passwords[reviewer.username]
            )


def load():
    """Create all demo content; return ``([(Account, created), ...], [DemoArticle, ...])``.

    Assumes an empty site (load_demo checks). Accounts that already existed keep
    their passwords: `created` is False for them.
    """
    # The workflow notifies reviewers and writers by email at every step; the
    # demo people are fictional, so those messages go nowhere.
    with (
        override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"),
        transaction.atomic(),
    ):
        home, blog_index = ensure_site_tree()
        _check_workflow(blog_index)
        users, existing = create_accounts()
        authors = create_profiles(users)
        disclaimer = create_reference_data()
        images = create_images()
        create_standard_pages(home)
        builder = _Builder(blog_index, users, authors, disclaimer, images)
        articles = [builder.create(data) for data in ARTICLES]
    return [(account, account.username not in existing) for account in ACCOUNTS], articles
