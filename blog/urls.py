"""Reader URLs outside the Wagtail page tree. Wagtail's page URLs come after these."""

from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.urls import path
from django.views.decorators.http import require_safe

from . import views
from .cache import PAGES_TAG, PROFILES_TAG, TOPICS_TAG, page_cacheable, tag_request
from .feedback import views as feedback_views
from .feeds import LatestArticlesAtomFeed, LatestArticlesFeed
from .sitemaps import sitemap_sections

app_name = "blog"


@require_safe
@page_cacheable
def sitemap(request):
    # Lists every page, topic and profile with its last change.
    tag_request(request, PAGES_TAG, TOPICS_TAG, PROFILES_TAG)
    return django_sitemap(request, sitemaps=sitemap_sections(request))


urlpatterns = [
    path("authors/<slug:slug>/", views.profile_detail, {"people": views.AUTHORS}, name="author"),
    path(
        "reviewers/<slug:slug>/", views.profile_detail, {"people": views.REVIEWERS}, name="reviewer"
    ),
    path("topics/", views.topic_index, name="topics"),
    path("topics/<slug:slug>/", views.taxonomy_detail, {"taxonomy": views.TOPICS}, name="topic"),
    path("tags/<slug:slug>/", views.taxonomy_detail, {"taxonomy": views.TAGS}, name="tag"),
    path("articles/<int:page_id>/history/", views.article_history, name="article_history"),
    path("articles/<int:page_id>/helpful/", feedback_views.helpful, name="article_helpful"),
    path("articles/<int:page_id>/report/", feedback_views.report_problem, name="article_report"),
    path("search/", views.search, name="search"),
    path("feed/", page_cacheable(LatestArticlesFeed.view()), name="feed"),
    path("feed/atom/", page_cacheable(LatestArticlesAtomFeed.view()), name="atom_feed"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]
