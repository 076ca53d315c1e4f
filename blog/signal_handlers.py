"""What makes cached reader pages stale, and the CDN purges that follow a publish.

See blog.cache for how the page cache and its generation token work. The
handlers here bump the token whenever anything readers see changes, and purge a
CDN's copies of the pages that list a published or unpublished article.
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from taggit.models import Tag
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from health_content.models import (
    AuthorProfile,
    Disclaimer,
    NutrientReference,
    ReviewerProfile,
    SignOff,
    Topic,
)

from . import search
from .cache import bump_generation
from .models import ArticlePage, PolicyPages


def _reader_data_models():
    """Models shown on reader pages whose changes must invalidate cached pages."""
    return [
        Topic,
        AuthorProfile,
        ReviewerProfile,
        Disclaimer,
        NutrientReference,
        Tag,
        get_image_model(),
        get_document_model(),
        Site,
        PageViewRestriction,
        PolicyPages,
    ]


def _page_models():
    return [model for model in apps.get_models() if issubclass(model, Page)]


def register_signal_handlers():
    """Wire invalidation to Wagtail's and Django's signals. Called from BlogConfig.ready()."""
    dispatch = "blog.signal_handlers.bump_generation"
    page_published.connect(bump_generation, dispatch_uid=f"{dispatch}:published")
    page_unpublished.connect(bump_generation, dispatch_uid=f"{dispatch}:unpublished")
    post_page_move.connect(bump_generation, dispatch_uid=f"{dispatch}:moved")
    for model in _page_models():
        post_delete.connect(
            bump_generation, sender=model, dispatch_uid=f"{dispatch}:delete:{model._meta.label}"
        )
    for model in _reader_data_models():
        label = model._meta.label
        post_save.connect(bump_generation, sender=model, dispatch_uid=f"{dispatch}:save:{label}")
        post_delete.connect(bump_generation, sender=model, dispatch_uid=f"{dispatch}:del:{label}")

    page_published.connect(search.reindex_published_page, dispatch_uid="blog.search.reindex")
    page_published.connect(
        purge_frontend_cache_for_article, dispatch_uid="blog.signal_handlers.purge:published"
    )
    page_unpublished.connect(
        purge_frontend_cache_for_article, dispatch_uid="blog.signal_handlers.purge:unpublished"
    )


# Front-end (CDN) cache -------------------------------------------------------------


def reader_paths_listing(article):
    """Paths of the reader pages, other than its own, that show `article`."""
    paths = {"/", "/feed/", "/feed/atom/", "/sitemap.xml"}
    parent = article.get_parent()
    if parent is not None:
        paths.add(parent.url)
    paths.update(f"/topics/{topic.slug}/" for topic in article.topics.all())
    paths.update(f"/tags/{tag.slug}/" for tag in article.tags.all())
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
