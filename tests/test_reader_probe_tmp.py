import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from blog.models import ArticlePage, StandardPage
from tests.reader_factories import Cast, live_article, draft_article, SEARCH_WORDS

@pytest.mark.django_db
def test_probe(client, blog_index, home):
    cast = Cast()
    a = live_article(blog_index, cast)
    d = draft_article(blog_index, cast, title="Draft spirulina")
    for w in list(SEARCH_WORDS.values()) + [cast.topic.name.split()[0], "what to know", "Vitamin"]:
        qs = Page.objects.live().public().type(ArticlePage, StandardPage).specific().search(w, operator="and")
        with CaptureQueriesContext(connection) as c:
            res = list(qs[:10])
            n = qs.count()
        print(w, [ (type(r).__name__, r.title) for r in res], n, len(c))
    qs = ArticlePage.objects.live().public().search(cast.topic.name)
    print(list(qs))
