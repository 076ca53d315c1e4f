"""Metadata for search engines and social networks, feeds, sitemap and robots.txt."""

import datetime
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from blog.seo import dumps_for_script
from tests.reader_factories import (
    SEARCH_WORDS,
    Cast,
    draft_article,
    edit_and_republish,
    live_article,
    minimal_body,
)

ROOT = "http://localhost"  # the default Wagtail Site made by ensure_site_tree
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def meta(page, attribute, name):
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', page)
    return match.group(1) if match else None


def json_ld(page):
    documents = [json.loads(text) for text in JSON_LD.findall(page)]
    return {document["@type"]: document for document in documents}


def parse_xml(content):
    return ET.fromstring(content)  # noqa: S314 - our own server's response, not untrusted input


def title_of(page):
    return re.search(r"<title>(.*?)</title>", page, re.DOTALL).group(1).strip()


# <head> metadata ---------------------------------------------------------------------


@pytest.mark.django_db
def test_article_title_description_and_canonical(client, blog_index, cast):
    article = live_article(blog_index, cast, title="Low B12", summary="Signs of low B12.")
    page = get(client, article.url)
    assert title_of(page) == "Low B12 | Health blog"
    assert meta(page, "name", "description") == "Signs of low B12."
    assert f'<link rel="canonical" href="{ROOT}/articles/{article.slug}/">' in page


@pytest.mark.django_db
def test_seo_title_and_search_description_take_precedence(client, blog_index, cast):
    article = live_article(
        blog_index,
        cast,
        seo_title="Vitamin B12 deficiency: symptoms and causes",
        search_description="The signs of low vitamin B12, checked by a haematologist.",
    )
    page = get(client, article.url)
    assert title_of(page) == "Vitamin B12 deficiency: symptoms and causes"
    assert meta(page, "name", "description").startswith("The signs of low vitamin B12")
    assert meta(page, "property", "og:title") == article.title


@pytest.mark.django_db
def test_open_graph_and_twitter_card_use_a_hero_rendition(client, blog_index, cast):
    article = live_article(blog_index, cast)
    page = get(client, article.url)
    assert meta(page, "property", "og:type") == "article"
    assert meta(page, "property", "og:url") == f"{ROOT}{article.url}"
    image = meta(page, "property", "og:image")
    assert image.startswith(f"{ROOT}/media/images/") and "fill-1200x630" in image
    assert image.endswith(".jpg")
    assert meta(page, "property", "og:image:width") == "1200"
    assert meta(page, "property", "og:image:height") == "630"
    assert meta(page, "property", "og:image:alt") == article.hero_image_alt
    assert meta(page, "name", "twitter:card") == "summary_large_image"
    assert meta(page, "name", "twitter:image") == image
    assert meta(page, "property", "article:published_time")


@pytest.mark.django_db
def test_article_without_image_gets_a_summary_card(client, blog_index, cast):
    article = live_article(blog_index, cast, hero_image=None)
    page = get(client, article.url)
    assert meta(page, "name", "twitter:card") == "summary"
    assert meta(page, "property", "og:image") is None


@pytest.mark.django_db
def test_listing_pages_have_canonical_urls_per_page(client, blog_index, cast):
    for n in range(13):
        live_article(blog_index, cast, title=f"Note {n}", body=minimal_body(cast))
    assert f'<link rel="canonical" href="{ROOT}/articles/">' in get(client, "/articles/")
    second = get(client, "/articles/?page=2")
    assert f'<link rel="canonical" href="{ROOT}/articles/?page=2">' in second
    topic_page = get(client, f"/topics/{cast.topic.slug}/")
    assert f'<link rel="canonical" href="{ROOT}/topics/{cast.topic.slug}/">' in topic_page
    assert title_of(topic_page) == f"{cast.topic.name} | Health blog"


@pytest.mark.django_db
def test_search_results_are_not_indexed(client, site_tree):
    page = get(client, "/search/?q=b12")
    assert meta(page, "name", "robots") == "noindex, follow"


