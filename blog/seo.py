"""Search-engine and social metadata for reader pages, built in Python as plain dicts.

Every reader page puts a `PageSeo` in its context as ``seo``; templates/base.html
renders it: <title>, meta description, canonical URL, Open Graph and Twitter card
tags, and the JSON-LD documents (emitted by ``{% json_ld %}`` from
blog/templatetags/reader_tags.py, which escapes ``<``, ``>`` and ``&`` so no text
from an article can close the <script> element).

Articles get a schema.org ``MedicalWebPage`` (who wrote it, who medically reviewed
it and when, what it is about, its citations and audience), an ``FAQPage`` when
the body has FAQ blocks, and a ``BreadcrumbList``; the home page describes the
``WebSite`` with its search action.

URLs are absolute and built from the Wagtail Site's root URL (the hostname and
port set in Settings > Sites), not from the request's Host header, so canonical
URLs are stable whatever name a request used.
"""

import json
from dataclasses import dataclass, field
from html import unescape

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.models import Site

SCHEMA = "https://schema.org"
#: Rendition for og:image / twitter:image and JSON-LD image: the 1.91:1 crop
#: social networks expect, as JPEG because not every crawler reads WebP/AVIF.
SOCIAL_IMAGE_SPEC = "fill-1200x630|format-jpeg"
DESCRIPTION_LENGTH = 160

#: Topic.kind -> schema.org type of the thing the article is about.
TOPIC_TYPES = {"condition": "MedicalCondition", "nutrient": "Substance", "general": "Thing"}
#: ArticlePage.medical_audience -> schema.org MedicalAudienceType.
AUDIENCE_TYPES = {"patient": "Patient", "clinician": "Clinician"}

