"""sitemap.xml: every live public page (Wagtail's sitemap) plus topic, tag and profile pages.

Wagtail's own sitemap lists pages with ``lastmod`` = last published. The Django
views that list articles (topics, tags, authors, reviewers) are added when they
list at least one live article, with ``lastmod`` = the newest of those articles.
Locations are absolute on the Wagtail Site's root URL.
"""

from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.db.models import Max, Q
from django.urls import reverse
from taggit.models import Tag
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap

from health_content.models import AuthorProfile, ReviewerProfile, SignOff, Topic

from . import seo
from .models import ArticlePage


class PageSitemap(WagtailSitemap):
    """Wagtail's sitemap of live, public pages."""


class ListingSitemap(DjangoSitemap):
    """Objects with a reader listing page; `items()` annotate ``newest`` (last published)."""

    def __init__(self, request=None):
        self.request = request

    def get_urls(self, page=1, site=None, protocol=None):
        # Django builds locations from django.contrib.sites, which this project
        # does not use: make them absolute on the Wagtail Site instead.
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            url["location"] = seo.absolute_url(self.request, self.location(url["item"]))
        return urls

    def lastmod(self, obj):
        return obj.newest


def _readable(prefix):
    """Articles every reader may open: live through the gate, without view restrictions."""
    return Q(**{f"{prefix}in": ArticlePage.objects.live().public()})


class TopicSitemap(ListingSitemap):
    def items(self):
        return (
            Topic.objects.annotate(
                newest=Max("articles__last_published_at", filter=_readable("articles__"))
            )
            .filter(newest__isnull=False)
            .order_by("slug")
        )

    def location(self, obj):
        return reverse("blog:topic", args=[obj.slug])


class TagSitemap(ListingSitemap):
    def items(self):
        newest = Max(
            "blog_articlepagetag_items__content_object__last_published_at",
            filter=_readable("blog_articlepagetag_items__content_object__"),
        )
        return Tag.objects.annotate(newest=newest).filter(newest__isnull=False).order_by("slug")

    def location(self, obj):
        return reverse("blog:tag", args=[obj.slug])


class AuthorSitemap(ListingSitemap):
    def items(self):
        newest = Max(
            "article_links__page__last_published_at", filter=_readable("article_links__page__")
        )
        return (
            AuthorProfile.objects.annotate(newest=newest)
            .filter(newest__isnull=False)
            .order_by("slug")
        )

    def location(self, obj):
        return obj.get_absolute_url()


class ReviewerSitemap(ListingSitemap):
    def items(self):
        covering = SignOff.objects.covering_live_content().filter(
            page__in=ArticlePage.objects.live().public()
        )
        return (
            ReviewerProfile.objects.filter(sign_offs__in=covering)
            .annotate(
                newest=Max("sign_offs__page__last_published_at", filter=Q(sign_offs__in=covering))
            )
            .order_by("slug")
            .distinct()
        )

    def location(self, obj):
        return obj.get_absolute_url()


SITEMAPS = {
    "pages": PageSitemap,
    "topics": TopicSitemap,
    "tags": TagSitemap,
    "authors": AuthorSitemap,
    "reviewers": ReviewerSitemap,
}


def sitemap_sections(request):
    """The sitemap sections, bound to `request` (for the Wagtail Site and its root URL)."""
    return {name: section(request) for name, section in SITEMAPS.items()}
