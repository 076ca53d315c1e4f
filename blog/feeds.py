"""RSS 2.0 and Atom feeds of the latest live articles (django.contrib.syndication).

/feed/ is RSS, /feed/atom/ Atom. Each item carries the summary, publication and
update dates, the authors and the topics as categories, in a fixed number of
queries (ArticlePage.objects.for_listing()). Links are absolute on the Wagtail
Site's root URL, as canonical URLs are.
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from . import seo
from .cache import PAGES_TAG, tag_request
from .models import ArticlePage
from .policies import articles_url

FEED_LENGTH = 20


class LatestArticlesFeed(Feed):
    """The newest live articles, newest first."""

    description = "The latest medically reviewed articles."

    def __init__(self, request):
        # Not Feed.get_object(): what it returns reaches title/link/items but not the
        # item_* methods, and item links need the request's Wagtail Site (see `view`).
        super().__init__()
        self.request = request

    @classmethod
    def view(cls):
        """The Django view: a fresh feed object for each request."""

        def feed_view(request, *args, **kwargs):
            # The newest pages: any publish may change it.
            tag_request(request, PAGES_TAG)
            return cls(request)(request, *args, **kwargs)

        return feed_view

    def title(self):
        return f"{seo.site_name(self.request)}: latest articles"

    def link(self):
        return seo.absolute_url(self.request, articles_url(self.request) or "/")

    def items(self):
        return list(ArticlePage.objects.live().public().for_listing()[:FEED_LENGTH])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return seo.absolute_url(self.request, item.get_url(self.request))

    def item_guid(self, item):
        return self.item_link(item)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return ", ".join(author.display_name for author in item.reader_authors()) or None

    def item_categories(self, item):
        return [topic.name for topic in item.reader_topics()]


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed
    subtitle = LatestArticlesFeed.description