# JSON is valid JavaScript inside <script>, except that the HTML parser ends the
# element at "</script" and treats "<!--" specially; the JSON escapes below keep
# the same data while making those sequences impossible.
_SCRIPT_ESCAPES = {
    ord("<"): "\\u003C",
    ord(">"): "\\u003E",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def dumps_for_script(data):
    """JSON text of `data`, safe to place inside a <script> element."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    return text.translate(_SCRIPT_ESCAPES)


# URLs ------------------------------------------------------------------------------


def current_site(request):
    site = Site.find_for_request(request) if request is not None else None
    return site or Site.objects.select_related("root_page").filter(is_default_site=True).first()


def site_name(request):
    site = current_site(request)
    return (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME


def absolute_url(request, path):
    """`path` made absolute on the Site's root URL; absolute URLs are returned unchanged."""
    if not path or "://" in path:
        return path
    site = current_site(request)
    root = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    return root + path


def text_from_html(html):
    """The text of rich text (tags stripped, entities decoded), for descriptions."""
    return unescape(strip_tags(html or ""))


def describe(text, length=DESCRIPTION_LENGTH):
    """Plain `text` with whitespace collapsed, cut at a word to `length` characters.

    `text` is text, not HTML: a summary that mentions "<script>" keeps it (it is
    escaped where it is output). Pass rich text through `text_from_html` first.
    """
    plain = " ".join((text or "").split())
    return Truncator(plain).chars(length)


# The page's metadata ---------------------------------------------------------------


@dataclass
class PageSeo:
    """What base.html renders in <head> for one page."""

    title: str
    description: str
    canonical: str
    og_title: str
    og_type: str = "website"
    image: dict | None = None  # {"url", "width", "height", "alt"}
    json_ld: list = field(default_factory=list)
    noindex: bool = False
    breadcrumbs: list = field(default_factory=list)  # [(name, relative url)], last = current

    @property
    def social_tags(self):
        """``[(attribute, name, content)]`` of the Open Graph and Twitter card <meta> tags.

        Open Graph names its tags with ``property``, Twitter with ``name``; both
        describe the page with the same title, description and image.
        """
        tags = [
            ("property", "og:site_name", "Health blog"),
            ("property", "og:type", self.og_type),
            ("property", "og:title", self.og_title),
            ("property", "og:description", self.description),
            ("property", "og:url", self.canonical),
            ("property", "og:locale", "en_US"),
        ]
        if self.image:
            tags += [
                ("property", "og:image", self.image["url"]),
                ("property", "og:image:width", self.image["width"]),
                ("property", "og:image:height", self.image["height"]),
                ("property", "og:image:alt", self.image["alt"]),
            ]
        tags += [
            ("name", "twitter:card", "summary_large_image" if self.image else "summary"),
            ("name", "twitter:title", self.og_title),
            ("name", "twitter:description", self.description),
        ]
        if self.image:
            tags += [
                ("name", "twitter:image", self.image["url"]),
                ("name", "twitter:image:alt", self.image["alt"]),
            ]
        return tags


def page_title(title, request, *, with_site_name=True):
    name = site_name(request)
    if not with_site_name or not title or title == name:
        return title or name
    return f"{title} | {name}"


def social_image(image, alt, request):
    """og:image data for a Wagtail image (its SOCIAL_IMAGE_SPEC rendition), or None."""
    if image is None:
        return None
    rendition = image.get_rendition(SOCIAL_IMAGE_SPEC)
    return {
        "url": absolute_url(request, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": alt,
    }


def canonical_with_page_number(request, path, page_number):
    """The canonical URL of a paginated listing: page 1 has no ?page, others keep theirs."""
    url = absolute_url(request, path)
    return url if page_number in (None, 1) else f"{url}?page={page_number}"


def build(
    request,
    *,
    title,
    description,
    path,
    breadcrumbs,
    seo_title="",
    og_type="website",
    image=None,
    json_ld=(),
    noindex=False,
    canonical=None,
):
    """A PageSeo with the breadcrumb JSON-LD added (when there is more than the home crumb)."""
    documents = list(json_ld)
    if len(breadcrumbs) > 1:
        documents.append(breadcrumb_list(request, breadcrumbs))
    return PageSeo(
        title=page_title(seo_title or title, request, with_site_name=not seo_title),
        description=describe(description),
        canonical=canonical or absolute_url(request, path),
        og_title=title,
        og_type=og_type,
        image=image,
        json_ld=documents,
        noindex=noindex,
        breadcrumbs=breadcrumbs,
    )


def page_breadcrumbs(page, request):
    """[(title, url)] from the site's home page down to `page`.

    Uses the parents Wagtail's routing cached on the page (no query on a normal
    page view); otherwise one query for the ancestors.
    """
    site = current_site(request)
    root_depth = site.root_page.depth if site else 2
    chain, current = [page], page
    while current.depth > root_depth and hasattr(current, "_cached_parent_obj"):
        current = current._cached_parent_obj
        chain.append(current)
    if current.depth > root_depth:
        ancestors = list(current.get_ancestors().filter(depth__gte=root_depth))
        chain.extend(reversed(ancestors))
    chain.reverse()
    crumbs = []
    for crumb_page in chain:
        name = "Home" if crumb_page.depth == root_depth else crumb_page.title
        crumbs.append((name, crumb_page.get_url(request)))
    return crumbs


# JSON-LD documents -----------------------------------------------------------------


def breadcrumb_list(request, breadcrumbs):
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": absolute_url(request, url),
            }
            for position, (name, url) in enumerate(breadcrumbs, start=1)
        ],
    }


def website(request):
    """The WebSite document for the home page, with the site search as its SearchAction."""
    root = absolute_url(request, "/")
    return {
        "@context": SCHEMA,
        "@type": "WebSite",
        "name": site_name(request),
        "url": root,
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": absolute_url(request, reverse("blog:search"))
                + "?q={search_term_string}",
            },
            "query-input": "required name=search_term_string",
        },
    }


def organisation(request):
    return {"@type": "Organization", "name": site_name(request), "url": absolute_url(request, "/")}


def author_person(profile, request):
    person = {
        "@type": "Person",
        "name": profile.display_name,
        "url": absolute_url(request, profile.get_absolute_url()),
    }
    if getattr(profile, "job_title", ""):
        person["jobTitle"] = profile.job_title
    return person


def reviewer_person(sign_off, request):
    """The reviewer as signed: name and credentials from the sign-off record, URL of the profile."""
    person = {
        "@type": "Person",
        "name": sign_off.reviewer_name,
        "honorificSuffix": sign_off.reviewer_credentials,
        "url": absolute_url(request, sign_off.reviewer.get_absolute_url()),
    }
    if sign_off.reviewer.specialty:
        person["jobTitle"] = sign_off.reviewer.specialty
    return person


def topic_thing(topic, request):
    return {
        "@type": TOPIC_TYPES.get(topic.kind, "Thing"),
        "name": topic.name,
        "url": absolute_url(request, reverse("blog:topic", args=[topic.slug])),
    }


