import math
from dataclasses import dataclass

from django import forms
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, prefetch_related_objects
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    MultipleChooserPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from blog import api_fields, seo
from blog.cache import OBJECT_CACHE_SECONDS, article_revision_cache_key, object_tag, page_cache
from blog.feedback.forms import HelpfulForm, ProblemReportForm
from blog.forms import ArticlePageForm
from health_content.admin_ui import ReviewStatusPanel
from health_content.blocks import ArticleBodyBlock, assign_section_anchors
from health_content.blocks import table_of_contents as stream_table_of_contents
from health_content.cadence import ReviewStatus, interval_months
from health_content.models import AuditEntry, SignOff, covering_sign_off
from health_content.publish_gate import GatedPageQuerySetMixin, MedicallyReviewedPageMixin
from health_content.signed_scope import (
    pin_stream,
    pinned_object,
    recorded_children,
    recorded_refs,
)

from ..problems import article_problems
from .base import OneQueryViewRestrictionsMixin

WORDS_PER_MINUTE = 200

#: The {% picture %} filter specs of templates/includes/article_card.html.
#: for_listing() prefetches renditions for exactly these specs; if the two drift
#: apart every card costs queries again (tests/test_reader_queries.py counts them).
CARD_IMAGE_SPECS = ("format-{avif,webp,jpeg}", "fill-{400x225,800x450}")


class ArticlePageQuerySet(GatedPageQuerySetMixin, PageQuerySet):
    def for_listing(self):
        """Everything an article card shows, in a fixed number of queries whatever the count.

        One query for the articles (bodies deferred: cards never show them), then
        one each for authors with their profiles, topics, the sign-offs covering the
        live content (cards show authors and topics as signed), hero images and the
        images' card renditions.
        """
        images = get_image_model().objects.prefetch_renditions(
            *Filter.expand_spec(CARD_IMAGE_SPECS)
        )
        return (
            self.defer_streamfields()
            .prefetch_related(
                Prefetch("authors", queryset=ArticleAuthor.objects.select_related("author")),
                "topics",
                Prefetch(
                    "sign_offs",
                    queryset=SignOff.objects.covering_live_content(),
                    to_attr="live_sign_offs",
                ),
                Prefetch("hero_image", queryset=images),
            )
            .order_by("-first_published_at", "-pk")
        )

    def with_gate_flag(self):
        """Annotate whether each live revision went live through the publish gate."""
        published = AuditEntry.objects.filter(
            action=AuditEntry.Action.PUBLISH,
            page_id=OuterRef("pk"),
            revision_id=OuterRef("live_revision_id"),
        )
        return self.annotate(_went_live_through_gate=Exists(published))

    def reviewed_by(self, reviewer):
        """Articles whose live revision carries a sign-off by `reviewer`."""
        return self.filter(
            pk__in=SignOff.objects.covering_live_content()
            .filter(reviewer=reviewer)
            .values("page_id")
        )


