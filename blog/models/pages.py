from django.core.paginator import Paginator
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from blog import seo
from blog.cache import TOPICS_TAG, page_tag, tag_request
from health_content.models import Topic
from health_content.publish_gate import BlogIndexPermissionTester

from .article import ArticlePage
from .base import OneQueryViewRestrictionsMixin, route_to_child, with_view_restriction_flags

ARTICLES_PER_PAGE = 12


class HomePage(OneQueryViewRestrictionsMixin, Page):
    """The site root: introduces the blog and shows featured and latest articles, and topics."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    featured_articles_count = models.PositiveSmallIntegerField(default=3)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("featured_articles_count"),
    ]
    subpage_types = ["blog.BlogIndexPage", "blog.StandardPage"]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    def route(self, request, path_components):
        # The blog section is the busy path below home: try it first (see route_to_child).
        if path_components:
            return route_to_child(self, BlogIndexPage.objects, request, path_components)
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = ArticlePage.objects.live().public().for_listing()
        context["featured_articles"] = list(
            articles.filter(featured=True)[: self.featured_articles_count]
        )
        featured_ids = [article.pk for article in context["featured_articles"]]
        context["latest_articles"] = list(articles.exclude(pk__in=featured_ids)[:6])
        # Stale when a card's article changes (publishing a new one bumps home's own tag).
        tag_request(
            request,
            TOPICS_TAG,
            *(page_tag(a) for a in context["featured_articles"] + context["latest_articles"]),
        )
        context["topics"] = Topic.objects.filter(
            articles__in=ArticlePage.objects.live().public()
        ).distinct()
        context["blog_index"] = BlogIndexPage.objects.child_of(self).live().first()
        context["seo"] = seo.for_page(
            self,
            request,
            description=seo.text_from_html(self.intro) or self.seo_title,
            json_ld=[seo.website(request)],
        )
        return context


class BlogIndexPage(OneQueryViewRestrictionsMixin, Page):
    """The blog section: lists its live articles, newest first, paginated."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["blog.HomePage"]
    subpage_types = ["blog.ArticlePage"]

    def permissions_for_user(self, user):
        return BlogIndexPermissionTester(user, self)

    def route(self, request, path_components):
        # Children are articles: load the ArticlePage row (and hero image) at once,
        # with whether it went live through the gate and has view restrictions.
        if path_components:
            articles = with_view_restriction_flags(
                ArticlePage.objects.select_related("hero_image").with_gate_flag()
            )
            return route_to_child(self, articles, request, path_components)
        return super().route(request, path_components)

    def get_articles(self):
        return ArticlePage.objects.child_of(self).live().public().for_listing()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = Paginator(self.get_articles(), ARTICLES_PER_PAGE).get_page(
            request.GET.get("page")
        )
        tag_request(request, *(page_tag(article) for article in context["articles"]))
        context["seo"] = seo.for_page(
            self,
            request,
            description=seo.text_from_html(self.intro)
            or f"Medically reviewed articles from {seo.site_name(request)}.",
            page_number=context["articles"].number,
        )
        return context


class StandardPage(OneQueryViewRestrictionsMixin, Page):
    """A plain page for about, editorial policy and how-we-review content."""

    intro = models.TextField(blank=True, help_text="One or two sentences shown under the title.")
    body = RichTextField(features=["h2", "h3", "bold", "italic", "ol", "ul", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["blog.HomePage", "blog.StandardPage"]
    subpage_types = ["blog.StandardPage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["seo"] = seo.for_page(
            self, request, description=self.intro or seo.text_from_html(self.body)
        )
        return context
