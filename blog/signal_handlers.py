"""What makes cached reader pages stale, and the CDN purges that follow a publish.

See blog.cache for how the page cache and its tags work. The handlers here make
stale the cached entries showing what changed (a page, or an object pages show),
the whole site only for sites and privacy settings, and purge a CDN's copies of
the pages that list a published or unpublished article.
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save, pre_delete
from django.urls import reverse
from taggit.models import Tag
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    workflow_approved,
    workflow_cancelled,
    workflow_rejected,
    workflow_submitted,
)

from health_content.models import (
    AuthorProfile,
    Disclaimer,
    NutrientReference,
    ReviewerProfile,
    SignOff,
    Topic,
)

from . import search
from .cache import (
    PROFILES_TAG,
    TOPICS_TAG,
    bump_generation,
    bump_tags,
    invalidate_moved_page,
    invalidate_object,
    invalidate_page,
    page_tag,
)
from .models import ArticlePage, PolicyPages
from .models.article import ArticlePageTag


def _site_wide_models():
    """Models every reader page depends on: a change makes every cached page stale.

    PolicyPages is the site setting behind the footer's policy links.
    """
    return [Site, PageViewRestriction, PolicyPages]


def _reader_data_models():
    """Models shown on reader pages: a change makes stale only the pages that show the object."""
    return [
        Topic,
        AuthorProfile,
        ReviewerProfile,
        Disclaimer,
        NutrientReference,
        Tag,
        get_image_model(),
        get_document_model(),
    ]


def _page_models():
    return [model for model in apps.get_models() if issubclass(model, Page)]


def invalidate_reader_data(sender, instance, **kwargs):
    """Stale what shows `instance`: its own pages, what refers to it, and its listings."""
    extra = set()
    if isinstance(instance, Topic):
        extra.add(TOPICS_TAG)
        extra.update(page_tag(pk) for pk in instance.articles.values_list("pk", flat=True))
    elif isinstance(instance, AuthorProfile | ReviewerProfile):
        extra.add(PROFILES_TAG)
        if isinstance(instance, ReviewerProfile):
            signed = SignOff.objects.filter(reviewer=instance).values_list("page_id", flat=True)
            extra.update(page_tag(pk) for pk in signed)
    elif isinstance(instance, Tag):
        tagged = ArticlePageTag.objects.filter(tag=instance).values_list(
            "content_object_id", flat=True
        )
        extra.update(page_tag(pk) for pk in tagged)
    invalidate_object(instance, extra)


def page_changed(sender, instance, **kwargs):
    invalidate_page(instance)


def page_moved(sender, instance, parent_page_before=None, **kwargs):
    invalidate_moved_page(instance, old_parent=parent_page_before)


def review_state_changed(sender, instance, **kwargs):
    bump_tags([page_tag(int(instance.object_id))])


def register_signal_handlers():
    """Wire invalidation to Wagtail's and Django's signals. Called from BlogConfig.ready()."""
    dispatch = "blog.signal_handlers.invalidate"
    page_published.connect(page_changed, dispatch_uid=f"{dispatch}:published")
    page_unpublished.connect(page_changed, dispatch_uid=f"{dispatch}:unpublished")
    post_page_move.connect(page_moved, dispatch_uid=f"{dispatch}:moved")
    # The overdue notice says whether a review is running: starting or ending one
    # changes the article's own page.
    for name, signal in [
        ("submitted", workflow_submitted),
        ("approved", workflow_approved),
        ("rejected", workflow_rejected),
        ("cancelled", workflow_cancelled),
    ]:
        signal.connect(review_state_changed, dispatch_uid=f"{dispatch}:workflow_{name}")
    for model in _page_models():
        # Before the delete: the page's ancestors and Wagtail's reference index
        # entries pointing at it are still there (the second bump follows the commit).
        pre_delete.connect(
            page_changed, sender=model, dispatch_uid=f"{dispatch}:delete:{model._meta.label}"
        )
    for model in _reader_data_models():
        label = model._meta.label
        post_save.connect(
            invalidate_reader_data, sender=model, dispatch_uid=f"{dispatch}:save:{label}"
        )
        post_delete.connect(
            invalidate_reader_data, sender=model, dispatch_uid=f"{dispatch}:del:{label}"
        )
    for model in _site_wide_models():
        label = model._meta.label
        post_save.connect(bump_generation, sender=model, dispatch_uid=f"{dispatch}:save:{label}")
        post_delete.connect(bump_generation, sender=model, dispatch_uid=f"{dispatch}:del:{label}")

    page_published.connect(search.reindex_published_page, dispatch_uid="blog.search.reindex")
    page_unpublished.connect(
        search.reindex_published_page, dispatch_uid="blog.search.reindex:unpublished"
    )
    page_published.connect(
        purge_frontend_cache_for_article, dispatch_uid="blog.signal_handlers.purge:published"
    )
    page_unpublished.connect(
        purge_frontend_cache_for_article, dispatch_uid="blog.signal_handlers.purge:unpublished"
    )


# Front-end (CDN) cache -------------------------------------------------------------


def reader_paths_listing(article):
    """Paths of the reader pages, other than its own, that show `article`."""
    paths = {"/", *(reverse(f"blog:{name}") for name in ("feed", "atom_feed", "sitemap"))}
    parent = article.get_parent()
    if parent is not None:
        paths.add(parent.url)
    paths.update(reverse("blog:topic", args=[topic.slug]) for topic in article.topics.all())
    paths.update(reverse("blog:tag", args=[tag.slug]) for tag in article.tags.all())
    paths.update(link.author.get_absolute_url() for link in article.authors.all())
    sign_offs = SignOff.objects.filter(page_id=article.pk).select_related("reviewer")
    paths.update(sign_off.reviewer.get_absolute_url() for sign_off in sign_offs)
    return sorted(path for path in paths if path)


def purge_frontend_cache_for_article(sender, instance, **kwargs):
    """Purge the CDN copies of the pages listing an article that was published or unpublished."""
    if not isinstance(instance, ArticlePage) or not get_backends():
        return
    site = instance.get_site()
    if site is None:
        return
    batch = PurgeBatch()
    batch.add_urls(site.root_url + path for path in reader_paths_listing(instance))
    batch.purge()