# JSON-LD -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_medical_web_page_json_ld(client, blog_index, cast):
    article = live_article(blog_index, cast, title="Low B12", summary="Signs of low B12.")
    document = json_ld(get(client, article.url))["MedicalWebPage"]
    url = f"{ROOT}{article.url}"
    assert document["@context"] == "https://schema.org"
    assert document["url"] == url and document["name"] == "Low B12"
    assert document["description"] == "Signs of low B12."
    assert document["about"] == [
        {"@type": "Substance", "name": cast.topic.name, "url": f"{ROOT}/topics/{cast.topic.slug}/"}
    ]
    assert document["author"] == [
        {
            "@type": "Person",
            "name": cast.author.display_name,
            "url": f"{ROOT}{cast.author.get_absolute_url()}",
            "jobTitle": "Health writer",
        }
    ]
    assert document["reviewedBy"] == {
        "@type": "Person",
        "name": cast.reviewer.display_name,
        "honorificSuffix": "MD",
        "url": f"{ROOT}{cast.reviewer.get_absolute_url()}",
        "jobTitle": "Haematology",
    }
    assert document["lastReviewed"] == timezone.localdate().isoformat()
    published = datetime.datetime.fromisoformat(document["datePublished"])
    assert published == article.first_published_at
    assert datetime.datetime.fromisoformat(document["dateModified"]) == article.last_published_at
    assert document["medicalAudience"] == {"@type": "MedicalAudience", "audienceType": "Patient"}
    assert document["image"].endswith(".jpg")
    [citation] = document["citation"]
    assert citation["@type"] == "ScholarlyArticle"
    assert citation["name"] == "Vitamin B12 deficiency in adults"
    assert citation["author"] == [
        {"@type": "Person", "name": "Smith J"},
        {"@type": "Person", "name": "Lee K"},
    ]
    assert citation["isPartOf"] == {"@type": "Periodical", "name": "BMJ"}
    assert citation["datePublished"] == "2020"
    assert {"@type": "PropertyValue", "propertyID": "DOI", "value": "10.1136/bmj.m1234"} in (
        citation["identifier"]
    )
    assert {"@type": "PropertyValue", "propertyID": "PMID", "value": "32345678"} in (
        citation["identifier"]
    )
    assert citation["url"] == "https://example.org/b12"
    assert "https://doi.org/10.1136/bmj.m1234" in citation["sameAs"]


@pytest.mark.django_db
def test_reviewed_by_is_the_reviewer_of_the_live_content(client, blog_index, cast):
    article = live_article(blog_index, cast)
    second = Cast()
    # The same article re-reviewed by another reviewer: the newer sign-off counts.
    second.writer, second.editor = cast.writer, cast.editor
    edit_and_republish(article, second, summary="Updated summary.")
    document = json_ld(get(client, article.url))["MedicalWebPage"]
    assert document["reviewedBy"]["name"] == second.reviewer.display_name


@pytest.mark.django_db
def test_clinician_audience(client, blog_index, cast):
    article = live_article(blog_index, cast, medical_audience="clinician")
    document = json_ld(get(client, article.url))["MedicalWebPage"]
    assert document["medicalAudience"]["audienceType"] == "Clinician"


@pytest.mark.django_db
def test_faq_page_json_ld_from_faq_blocks(client, blog_index, cast):
    article = live_article(blog_index, cast)
    faq = json_ld(get(client, article.url))["FAQPage"]
    questions = [(item["name"], item["acceptedAnswer"]["text"]) for item in faq["mainEntity"]]
    assert questions == [
        (
            f"Is {SEARCH_WORDS['faq']} better than other forms?",
            "Both forms work for most people.",
        ),
        ("Can vegans get enough B12?", "Yes, from fortified foods or supplements."),
    ]
    assert all(item["@type"] == "Question" for item in faq["mainEntity"])


@pytest.mark.django_db
def test_no_faq_page_without_faq_blocks(client, blog_index, cast):
    article = live_article(blog_index, cast, body=minimal_body(cast))
    assert "FAQPage" not in json_ld(get(client, article.url))


@pytest.mark.django_db
def test_breadcrumbs_visible_and_in_json_ld(client, blog_index, cast):
    article = live_article(blog_index, cast, title="Low B12")
    page = get(client, article.url)
    crumbs = json_ld(page)["BreadcrumbList"]["itemListElement"]
    assert [(c["position"], c["name"], c["item"]) for c in crumbs] == [
        (1, "Home", f"{ROOT}/"),
        (2, "Articles", f"{ROOT}/articles/"),
        (3, "Low B12", f"{ROOT}{article.url}"),
    ]
    assert '<nav class="breadcrumbs container" aria-label="Breadcrumb">' in page
    assert f'<a href="{article.url}" aria-current="page">Low B12</a>' in page


