"""The reader pages: home, blog index, topics, tags, profiles, navigation, errors, privacy."""

import pytest
from django.contrib.auth.models import Group
from django.template.loader import render_to_string
from wagtail.models import PageViewRestriction

from blog.models import ArticlePage, StandardPage
from blog.models.pages import ARTICLES_PER_PAGE
from health_content.models import AuthorProfile, ReviewerProfile
from tests.factories import make_user
from tests.reader_factories import Cast, draft_article, live_article, minimal_body


def html(response):
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_home_shows_featured_and_latest_articles_and_topics(client, blog_index, cast):
    featured = live_article(blog_index, cast, title="Featured on B12", featured=True)
    latest = live_article(blog_index, cast, title="Latest on iron")
    draft_article(blog_index, cast, title="Unreviewed draft")
    page = html(client.get("/"))
    assert featured.title in page and latest.title in page
    assert "Unreviewed draft" not in page
    assert page.index("Featured on B12") < page.index("Latest on iron")
    assert f'href="/topics/{cast.topic.slug}/"' in page
    assert 'href="/articles/">All articles' in page


@pytest.mark.django_db
def test_blog_index_paginates_newest_first(client, blog_index, cast):
    titles = [f"Article number {n}" for n in range(ARTICLES_PER_PAGE + 2)]
    for title in titles:
        live_article(blog_index, cast, title=title, body=minimal_body(cast))
    first = html(client.get("/articles/"))
    second = html(client.get("/articles/?page=2"))
    assert titles[-1] in first and titles[0] not in first
    assert titles[0] in second and titles[-1] not in second
    assert 'rel="next"' in first and 'href="?page=2"' in first
    assert 'rel="prev"' in second
    assert "Page 2 of 2" in second
    # Junk and out-of-range page numbers give the nearest page, not an error.
    assert titles[-1] in html(client.get("/articles/?page=junk"))
    assert titles[0] in html(client.get("/articles/?page=99"))


@pytest.mark.django_db
def test_topic_page_lists_only_its_live_articles(client, blog_index, cast):
    other_cast = Cast()
    on_topic = live_article(blog_index, cast, title="About B12")
    live_article(blog_index, other_cast, title="About something else")
    draft_article(blog_index, cast, title="Draft about B12")
    page = html(client.get(f"/topics/{cast.topic.slug}/"))
    assert on_topic.title in page
    assert "About something else" not in page and "Draft about B12" not in page
    assert f"<h1>{cast.topic.name}</h1>" in page


@pytest.mark.django_db
def test_topic_index_lists_topics_with_live_articles(client, blog_index, cast):
    live_article(blog_index, cast)
    empty = Cast().topic
    page = html(client.get("/topics/"))
    assert f'href="/topics/{cast.topic.slug}/"' in page
    assert "(1 article)" in page
    assert empty.name not in page


@pytest.mark.django_db
def test_tag_pages_have_clean_urls(client, blog_index, cast):
    tagged = live_article(blog_index, cast, title="Tagged article", tags=["Vegan diets"])
    live_article(blog_index, cast, title="Untagged article")
    page = html(client.get("/tags/vegan-diets/"))
    assert tagged.title in page and "Untagged article" not in page
    assert "Articles tagged “Vegan diets”" in page
    assert client.get("/tags/no-such-tag/").status_code == 404


@pytest.mark.django_db
def test_author_page_lists_their_live_articles(client, blog_index, cast):
    mine = live_article(blog_index, cast, title="Written by Ada")
    other_author = AuthorProfile.objects.create(display_name="Bo", slug="bo")
    live_article(blog_index, cast, title="Written by Bo", authors=[other_author])
    draft_article(blog_index, cast, title="Ada's draft")
    page = html(client.get(cast.author.get_absolute_url()))
    assert mine.title in page
    assert "Written by Bo" not in page and "Ada's draft" not in page
    assert f"<h1>{cast.author.display_name}</h1>" in page


@pytest.mark.django_db
def test_reviewer_page_lists_articles_whose_live_content_they_signed(client, blog_index, cast):
    signed = live_article(blog_index, cast, title="Signed by Rhea")
    other = Cast()
    live_article(blog_index, other, title="Signed by someone else")
    page = html(client.get(cast.reviewer.get_absolute_url()))
    assert signed.title in page and "Signed by someone else" not in page
    assert cast.reviewer.name_with_credentials in page
    assert "General Medical Council" in page
    # Unpublished content is no longer listed.
    signed.unpublish()
    assert "Signed by Rhea" not in html(client.get(cast.reviewer.get_absolute_url()))


@pytest.mark.django_db
def test_unknown_profiles_and_topics_are_404(client, site_tree):
    for url in ("/authors/nobody/", "/reviewers/nobody/", "/topics/nothing/"):
        assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_article_page_links_profiles_and_topics(client, blog_index, cast):
    article = live_article(blog_index, cast)
    page = html(client.get(article.url))
    assert f'href="{cast.author.get_absolute_url()}"' in page
    assert f'href="{cast.reviewer.get_absolute_url()}"' in page
    assert f'href="/topics/{cast.topic.slug}/"' in page


