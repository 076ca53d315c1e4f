from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

ARTICLES_PER_PAGE = 12


def paginate(request, queryset, per_page=ARTICLES_PER_PAGE):
    """The requested page of `queryset`; out-of-range or junk page numbers give the nearest page."""
    paginator = Paginator(queryset, per_page)
    number = request.GET.get("page", 1)
    try:
        return paginator.page(number)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


class HomePage(Page):
    """The site root: introduces the blog and shows featured and latest articles, and topics."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    featured_articles_count = models.PositiveSmallIntegerField(default=3)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("featured_articles_count")]
    subpage_types = ["blog.BlogIndexPage", "blog.StandardPage"]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        from health_content.models import Topic

        from .article import ArticlePage

        context = super().get_context(request, *args, **kwargs)
        articles = ArticlePage.objects.live().public().for_listing()
        context["featured_articles"] = list(articles.filter(featured=True)[: self.featured_articles_count])
        featured_ids = [article.pk for article in context["featured_articles"]]
        context["latest_articles"] = list(articles.exclude(pk__in=featured_ids)[:6])
        context["topics"] = Topic.objects.filter(articles__live=True).distinct()
        return context


class BlogIndexPage(Page):
    """The blog section: lists its live articles, newest first, paginated."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["blog.HomePage"]
    subpage_types = ["blog.ArticlePage"]

    def permissions_for_user(self, user):
        from health_content.publish_gate import BlogIndexPermissionTester

        return BlogIndexPermissionTester(user, self)

    def get_articles(self):
        from .article import ArticlePage

        return ArticlePage.objects.child_of(self).live().public().for_listing()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = paginate(request, self.get_articles())
        return context


class StandardPage(Page):
    """A plain page for about, editorial policy and how-we-review content."""

    intro = models.TextField(blank=True, help_text="One or two sentences shown under the title.")
    body = RichTextField(features=["h2", "h3", "bold", "italic", "ol", "ul", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["blog.HomePage", "blog.StandardPage"]
    subpage_types = ["blog.StandardPage"]
