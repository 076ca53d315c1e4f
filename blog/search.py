"""Site search: what readers can find, ranked by relevance, in a bounded time.

What is indexed is declared on the models and kept up to date by Wagtail's search
index (``wagtail.search.backends.database``: PostgreSQL full-text search on
PostgreSQL, FTS5 on SQLite): title, summary, the text of every body block
(sections, symptom lists, food and comparison tables, FAQs, key points, callouts,
image alt text and captions, dosage tables), topic names and tags
(``ArticlePage.search_fields``). Only live, public articles and standard pages
are returned; every word of the query must match.

Why not simply ``Page.objects.search(query)``: the database backend ranks results
with a correlated subquery per candidate page (SQLite: the whole FTS match again
for every page; PostgreSQL: ``title || body`` concatenated per row, which no index
serves), so a common word over a few thousand articles takes 0.4 s to several
seconds. `RankedSearch` reads the same index tables Wagtail writes, matching and
ranking in one indexed query (PostgreSQL: the GIN indexes on title and body;
SQLite: one FTS5 MATCH ranked by bm25), then loads only the pages shown. Other
databases fall back to Wagtail's own search.

Why the extra re-index on publish: Wagtail's index updates on ``post_save``, but
when a revision is published ClusterableModel saves the page row *before* it
writes the page's topics and tags (child relations are committed after
``super().save()``), so a republished article whose topics or tags changed would
stay indexed under the old ones. Indexing again on ``page_published``, when
everything is written, fixes that (tests/test_search_reader.py checks it); the
re-index is a background task (blog.tasks.reindex_page), as Wagtail's own is.
"""

import functools
import re

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, IntegerField, Q
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite.utils import fts_table_exists
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from .models import ArticlePage, StandardPage
from .tasks import reindex_page

#: How much more a match in the title counts than one in the body.
TITLE_WEIGHT = 2.0
_WORDS = re.compile(r"\w+", re.UNICODE)


def searchable_types():
    return (ArticlePage, StandardPage)


def searchable_pages():
    """Live, public reader pages that search may return (plain Page rows).

    Articles count as live only as ArticlePage.objects.live() says: published
    through the medical review gate.
    """
    ungated = Page.objects.live().public().type(*searchable_types())
    return ungated.not_type(ArticlePage) | ungated.filter(pk__in=ArticlePage.objects.live())


def _searchable_ids():
    return searchable_pages().values("pk")


def _content_type_ids():
    return [ct.pk for ct in ContentType.objects.get_for_models(*searchable_types()).values()]


class RankedSearch:
    """Results for `query`, best first, countable and sliceable, for Django's Paginator.

    The first access runs one query for the ids of every match in rank order (ids
    only: a few kilobytes even when thousands match; ranking has to look at every
    match anyway), so counting costs nothing more; a slice then loads just its
    pages, as their specific types.
    """

    def __init__(self, query):
        self.query = query
        self.words = _WORDS.findall(query)
        self._ids = None

    @property
    def ids(self):
        if self._ids is None:
            self._ids = self._ranked_ids() if self.words else []
        return self._ids

    def count(self):
        return len(self.ids)

    def __len__(self):
        return self.count()

    def __iter__(self):
        return iter(self[0 : len(self)])

    def __getitem__(self, key):
        if isinstance(key, int):
            return self[key : key + 1][0]
        ids = self.ids[key]
        # Results show titles and summaries: leave the (large) article bodies unread.
        pages = Page.objects.filter(pk__in=ids).defer_streamfields().specific().in_bulk()
        return [pages[pk] for pk in ids if pk in pages]

    def _ranked_ids(self):
        raise NotImplementedError


class PostgresRankedSearch(RankedSearch):
    """GIN-indexed ``@@`` on title and body, ordered by ``ts_rank`` (PostgreSQL)."""

    def _ranked_ids(self):
        # No text search config, as Wagtail's backend indexes with the database default.
        search_query = SearchQuery(" ".join(self.words), search_type="plain")
        entries = (
            IndexEntry.objects.filter(content_type_id__in=_content_type_ids())
            .filter(Q(title=search_query) | Q(body=search_query))
            # object_id is text (the index serves models with any kind of key); every
            # indexed model here has an integer key, and the integer joins pages cheaply.
            .annotate(page_id=Cast("object_id", IntegerField()))
            .filter(page_id__in=_searchable_ids())
            .annotate(
                rank=SearchRank(F("title"), search_query) * TITLE_WEIGHT
                + SearchRank(F("body"), search_query)
            )
            .order_by("-rank", "page_id")
        )
        return list(entries.values_list("page_id", flat=True))


class SQLiteRankedSearch(RankedSearch):
    """One FTS5 ``MATCH`` over title and body, ordered by ``bm25`` (SQLite)."""

    def _ranked_ids(self):
        # Defined by Wagtail only on SQLite builds with FTS5 (see _sqlite_fts_available).
        from wagtail.search.models import SQLiteFTSIndexEntry

        fts, entries = SQLiteFTSIndexEntry._meta.db_table, IndexEntry._meta.db_table
        ids_sql, ids_params = _searchable_ids().query.sql_with_params()
        type_ids = _content_type_ids()
        # Every word quoted (FTS5 syntax in a query cannot do anything), all required.
        quoted = " AND ".join('"' + word.replace('"', '""') + '"' for word in self.words)
        match = f"{{title body}} : ({quoted})"
        # bm25 weights follow the FTS columns (autocomplete, body, title); lower is better.
        # Only table names and Django-built SQL are formatted in; input goes in params.
        sql = (
            f"SELECT CAST(entry.object_id AS INTEGER) AS page_id,"  # noqa: S608
            f' bm25("{fts}", 0.0, 1.0, {TITLE_WEIGHT}) AS score'
            f' FROM "{fts}" JOIN "{entries}" AS entry ON "{fts}".rowid = entry.id'
            f' WHERE "{fts}" MATCH %s'
            f" AND entry.content_type_id IN ({', '.join(['%s'] * len(type_ids))})"
            f" AND CAST(entry.object_id AS INTEGER) IN ({ids_sql})"
            " ORDER BY score, page_id"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [match, *type_ids, *ids_params])
            return [row[0] for row in cursor.fetchall()]


@functools.cache
def _sqlite_fts_available():
    """Whether Wagtail's SQLite backend has its FTS5 table (checked once per process)."""
    try:
        from wagtail.search.models import SQLiteFTSIndexEntry  # noqa: F401
    except ImportError:
        return False
    return fts_table_exists()


def search(query):
    """Results for `query` (every word must match), best first; supports count() and slices."""
    backend = settings.WAGTAILSEARCH_BACKENDS.get("default", {}).get("BACKEND", "")
    if backend == "wagtail.search.backends.database":
        if connection.vendor == "postgresql":
            return PostgresRankedSearch(query)
        if connection.vendor == "sqlite" and _sqlite_fts_available():
            return SQLiteRankedSearch(query)
    return searchable_pages().specific().search(query, operator="and")


def reindex_published_page(sender, instance, **kwargs):
    """Queue a re-index of a page just published or unpublished (blog.tasks.reindex_page)."""
    reindex_page.enqueue(instance.pk)