def _reference_authors(authors):
    names = [name.strip() for name in (authors or "").split(",")]
    return [
        {"@type": "Person", "name": name}
        for name in names
        if name and name.lower().rstrip(".") != "et al"
    ]


def citation(reference):
    """A reference as a ScholarlyArticle (when it has a DOI or PMID) or a CreativeWork."""
    scholarly = bool(reference.doi or reference.pmid)
    item = {"@type": "ScholarlyArticle" if scholarly else "CreativeWork", "name": reference.title}
    authors = _reference_authors(reference.authors)
    if authors:
        item["author"] = authors
    if reference.publication:
        if scholarly:
            item["isPartOf"] = {"@type": "Periodical", "name": reference.publication}
        else:
            item["publisher"] = {"@type": "Organization", "name": reference.publication}
    if reference.year:
        item["datePublished"] = str(reference.year)
    identifiers = [
        {"@type": "PropertyValue", "propertyID": property_id, "value": value}
        for property_id, value in (("DOI", reference.doi), ("PMID", reference.pmid))
        if value
    ]
    if identifiers:
        item["identifier"] = identifiers
    urls = [url for url in (reference.link_url, reference.doi_url, reference.pubmed_url) if url]
    if urls:
        item["url"] = urls[0]
        if urls[1:]:
            item["sameAs"] = urls[1:]
    return item


def medical_web_page(page, request, *, authors, topics, references, review, image=None):
    """The article's MedicalWebPage document."""
    url = absolute_url(request, page.get_url(request))
    document = {
        "@context": SCHEMA,
        "@type": "MedicalWebPage",
        "@id": f"{url}#article",
        "url": url,
        "name": page.title,
        "headline": page.title,
        "description": describe(page.search_description or page.summary, 500),
        "inLanguage": settings.LANGUAGE_CODE,
        "isPartOf": {
            "@type": "WebSite",
            "name": site_name(request),
            "url": absolute_url(request, "/"),
        },
        "publisher": organisation(request),
        "medicalAudience": {
            "@type": "MedicalAudience",
            "audienceType": AUDIENCE_TYPES.get(page.medical_audience, "Patient"),
        },
    }
    if topics:
        document["about"] = [topic_thing(topic, request) for topic in topics]
    if authors:
        document["author"] = [author_person(author, request) for author in authors]
    if review is not None and review.sign_off is not None:
        document["reviewedBy"] = reviewer_person(review.sign_off, request)
        document["lastReviewed"] = review.last_reviewed.isoformat()
    if page.first_published_at:
        document["datePublished"] = page.first_published_at.isoformat()
    if page.last_published_at:
        document["dateModified"] = page.last_published_at.isoformat()
    if page.sponsored and page.sponsor_name:
        document["sponsor"] = {"@type": "Organization", "name": page.sponsor_name}
    if references:
        document["citation"] = [citation(reference) for reference in references]
    if image:
        document["image"] = image["url"]
    return document


def faq_page(page):
    """An FAQPage document from the article's FAQ blocks, or None when it has none."""
    questions = [
        {
            "@type": "Question",
            "name": question,
            "acceptedAnswer": {"@type": "Answer", "text": answer},
        }
        for block in page.body.blocks_by_name("faq")
        for question, answer in block.value.question_answers()
    ]
    if not questions:
        return None
    return {"@context": SCHEMA, "@type": "FAQPage", "mainEntity": questions}


def for_article(page, request, *, authors, topics, references, review):
    image = social_image(page.hero_image, page.hero_image_alt, request)
    documents = [
        medical_web_page(
            page,
            request,
            authors=authors,
            topics=topics,
            references=references,
            review=review,
            image=image,
        )
    ]
    faq = faq_page(page)
    if faq is not None:
        documents.append(faq)
    return build(
        request,
        title=page.title,
        seo_title=page.seo_title,
        description=page.search_description or page.summary,
        path=page.get_url(request),
        breadcrumbs=page_breadcrumbs(page, request),
        og_type="article",
        image=image,
        json_ld=documents,
    )


def for_page(page, request, *, description="", json_ld=(), page_number=None):
    """Metadata of a non-article Wagtail page (home, blog index, standard page)."""
    path = page.get_url(request)
    return build(
        request,
        title=page.title,
        seo_title=page.seo_title,
        description=page.search_description or description,
        path=path,
        breadcrumbs=page_breadcrumbs(page, request),
        json_ld=json_ld,
        canonical=canonical_with_page_number(request, path, page_number),
    )