@pytest.mark.django_db
def test_home_page_describes_the_website_and_its_search(client, site_tree):
    website = json_ld(get(client, "/"))["WebSite"]
    assert website["url"] == f"{ROOT}/"
    target = website["potentialAction"]["target"]["urlTemplate"]
    assert target == f"{ROOT}/search/?q={{search_term_string}}"


@pytest.mark.django_db
def test_a_title_cannot_break_out_of_the_json_ld_script(client, blog_index, cast):
    hostile = 'B12 </script><script>alert("x")</script> <!-- & more'
    article = live_article(blog_index, cast, title=hostile, summary="</SCRIPT> in summary")
    page = get(client, article.url)
    assert "<script>alert" not in page
    assert page.count("</script>") == len(JSON_LD.findall(page))
    documents = json_ld(page)
    assert documents["MedicalWebPage"]["name"] == hostile
    assert documents["MedicalWebPage"]["description"] == "</SCRIPT> in summary"
    assert documents["BreadcrumbList"]["itemListElement"][-1]["name"] == hostile


def test_script_serializer_escapes_markup_characters():
    text = dumps_for_script({"a": "</script><!--&\u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "</script><!--&\u2028"}


# Feeds, sitemap, robots.txt -------------------------------------------------------------


@pytest.mark.django_db
def test_rss_feed_lists_latest_live_articles(client, blog_index, cast):
    older = live_article(blog_index, cast, title="Older article")
    newer = live_article(blog_index, cast, title="Newer article")
    draft_article(blog_index, cast, title="Draft article")
    response = client.get("/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = parse_xml(response.content).find("channel")
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Newer article", "Older article"]
    assert items[0].findtext("link") == f"{ROOT}{newer.url}"
    assert items[0].findtext("description") == newer.summary
    assert items[0].findtext("pubDate")
    assert [c.text for c in items[0].findall("category")] == [cast.topic.name]
    assert older.title in response.content.decode()


@pytest.mark.django_db
def test_atom_feed(client, blog_index, cast):
    article = live_article(blog_index, cast)
    response = client.get("/feed/atom/")
    assert response.status_code == 200
    atom = "{http://www.w3.org/2005/Atom}"
    entry = parse_xml(response.content).find(f"{atom}entry")
    assert entry.findtext(f"{atom}title") == article.title
    assert entry.find(f"{atom}link").get("href") == f"{ROOT}{article.url}"
    assert entry.findtext(f"{atom}updated")
    assert entry.find(f"{atom}author").findtext(f"{atom}name") == cast.author.display_name


@pytest.mark.django_db
def test_feeds_are_advertised_in_the_head(client, site_tree):
    page = get(client, "/")
    assert 'type="application/rss+xml"' in page and 'href="/feed/"' in page


@pytest.mark.django_db
def test_sitemap_lists_live_pages_and_listings_with_lastmod(client, blog_index, cast):
    article = live_article(blog_index, cast, tags=["Vegan diets"])
    draft = draft_article(blog_index, cast, title="Draft")
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    entries = {
        url.findtext("s:loc", namespaces=ns): url.findtext("s:lastmod", namespaces=ns)
        for url in parse_xml(response.content).findall("s:url", ns)
    }
    expected = [
        f"{ROOT}/",
        f"{ROOT}/articles/",
        f"{ROOT}{article.url}",
        f"{ROOT}/topics/{cast.topic.slug}/",
        f"{ROOT}/tags/vegan-diets/",
        f"{ROOT}{cast.author.get_absolute_url()}",
        f"{ROOT}{cast.reviewer.get_absolute_url()}",
    ]
    for location in expected:
        assert location in entries, location
    assert f"{ROOT}/articles/{draft.slug}/" not in entries
    published = article.last_published_at.date().isoformat()
    assert entries[f"{ROOT}{article.url}"] == published
    assert entries[f"{ROOT}/topics/{cast.topic.slug}/"] == published
    # A topic without live articles is left out.
    empty_topic = Cast().topic
    assert f"/topics/{empty_topic.slug}/" not in client.get("/sitemap.xml").content.decode()


@pytest.mark.django_db
def test_robots_txt(client, site_tree):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /search/" in lines
    assert f"Sitemap: {ROOT}/sitemap.xml" in lines