@pytest.mark.django_db
def test_navigation_skip_link_and_search_form_on_every_page(client, blog_index, cast):
    article = live_article(blog_index, cast)
    for url in ("/", "/articles/", article.url, "/topics/", "/search/?q=b12"):
        page = html(client.get(url))
        assert '<a class="skip-link" href="#main">Skip to main content</a>' in page
        assert '<main id="main" tabindex="-1"' in page
        assert '<nav class="site-nav" aria-label="Main">' in page
        for link in ('href="/articles/"', 'href="/topics/"', 'href="/search/"'):
            assert link in page, (url, link)
        assert 'action="/search/"' in page
        assert 'href="/static/css/blocks.css"' in page


@pytest.mark.django_db
def test_current_section_is_marked_in_navigation(client, blog_index):
    assert 'href="/topics/" aria-current="page"' in html(client.get("/topics/"))
    assert 'href="/search/" aria-current="page"' in html(client.get("/search/"))


@pytest.mark.django_db
def test_friendly_404(client, site_tree):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "<h1>Page not found</h1>" in page
    assert 'name="robots" content="noindex"' in page
    assert 'href="/articles/"' in page and 'action="/search/"' in page
    assert "skip-link" in page


@pytest.mark.django_db
def test_drafts_are_404_to_readers(client, blog_index, cast):
    draft = draft_article(blog_index, cast)
    assert client.get(f"/articles/{draft.slug}/").status_code == 404


def test_friendly_500_needs_no_context_or_database():
    # Django renders 500.html with an empty context, maybe with the database down.
    page = render_to_string("500.html")
    assert "<h1>Something went wrong</h1>" in page
    assert 'href="/"' in page and 'lang="en"' in page


@pytest.mark.django_db
def test_standard_page_renders(client, home):
    about = home.add_child(
        instance=StandardPage(title="About us", slug="about", intro="Who we are.", body="<p>Hi</p>")
    )
    about.save_revision().publish()
    page = html(client.get("/about/"))
    assert "<h1>About us</h1>" in page and "Who we are." in page


@pytest.mark.django_db
@pytest.mark.parametrize("restricted", ["blog_index", "article"])
def test_private_pages_stay_private(client, blog_index, cast, restricted):
    """Reader pages find view restrictions in one query (OneQueryViewRestrictionsMixin)."""
    article = live_article(blog_index, cast)
    target = blog_index if restricted == "blog_index" else article
    restriction = PageViewRestriction.objects.create(
        page=target, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Editors"))
    response = client.get(article.url)
    assert response.status_code == 302 and "/_util/login/" in response["Location"]
    # Signed in, but not in the group: still refused.
    client.force_login(make_user("outsider"))
    assert client.get(article.url).status_code == 302
    client.force_login(cast.editor)
    assert client.get(article.url).status_code == 200


@pytest.mark.django_db
def test_password_restriction_asks_for_the_password(client, blog_index, cast):
    article = live_article(blog_index, cast)
    PageViewRestriction.objects.create(
        page=blog_index, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    response = client.get(article.url)
    assert response.status_code == 200
    assert b'name="password"' in response.content
    assert article.summary.encode() not in response.content
    assert cast.reviewer.display_name.encode() not in response.content


@pytest.mark.django_db
def test_restrictions_match_wagtails_own_lookup(blog_index, cast):
    from wagtail.models import Page

    article = live_article(blog_index, cast)
    restriction = PageViewRestriction.objects.create(
        page=blog_index, restriction_type=PageViewRestriction.LOGIN
    )
    wagtails = set(Page.get_view_restrictions(article))
    ours = set(ArticlePage.objects.get(pk=article.pk).get_view_restrictions())
    assert ours == wagtails == {restriction}


@pytest.mark.django_db
def test_reviewer_profile_without_reviews_shows_empty_message(client, site_tree):
    reviewer = ReviewerProfile.objects.create(
        user=make_user("newreviewer"), display_name="Dr New", slug="dr-new", credentials="RD"
    )
    assert "No published reviews yet." in html(client.get(reviewer.get_absolute_url()))


@pytest.mark.django_db
def test_images_are_responsive_modern_and_lazy_below_the_fold(client, blog_index, cast):
    plain = live_article(blog_index, cast, title="First article")
    article = live_article(blog_index, cast, related=[plain])
    page = html(client.get(article.url))
    hero = page[page.index('<figure class="hero">') : page.index("</figure>")]
    assert 'type="image/avif"' in hero and 'type="image/webp"' in hero
    assert "480w" in hero and "1200w" in hero
    assert 'fetchpriority="high"' in hero and 'loading="lazy"' not in hero
    assert 'width="' in hero and 'height="' in hero
    assert 'alt="Clams on a plate"' in hero
    body_image = page[page.index('<figure class="block-image">') :]
    body_image = body_image[: body_image.index("</figure>")]
    assert 'loading="lazy"' in body_image and 'type="image/avif"' in body_image

    listing = html(client.get("/articles/"))
    cards = listing.split('<article class="card">')[1:]
    assert len(cards) == 2
    assert 'loading="lazy"' not in cards[0]  # likely above the fold
    assert 'loading="lazy"' in cards[1]
    for card in cards:
        assert 'type="image/avif"' in card and "400w" in card and 'width="' in card
        assert 'alt=""' in card  # the linked title names the card; the image is decoration
