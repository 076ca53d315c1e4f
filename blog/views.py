"""Reader pages that are not Wagtail pages: author, reviewer and topic listings."""

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from health_content.models import AuthorProfile, ReviewerProfile, Topic

from .models import ArticlePage
from .models.pages import paginate


def live_articles():
    return ArticlePage.objects.live().public().for_listing()


def author_detail(request, slug):
    author = get_object_or_404(AuthorProfile.objects.select_related("photo"), slug=slug)
    articles = live_articles().filter(authors__author=author)
    return TemplateResponse(
        request,
        "blog/author_detail.html",
        {"profile": author, "articles": paginate(request, articles)},
    )


def reviewer_detail(request, slug):
    reviewer = get_object_or_404(ReviewerProfile.objects.select_related("photo"), slug=slug)
    articles = live_articles().reviewed_by(reviewer)
    return TemplateResponse(
        request,
        "blog/reviewer_detail.html",
        {"profile": reviewer, "articles": paginate(request, articles)},
    )


def topic_detail(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    articles = live_articles().filter(topics=topic)
    return TemplateResponse(
        request,
        "blog/topic_detail.html",
        {"topic": topic, "articles": paginate(request, articles)},
    )
