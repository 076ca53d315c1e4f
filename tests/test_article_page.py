"""The article as readers get it: blocks, semantics, references, disclaimer last, query cost."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from blog.models import ArticleReference
from tests.factories import (
    default_disclaimer,
    make_article,
    make_editor,
    make_reviewer,
    make_writer,
    publish_through_review,
)
from tests.fixtures_blocks import XSS, valid_values

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsroom(db):
    return {"writer": make_writer(), "editor": make_editor(), "reviewer": make_reviewer()}


def new_image(title):
    return get_image_model().objects.create(title=title, file=get_test_image_file())


def publish(blog_index, newsroom, title, body, references=None, **fields):
    if references is not None:
        fields["references"] = [
            ArticleReference(sort_order=index, **reference)
            for index, reference in enumerate(references)
        ]
    page = make_article(blog_index, title=title, body=body, owner=newsroom["writer"], **fields)
    return publish_through_review(
        page, newsroom["writer"], newsroom["editor"], newsroom["reviewer"]
    )


def every_block_body(b12, related, copies=1, text="Plain text"):
    """Each block type `copies` times (sections get distinct headings), disclaimer once, last."""
    body = []
    for copy in range(copies):
        values = valid_values(
            nutrient=b12,
            disclaimer=default_disclaimer(),
            image=new_image(f"Image {copy}"),
            articles=related,
            text=text,
        )
        values["section"]["heading"] = f"Section {copy + 1}"
        values["dosage"]["rows"][0]["unit"] = "mcg"  # a 20-character field
        body += [(name, value) for name, value in values.items() if name != "disclaimer"]
    disclaimer = valid_values(nutrient=b12, disclaimer=default_disclaimer(), image=None)
    body.append(("disclaimer", disclaimer["disclaimer"]))
    return body


def reference(number):
    return {
        "authors": "Allen LH",
        "title": f"Vitamin B12 study {number}",
        "publication": "Am J Clin Nutr",
        "year": 2009,
        "doi": f"10.3945/ajcn.2008.{26947 + number}",
        "pmid": str(19116323 + number),
        "url": "https://ods.od.nih.gov/factsheets/VitaminB12-HealthProfessional/",
    }


@pytest.fixture
def related(blog_index, newsroom):
    return [publish(blog_index, newsroom, "Folate basics", None)]


def test_article_renders_every_block_with_its_semantics(client, blog_index, newsroom, b12, related):
    page = publish(
        blog_index,
        newsroom,
        "Vitamin B12 deficiency",
        every_block_body(b12, related),
        references=[reference(1), reference(2)],
    )
    html = client.get(page.url).content.decode()

    assert "<caption" in html and 'scope="col"' in html and 'scope="row"' in html
    assert "<details" in html and "<summary" in html
    assert "708%" in html or ">708<" in html  # 17 mcg clams / 2.4 mcg DV, from the unrounded amount
    assert "The DV for vitamin B12 is 2.4 mcg" in html
    # Table of contents links to the section anchors.
    assert 'href="#section-1"' in html and 'id="section-1"' in html
    assert 'href="#references"' in html
    # References are numbered, with DOI and PubMed links.
    assert html.count('<li id="ref-') == 2
    assert 'href="https://doi.org/10.3945/ajcn.2008.26948"' in html
    assert 'href="https://pubmed.ncbi.nlm.nih.gov/19116324/"' in html
    # Byline: written by, medically reviewed by, review dates, reading time.
    assert "Written by" in html
    assert "Medically reviewed by" in html and "Dr Reviewer, MD" in html
    assert 'href="/reviewers/reviewer/"' in html
    assert "Next review due" in html
    assert re.search(r"\d+ min read", html)
    # The disclaimer comes last in the article.
    article = html[html.index("<article") : html.rindex("</article>")]
    assert article.rstrip().endswith("</aside>")
    assert article.rindex('class="disclaimer') > article.index('id="references"')


def test_reading_time_grows_with_text(blog_index, newsroom):
    short = make_article(blog_index, title="Short")
    words = " ".join(["word"] * 1000)
    long = make_article(
        blog_index,
        title="Long",
        body=[
            ("section", {"heading": "Long", "anchor": "", "body": f"<p>{words}</p>"}),
            ("disclaimer", {"disclaimer": default_disclaimer()}),
        ],
    )
    assert short.reading_time_minutes == 1
    assert long.reading_time_minutes == 6  # 1,000+ words at 200 a minute


def test_duplicate_section_headings_get_unique_anchors(blog_index):
    body = [
        ("section", {"heading": "Symptoms", "anchor": "", "body": "<p>a</p>"}),
        ("section", {"heading": "Symptoms", "anchor": "", "body": "<p>b</p>"}),
        ("disclaimer", {"disclaimer": default_disclaimer()}),
    ]
    page = make_article(blog_index, body=body)
    anchors = [anchor for anchor, _ in page.table_of_contents]
    assert anchors == ["symptoms", "symptoms-2"]


def render_queries(client, url):
    client.get(url)  # warm Wagtail's per-process caches (site root paths, renditions)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_article_query_count_is_constant_when_content_doubles(
    client, settings, blog_index, newsroom, b12, related
):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    related.append(publish(blog_index, newsroom, "Iron basics", None))
    single = publish(
        blog_index,
        newsroom,
        "Single",
        every_block_body(b12, related[:1]),
        references=[reference(1)],
    )
    double = publish(
        blog_index,
        newsroom,
        "Double",
        every_block_body(b12, related, copies=2),
        references=[reference(1), reference(2)],
    )
    assert render_queries(client, single.url) == render_queries(client, double.url)


def test_user_text_in_article_fields_renders_inert(client, blog_index, newsroom, b12, related):
    page = publish(
        blog_index,
        newsroom,
        f"Title {XSS}",
        every_block_body(b12, related, text=XSS),
        references=[{**reference(1), "authors": XSS, "title": XSS, "publication": XSS}],
        summary=f"Summary {XSS}",
    )
    html = client.get(page.url).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "onerror=alert(1)>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_reference_url_that_is_not_a_web_address_is_not_linked_and_cannot_go_live(
    blog_index, newsroom
):
    from health_content.publish_gate import PublishRefused

    with pytest.raises(PublishRefused, match="Reference 1: Enter a full web address"):
        publish(
            blog_index,
            newsroom,
            "Bad link",
            None,
            references=[{"title": "Sneaky", "url": "javascript:alert(1)", "publication": "X"}],
        )
    reference_ = ArticleReference.objects.get(title="Sneaky")
    assert reference_.link_url == ""
    assert not reference_.page.live