ArticlePageManager = PageManager.from_queryset(ArticlePageQuerySet)


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "blog.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArticlePage(MedicallyReviewedPageMixin, OneQueryViewRestrictionsMixin, Page):
    """A health article built from structured blocks, reviewed before it goes live.

    The body is validated in full only when the writer submits it for review or
    someone publishes it; a draft always saves. The publish gate and the review
    fields live in health_content; this model holds what the reader sees.
    """

    class Audience(models.TextChoices):
        PATIENT = "patient", "Patients and the public"
        CLINICIAN = "clinician", "Clinicians"

    summary = models.TextField(
        max_length=320,
        help_text="One or two plain sentences: shown on cards and as the meta description.",
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_image_alt = models.CharField(
        "hero image alt text",
        max_length=255,
        blank=True,
        help_text="Describe the image for readers who cannot see it.",
    )
    topics = ParentalManyToManyField("health_content.Topic", blank=True, related_name="articles")
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True)
    body = StreamField(ArticleBodyBlock(), blank=True)
    medical_audience = models.CharField(
        max_length=20, choices=Audience.choices, default=Audience.PATIENT
    )
    review_interval_months = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Months between medical reviews. Leave blank for the site default.",
    )
    featured = models.BooleanField(default=False, help_text="Show on the home page.")
    change_note = models.CharField(
        "what changed in this version",
        max_length=200,
        blank=True,
        help_text="One line for readers, shown in the article's history. Required to submit.",
    )
    corrects_error = models.BooleanField(
        "this version corrects an error",
        default=False,
        help_text="Readers see a correction notice with the change note above.",
    )
    sponsored = models.BooleanField(
        default=False, help_text="Paid for or supported by an outside organisation."
    )
    sponsor_name = models.CharField(
        max_length=120, blank=True, help_text="Shown to readers in the byline."
    )

    objects = ArticlePageManager()

    #: What a medical sign-off covers besides the objects these refer to
    #: (health_content.signed_scope): everything the reader sees as the article.
    #: Slugs, tags, ownership and scheduling are not medical content.
    reviewed_fields = (
        "title",
        "seo_title",
        "search_description",
        "summary",
        "hero_image",
        "hero_image_alt",
        "body",
        "medical_audience",
        "review_interval_months",
        "topics",
        "authors",
        "references",
        "change_note",
        "corrects_error",
        "sponsored",
        "sponsor_name",
    )

    #: What the read API (blog/api.py) serves: the content as signed, never the draft.
    api_fields = [
        APIField("summary"),
        APIField("medical_audience"),
        APIField("body", serializer=api_fields.SignedBodyField()),
        APIField("authors", serializer=api_fields.SignedAuthorsField()),
        APIField("topics", serializer=api_fields.SignedTopicsField()),
        APIField("references", serializer=api_fields.ReferencesField()),
        APIField("sign_off", serializer=api_fields.SignOffField()),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("medical_audience"),
    ]

    content_panels = [
        ReviewStatusPanel(heading="Medical review status"),
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_image_alt")], "Hero image"),
        MultipleChooserPanel("authors", chooser_field_name="author", label="Authors", min_num=1),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("tags"),
        FieldPanel("body"),
    ]
    references_panels = [InlinePanel("references", label="Reference")]
    review_panels = [
        FieldPanel("medical_audience"),
        FieldPanel("review_interval_months"),
        MultiFieldPanel([FieldPanel("change_note"), FieldPanel("corrects_error")], "This version"),
        MultiFieldPanel([FieldPanel("sponsored"), FieldPanel("sponsor_name")], "Sponsorship"),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("featured")]

    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(references_panels, heading="References"),
            ObjectList(review_panels, heading="Review"),
            ObjectList(promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )
    base_form_class = ArticlePageForm
    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = []

    def save_revision(self, *args, **kwargs):
        # Every revision stores its section anchors, so a link to #anchor keeps
        # working when the heading is later reworded.
        assign_section_anchors(self.body)
        return super().save_revision(*args, **kwargs)

    def field_problems(self):
        problems = article_problems(
            hero_image=self.hero_image,
            hero_image_alt=self.hero_image_alt,
            references=[
                {"doi": ref.doi, "pmid": ref.pmid, "url": ref.url} for ref in self.references.all()
            ],
        )
        return [problem.sentence() for problem in problems]

    def listing_cache_tags(self):
        """Cache tags of the reader listings this article appears in (see blog.cache).

        Its topics, tags and authors, and the reviewers who signed it; the pages
        it appeared on before (a topic it left) are stale through its page tag.
        """
        tags = {object_tag(topic) for topic in self.topics.all()}
        tags.update(object_tag(tag) for tag in self.tags.all())
        tags.update(object_tag(link.author) for link in self.authors.select_related("author"))
        reviewers = SignOff.objects.filter(page_id=self.pk).select_related("reviewer")
        tags.update(object_tag(sign_off.reviewer) for sign_off in reviewers)
        return tags

    def signed_settings(self):
        # "Next review due" is shown to readers: sign the interval it comes from.
        return {"review_interval_months": interval_months(self)}

    @cached_property
    def table_of_contents(self):
        return stream_table_of_contents(self.body)

    @cached_property
    def plain_text(self):
        return " ".join(self.body.stream_block.get_searchable_content(self.body))

    @cached_property
    def reading_time_minutes(self):
        # Counted from the stored JSON rather than `plain_text`: converting the body
        # to block values loads its images, snippets and linked pages, which the
        # page view otherwise skips when the rendered body comes from the cache.
        words = len(self.summary.split()) + _count_words(list(self.body.raw_data))
        return max(1, math.ceil(words / WORDS_PER_MINUTE))

    @cached_property
    def covering_sign_off(self):
        """The sign-off the live content was published under (prefetched by `for_listing`)."""
        prefetched = getattr(self, "live_sign_offs", None)
        if prefetched is not None:
            return prefetched[0] if prefetched else None
        return covering_sign_off(self, self._sign_off_history)

    @cached_property
    def _sign_off_history(self):
        """Every sign-off of this page, newest first, each marked `gate_published` when
        its revision went live through the gate: one query for the covering sign-off
        and the public history."""
        published = AuditEntry.objects.filter(
            action=AuditEntry.Action.PUBLISH, page_id=self.pk, revision_id=OuterRef("revision_id")
        )
        return list(
            SignOff.objects.filter(page_id=self.pk)
            .newest_first()
            .annotate(gate_published=Exists(published))
        )

    def _reader_scope(self, request=None):
        # Readers see referenced objects as they were signed; previews show them as
        # they are now, which is what the reviewer is about to sign.
        if getattr(request, "is_preview", False) or self.covering_sign_off is None:
            return None
        return self.covering_sign_off.scope

    def reader_authors(self, request=None):
        """The byline's author profiles as signed (see health_content.signed_scope)."""
        scope = self._reader_scope(request)
        return [pinned_object(link.author, scope) for link in self.authors.all()]

    def reader_topics(self, request=None):
        """The article's topics as signed."""
        scope = self._reader_scope(request)
        return [pinned_object(topic, scope) for topic in self.topics.all()]

    @cached_property
    def reader_body(self):
        """The body with its snippets (disclaimer, nutrients) as signed, for the reader page."""
        body = self.body
        pin_stream(body, getattr(self, "_body_scope", None))
        return body

    def reviewed_versions(self):
        """Each version readers were shown after a medical sign-off, newest first.

        A version is a signed revision the publish gate published (an audit entry
        says so); its change note and correction flag are read from the signed
        scope, so the history shows what the reviewer signed, not today's fields.
        """
        sign_offs = [sign_off for sign_off in self._sign_off_history if sign_off.gate_published]
        return [ReviewedVersion.from_sign_off(sign_off) for sign_off in sign_offs]

    def went_live_through_gate(self):
        """Whether the live revision was published by the publish gate (an audit entry says so)."""
        annotated = getattr(self, "_went_live_through_gate", None)
        if annotated is not None:
            return annotated
        return AuditEntry.objects.filter(
            action=AuditEntry.Action.PUBLISH, page_id=self.pk, revision_id=self.live_revision_id
        ).exists()

    def reader_data(self, request):
        """What the article view shows besides the page row, in a fixed number of queries.

        The authors, references, topics, the sign-off covering the live content,
        and the page's metadata (`blog.seo.PageSeo`, which is built from them).
        A live row that did not go live through the publish gate (a bulk update
        behind the gate's back) is not served.
        """
        if not getattr(request, "is_preview", False) and not self.went_live_through_gate():
            raise Http404("This article has not been published through medical review.")
        sign_off = self.covering_sign_off
        authors, topics, references = self._signed_relations(request)
        if authors is None or topics is None or references is None:
            prefetch_related_objects(
                [self], Prefetch("authors", queryset=ArticleAuthor.objects.select_related("author"))
            )
            authors = self.reader_authors(request)
            references = list(self.references.all())
            topics = self.reader_topics(request)
        versions = self.reviewed_versions()
        page_seo = seo.for_article(
            self,
            request,
            authors=authors,
            topics=topics,
            references=references,
            review=ReviewStatus(page=self, sign_off=sign_off),
        )
        return {
            "authors": authors,
            "references": references,
            "article_topics": topics,
            "sign_off": sign_off,
            "seo": page_seo,
            "disclosures": _disclosures(authors, sign_off),
            "has_history": bool(versions),
            "corrections": [version for version in versions if version.corrects_error],
        }

    def _signed_relations(self, request):
        """Authors, topics and references from the live sign-off's scope: no queries.

        The covering sign-off signed exactly the live content (its fingerprint
        matches), so its scope holds these records and the fields readers see
        of them. Each is None when it cannot come from there (previews, a scope
        lacking a record), and the caller reads the database instead.
        """
        scope = self._reader_scope(request)
        if scope is None:
            return None, None, None
        topics = recorded_refs(scope, "topics")
        if topics is not None:
            topics.sort(key=lambda topic: topic.name)  # Topic's own ordering
        return (
            recorded_refs(scope, "authors", key="author"),
            topics,
            recorded_children(scope, ArticleReference, "references"),
        )

    def get_cache_key_components(self):
        """Wagtail's cache key parts and the live revision, which fixes the cached fragments."""
        return [*super().get_cache_key_components(), self.live_revision_id]

    def get_context(self, request, *args, **kwargs):
        """The article's people, references, topics, review status and metadata.

        With the routing cache (blog/routing.py) this keeps a warm article view to
        a fixed number of queries whatever the article holds: `reader_data()` and
        the template's fragments are cached per live revision under
        `blog.cache.article_revision_cache_key` (so edits to profiles, topics and
        the rest invalidate them); previews always read the database. The review
        status is worked out from the sign-off on each view, so "next review due"
        and "overdue" follow the calendar.
        """
        context = super().get_context(request, *args, **kwargs)
        cache_key = article_revision_cache_key(self, request)
        data_key = f"article-data:{cache_key}"
        data = page_cache().get(data_key) if cache_key else None
        if data is None:
            data = self.reader_data(request)
            if cache_key:
                page_cache().set(data_key, data, OBJECT_CACHE_SECONDS)
        if data["sign_off"] is not None and not getattr(request, "is_preview", False):
            self._body_scope = data["sign_off"].scope
        context.update(
            data,
            review=ReviewStatus(page=self, sign_off=data["sign_off"]),
            revision_cache_key=cache_key,
            # Unbound and the same for every reader, so the page stays cacheable.
            helpful_form=HelpfulForm(auto_id="helpful-%s"),
            report_form=ProblemReportForm(auto_id="report-%s"),
        )
        return context


