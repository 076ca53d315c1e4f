"""Site search: what readers can find, and keeping the index right after a publish.

Search uses Wagtail's database backend (``wagtail.search.backends.database``): on
PostgreSQL that is PostgreSQL full-text search, on SQLite its FTS5 tables. What is
indexed is declared on the models (``ArticlePage.search_fields``): title, summary,
the text of every body block (sections, symptom lists, food and comparison tables,
FAQs, key points, callouts, image alt text and captions, dosage tables), topic
names and tags. Only live, public articles and standard pages are searched.

Why the extra re-index: Wagtail's search index updates on ``post_save``, but when a
revision is published ClusterableModel saves the page row *before* it writes the
page's topics and tags (child relations are committed after ``super().save()``),
so a republished article whose topics or tags changed would stay indexed under
the old ones. Indexing again on ``page_published``, when everything is written,
fixes that (tests/test_search_reader.py checks it).
"""

from wagtail.models import Page
from wagtail.search import index
from wagtail.signals import page_published


def searchable_pages():
    """Live, public reader pages that search returns, as their specific types."""
    from blog.models import ArticlePage, StandardPage

    return Page.objects.live().public().type(ArticlePage, StandardPage).specific()


def search(query):
    """Search results for `query`, best match first; every word must match."""
    return searchable_pages().search(query, operator="and")


def reindex_published_page(sender, instance, **kwargs):
    # Reload: `instance` may be the in-memory object the revision was published from.
    page = Page.objects.filter(pk=instance.pk).specific().first()
    if page is not None:
        index.insert_or_update_object(page)


def connect_signals():
    """Called from BlogConfig.ready()."""
    page_published.connect(reindex_published_page, dispatch_uid="blog.search.reindex_published")
