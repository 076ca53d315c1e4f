from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Q
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from blog import seo

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


class OneQueryViewRestrictionsMixin:
    """Find a page's view restrictions in one query instead of Wagtail's two.

    Wagtail's `Page.get_view_restrictions()` loads the ancestors (to resolve
    aliases) and then queries their restrictions, on every page view. Here the
    ancestors' paths are derived from the page's own tree path, and the aliases'
    source pages come from a subquery. The result is the same set of restrictions,
    plus any stored on alias pages themselves (Wagtail never creates those), so
    it is never less strict. tests/test_reader_pages.py checks that private
    sections stay private.
    """

    def get_view_restrictions(self):
        steplen = self.steplen
        paths = [self.path[:end] for end in range(steplen, len(self.path) + 1, steplen)]
        alias_sources = Page.objects.filter(path__in=paths, alias_of__isnull=False).values(
            "alias_of_id"
        )
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths) | Q(page_id__in=alias_sources)
        )


def route_to_child(parent, child_queryset, request, path_components):
    """Route into a child found by `child_queryset` in one query, else Wagtail's default.

    Wagtail's `Page.route` loads a child as a plain Page and then its specific row
    (two queries per URL segment). When the child's type is known, one query does.
    """
    child = child_queryset.child_of(parent).filter(slug=path_components[0]).first()
    if child is None:
        return Page.route(parent, request, path_components)
    # As Page.route does: treebeard's get_parent() then needs no query.
    child._cached_parent_obj = parent
    return child.route(request, path_components[1:])


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
        from health_content.models import Topic

        from .article import ArticlePage

        context = super().get_context(request, *args, **kwargs)
        articles = ArticlePage.objects.live().public().for_listing()
        context["featured_articles"] = list(
            articles.filter(featured=True)[: self.featured_articles_count]
        )
        featured_ids = [article.pk for article in context["featured_articles"]]
        context["latest_articles"] = list(articles.exclude(pk__in=featured_ids)[:6])
        context["topics"] = Topic.objects.filter(articles__live=True).distinct()
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
        from health_content.publish_gate import BlogIndexPermissionTester

        return BlogIndexPermissionTester(user, self)

    def route(self, request, path_components):
        # Children are articles: load the ArticlePage row (and hero image) at once.
        if path_components:
            from .article import ArticlePage

            articles = ArticlePage.objects.select_related("hero_image")
            return route_to_child(self, articles, request, path_components)
        return super().route(request, path_components)

    def get_articles(self):
        from .article import ArticlePage

        return ArticlePage.objects.child_of(self).live().public().for_listing()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = paginate(request, self.get_articles())
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
