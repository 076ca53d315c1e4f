"""Reader links follow the pages they point at: renaming the blog index's slug breaks nothing."""

import pytest

from tests.reader_factories import live_article, minimal_body

pytestmark = pytest.mark.django_db


@pytest.fixture
def renamed_index(blog_index):
    blog_index.slug = "library"
    blog_index.save_revision().publish()
    return blog_index


def test_navigation_feed_and_404_link_to_the_renamed_index(client, renamed_index, cast):
    article = live_article(renamed_index, cast, body=minimal_body(cast))
    assert article.url.startswith("/library/")
    for url in ("/", article.url, "/topics/", "/search/?q=b12"):
        html = client.get(url).content.decode()
        assert 'href="/library/"' in html, url
        assert 'href="/articles/"' not in html, url
    not_found = client.get("/no-such-page/")
    assert not_found.status_code == 404
    assert 'href="/library/"' in not_found.content.decode()
    assert "/library/</link>" in client.get("/feed/").content.decode()


def test_a_cached_page_follows_a_renamed_index(client, settings, tmp_path, blog_index, cast):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_GENERATION_DIR = str(tmp_path / "versions")
    article = live_article(blog_index, cast, body=minimal_body(cast))
    assert 'href="/articles/"' in client.get(article.url).content.decode()
    blog_index.slug = "library"
    blog_index.save_revision().publish()
    article.refresh_from_db()
    html = client.get(article.url).content.decode()
    assert 'href="/library/"' in html and 'href="/articles/"' not in html