def _disclosures(authors, sign_off):
    """[(name, declared conflicts)] for the byline: the authors as signed, then the reviewer."""
    people = [(author.display_name, author.conflicts_of_interest) for author in authors]
    if sign_off is not None:
        people.append((sign_off.reviewer_display, sign_off.reviewer_conflicts))
    return [(name, text) for name, text in people if text]


@dataclass(frozen=True)
class ReviewedVersion:
    """One entry of an article's public history: when, who reviewed it, what changed."""

    sign_off: SignOff
    change_note: str
    corrects_error: bool

    @classmethod
    def from_sign_off(cls, sign_off):
        content = sign_off.scope.get("content", {})
        return cls(
            sign_off=sign_off,
            change_note=content.get("change_note") or "",
            corrects_error=bool(content.get("corrects_error")),
        )


def _count_words(raw):
    """Words in the strings of a StreamField's raw JSON (tags stripped), not block type names."""
    if isinstance(raw, str):
        return len((strip_tags(raw) if "<" in raw else raw).split())
    if isinstance(raw, dict):
        if "type" in raw and "value" in raw:
            return _count_words(raw["value"])
        return sum(_count_words(value) for value in raw.values())
    if isinstance(raw, list):
        return sum(_count_words(value) for value in raw)
    return 0


class ArticleAuthor(Orderable):
    """Links an article to one of its authors, in byline order."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="authors")
    author = models.ForeignKey(
        "health_content.AuthorProfile", on_delete=models.PROTECT, related_name="article_links"
    )

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["page", "author"], name="unique_article_author")
        ]


class ArticleReference(Orderable):
    """A cited source, numbered on the page in this order.

    Identifiers are stored as typed; their format is checked when the article is
    submitted or published (see ArticlePageForm), never on a draft save.
    """

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="references")
    authors = models.CharField(max_length=500, blank=True, help_text="e.g. Smith J, Lee K, et al.")
    title = models.CharField(max_length=500)
    publication = models.CharField(
        "publication or journal",
        max_length=255,
        blank=True,
        help_text="Journal, publisher or site.",
    )
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    doi = models.CharField("DOI", max_length=255, blank=True, help_text="e.g. 10.1000/xyz123")
    pmid = models.CharField("PMID", max_length=20, blank=True, help_text="PubMed ID, digits only.")
    url = models.CharField("URL", max_length=500, blank=True)
    accessed = models.DateField("date accessed", null=True, blank=True)

    panels = [
        FieldPanel("authors"),
        FieldPanel("title"),
        FieldPanel("publication"),
        FieldPanel("year"),
        FieldPanel("doi"),
        FieldPanel("pmid"),
        FieldPanel("url"),
        FieldPanel("accessed"),
    ]

    def __str__(self):
        return self.title

    @property
    def doi_url(self):
        return f"https://doi.org/{self.doi}" if self.doi else ""

    @property
    def link_url(self):
        """The URL, only when it is a web address: drafts may hold anything, links may not."""
        return self.url if self.url.lower().startswith(("https://", "http://")) else ""

    @property
    def pubmed_url(self):
        return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/" if self.pmid else ""
