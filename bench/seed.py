"""Fill a freshly migrated database with signed-off articles. Run by bench/run.py.

    python -m bench.seed --articles 1000 [--search-articles 10000]

Prints one JSON object: counts, timings and the URLs to measure.

How articles go live: never around the publish gate.

* The first ``--workflow-articles`` (default 5) take the whole review workflow:
  the writer submits, an editor approves, a medical reviewer signs off with the
  attestations, and the workflow publishes (exactly what tests/factories.py does).
* The rest take a documented fast path: the writer saves a revision, a SignOff is
  recorded for it by ``SignOff.objects.record`` (the one constructor the review
  step and the demo use) but without the two workflow steps, and an editor publishes the
  revision with ``Revision.publish()``, which runs ``ArticlePage.publish()``: the
  gate checks the fingerprint against the sign-off as for any publish.

Full articles hold every block type and share a few hero images.

Search-only articles (``--search-articles``, e.g. 10,000) are short text articles
(two sections, an FAQ and the disclaimer) made in bulk, 500 per transaction:
page rows are inserted directly at the next tree positions, each gets a revision
saved by the writer and a real SignOff of that revision (fingerprint and
attestations, as above), then every revision goes through the gate's own check,
``publish_gate.check_publishable()`` (which refuses any revision without a matching
sign-off), before the batch is marked live with one UPDATE and each publish is
recorded in the audit chain (``publish_gate.record_publish``). What this skips, per
article, is Wagtail's publish bookkeeping (log entries, signals, workflow clean-up),
never the sign-off check.

Seeding skips two per-save side jobs and does them in bulk or not at all: search
indexing runs once at the end (``update_index``), and Wagtail's reference index
(the admin's "usage" counts, which readers never see) is not built.
"""

import argparse
import io
import json
import random
import time
from decimal import Decimal

import django

VOCABULARY = """
vitamin deficiency iron anaemia folate b12 cobalamin nerve tiredness fatigue diet vegan
vegetarian supplement dose absorption stomach gut coeliac thyroid pregnancy infant child
adult elderly kidney liver heart blood pressure sugar diabetes insulin cholesterol fibre
protein calcium magnesium zinc iodine selenium omega fish egg milk cheese yoghurt bean
lentil spinach kale broccoli citrus orange berry nut seed grain bread cereal fortified
label serving intake symptom sign cause risk test screening diagnosis treatment
injection tablet tingling numbness memory mood depression sleep headache dizziness
pallor breathlessness palpitations tongue mouth ulcer skin hair nail bone muscle cramp
weakness balance vision hearing immune infection inflammation recovery
"""
WORDS = tuple(VOCABULARY.split())
#: Search-only articles each have a subject: five consecutive WORDS ("vitamin
#: deficiency iron anaemia folate" is the first). Their text is mostly COMMON words,
#: with their subject's words and a few other health words, so a two-word query
#: matches a tenth of them or so, as on a real site, rather than nearly all.
SUBJECTS = [WORDS[start : start + 5] for start in range(0, len(WORDS) - 4, 5)]
COMMON_WORDS = """
the and of to a in is that it for as with are be this on can your you or by not have
may more some when people body most often who their which also other help need about
these if get they without health doctor check after
"""
COMMON = tuple(COMMON_WORDS.split())


def sentence(rng, words=12):
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def paragraph(rng, sentences=6):
    return " ".join(sentence(rng, rng.randint(8, 16)) for _ in range(sentences))


def make_image(title, colour):
    from django.core.files.images import ImageFile
    from PIL import Image, ImageDraw
    from wagtail.images import get_image_model

    picture = Image.new("RGB", (1600, 900), colour)
    draw = ImageDraw.Draw(picture)
    for step in range(0, 1600, 80):
        draw.line([(step, 0), (1600 - step, 900)], fill=(255, 255, 255), width=6)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=85)
    return get_image_model().objects.create(
        title=title, file=ImageFile(buffer, name=f"{title.lower().replace(' ', '-')}.jpg")
    )


def newsroom():
    """The shared test-data cast (health_content.factories.Cast) with the benchmark's
    three authors, six topics and four generated hero images."""
    from health_content.factories import Cast

    colours = [(30, 90, 160), (160, 60, 40), (40, 130, 80), (120, 80, 150)]
    return Cast(
        authors=3,
        topic_names=("Vitamin B12", "Iron", "Folate", "Vegan diets", "Anaemia", "Pregnancy"),
        images=[make_image(f"Hero {n}", colour) for n, colour in enumerate(colours)],
    )


def full_body(cast, rng, related):
    """Every block type of ArticleBodyBlock, with generated text."""
    from blog import factories as blocks

    body = [
        blocks.key_points([sentence(rng) for _ in range(3)]),
        blocks.section("Overview", f"<p>{paragraph(rng)}</p>"),
        blocks.symptom_list(
            "Symptoms",
            sentence(rng),
            [("Tiredness", sentence(rng), "see_doctor"), ("Numb feet", "", "urgent")],
            sentence(rng),
        ),
        blocks.food_table(
            cast.nutrient,
            "Selected food sources of vitamin B12",
            [
                ("Clams", "cooked", "3 ounces", Decimal("17")),
                ("Milk", "2%", "1 cup", Decimal("1.3")),
            ],
            source="USDA",
        ),
        blocks.comparison_table(
            "Animal and fortified sources",
            [("text", "Source"), ("numeric", "mcg"), ("rich_text", "Notes")],
            [
                ["Salmon", "2.6", "<p>Cooked, 3 ounces.</p>"],
                ["Cereal", "1.5", "<p>Check the label.</p>"],
            ],
        ),
        blocks.section("Treatment", f"<p>{paragraph(rng)}</p>"),
        blocks.faq(
            "Frequently asked questions",
            [(f"{sentence(rng, 6)[:-1]}?", f"<p>{sentence(rng)}</p>") for _ in range(3)],
        ),
        blocks.callout("see_doctor", "See a doctor", f"<p>{sentence(rng)}</p>"),
        blocks.image(
            rng.choice(cast.images), "An illustration", caption=sentence(rng, 6), credit="Bench"
        ),
        blocks.dosage("Vitamin B12", [("Adults 19+", Decimal("2.4"), "mcg", "daily", "oral", "")]),
    ]
    if related:
        body.append(blocks.related_articles("See also", related))
    body.append(blocks.disclaimer(cast.disclaimer))
    return body


def topical_paragraph(rng, subject, sentences=8):
    def word():
        roll = rng.random()
        if roll < 0.6:
            return rng.choice(COMMON)
        return rng.choice(subject) if roll < 0.9 else rng.choice(WORDS)

    return " ".join(
        " ".join(word() for _ in range(rng.randint(8, 16))).capitalize() + "."
        for _ in range(sentences)
    )


def search_body(cast, rng, subject):
    from blog import factories as blocks

    return [
        blocks.section("Overview", f"<p>{topical_paragraph(rng, subject)}</p>"),
        blocks.section("Details", f"<p>{topical_paragraph(rng, subject)}</p>"),
        blocks.faq("Questions", [("What should I know?", f"<p>{sentence(rng)}</p>")]),
        blocks.disclaimer(cast.disclaimer),
    ]


def new_article(parent, cast, rng, title, body, n_topics=2):
    from blog.models import ArticleAuthor, ArticlePage

    page = ArticlePage(
        title=title,
        summary=sentence(rng, 18),
        hero_image=rng.choice(cast.images),
        hero_image_alt="An illustration",
        body=body,
    )
    page.authors = [ArticleAuthor(author=rng.choice(cast.authors))]
    page.topics = rng.sample(cast.topics, n_topics)
    parent.add_child(instance=page)
    return page


def publish_via_workflow(page, cast):
    """The admin's path: submit, editorial approval, medical sign-off (publishes)."""
    from health_content.factories import publish_through_review

    page.save_revision(user=cast.writer)
    return publish_through_review(page, cast.writer, cast.editor, cast.reviewer_user)


def publish_fast(page, cast):
    """The documented fast path (module docstring): a real SignOff, then ArticlePage.publish()."""
    from health_content.factories import ATTESTED
    from health_content.models import SignOff

    revision = page.save_revision(user=cast.writer)
    SignOff.objects.record(
        revision, cast.reviewer_user, attestations=ATTESTED, comment="Benchmark fast path"
    )
    revision.publish(user=cast.editor)
    return page


def seeded_cast():
    """The writer, editor and medical reviewer `newsroom()` made, found by role in the
    seeded database (for the scripts that publish while the benchmark runs)."""
    from types import SimpleNamespace

    from django.contrib.auth import get_user_model

    from health_content.models import ReviewerProfile
    from health_content.roles import EDITORS, WRITERS

    users = get_user_model().objects
    return SimpleNamespace(
        writer=users.get(groups__name=WRITERS),
        editor=users.get(groups__name=EDITORS),
        reviewer_user=ReviewerProfile.objects.get().user,
    )


SEARCH_BATCH = 500


def bulk_search_articles(parent, cast, rng, offset, count):
    """`count` signed-off, published short articles under `parent` (module docstring)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import F
    from django.utils import timezone
    from wagtail.models import Page, Revision

    from blog.models import ArticleAuthor, ArticlePage
    from health_content.factories import ATTESTED
    from health_content.models import SignOff
    from health_content.publish_gate import check_publishable, record_publish

    parent = Page.objects.get(pk=parent.pk)  # current numchild
    article_type = ContentType.objects.get_for_model(ArticlePage)
    page_type = ContentType.objects.get_for_model(Page)
    pages = []
    for n in range(count):
        number = offset + n + 1
        subject = SUBJECTS[number % len(SUBJECTS)]
        title = f"{' '.join(rng.sample(subject, 3)).capitalize()} ({number})"
        slug = f"search-article-{number}"
        page = ArticlePage(
            title=title,
            draft_title=title,
            slug=slug,
            summary=topical_paragraph(rng, subject, 1),
            body=search_body(cast, rng, subject),
            content_type=article_type,
            locale_id=parent.locale_id,
            depth=parent.depth + 1,
            path=ArticlePage._get_path(parent.path, parent.depth + 1, parent.numchild + n + 1),
            url_path=f"{parent.url_path}{slug}/",
            numchild=0,
            live=False,
            has_unpublished_changes=True,
            owner=cast.writer,
        )
        page.authors = [ArticleAuthor(author=rng.choice(cast.authors))]
        page.topics = [rng.choice(cast.topics)]
        pages.append(page)

    # Django's bulk_create refuses multi-table models: insert the wagtailcore_page
    # rows through Page, then the blog_articlepage rows with the same ids.
    Page.objects.bulk_create(pages)
    for page in pages:
        page.page_ptr_id = page.id
    ArticlePage._base_manager._insert(pages, fields=ArticlePage._meta.local_concrete_fields)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + count)
    ArticleAuthor.objects.bulk_create(
        ArticleAuthor(page_id=page.id, author=page.authors.all()[0].author, sort_order=0)
        for page in pages
    )
    ArticlePage.topics.through.objects.bulk_create(
        ArticlePage.topics.through(articlepage_id=page.id, topic_id=page.topics.all()[0].pk)
        for page in pages
    )

    now = timezone.now()
    revisions = Revision.objects.bulk_create(
        Revision(
            content_type=article_type,
            base_content_type=page_type,
            object_id=str(page.id),
            content=page.serializable_data(),
            user=cast.writer,
            object_str=page.title,
            created_at=now,
        )
        for page in pages
    )
    for revision in revisions:
        SignOff.objects.record(
            revision,
            cast.reviewer_user,
            attestations=ATTESTED,
            comment="Benchmark bulk path",
            signed_at=now,
        )
    for page, revision in zip(pages, revisions, strict=True):
        check_publishable(page, revision)  # raises PublishRefused without a matching sign-off
        page.latest_revision = page.live_revision = revision
        page.live, page.has_unpublished_changes = True, False
        page.first_published_at = page.last_published_at = now
        page.latest_revision_created_at = now
    Page.objects.bulk_update(
        pages,
        [
            "latest_revision",
            "live_revision",
            "live",
            "has_unpublished_changes",
            "first_published_at",
            "last_published_at",
            "latest_revision_created_at",
        ],
        batch_size=SEARCH_BATCH,
    )
    for page, revision in zip(pages, revisions, strict=True):
        record_publish(page, revision)


def seed(articles, search_articles, workflow_articles):
    from wagtail.signal_handlers import disable_reference_index_auto_update

    with disable_reference_index_auto_update():
        return _seed(articles, search_articles, workflow_articles)


def _seed(articles, search_articles, workflow_articles):
    from django.core.management import call_command
    from django.db import connection, transaction

    from blog.models import ArticlePage
    from blog.site_tree import ensure_site_tree

    rng = random.Random(5)
    result = {}
    started = time.perf_counter()
    _home, blog_index = ensure_site_tree()
    cast = newsroom()
    previous = None
    for n in range(articles):
        with transaction.atomic():
            related = [previous] if previous is not None else []
            page = new_article(
                blog_index, cast, rng, f"Vitamin article {n + 1}", full_body(cast, rng, related)
            )
            publish = publish_via_workflow if n < workflow_articles else publish_fast
            previous = publish(page, cast)
    result["articles"] = ArticlePage.objects.live().count()
    result["workflow_articles"] = min(workflow_articles, articles)
    result["seed_seconds"] = round(time.perf_counter() - started, 1)
    result["article_url"] = previous.url if previous else None

    if search_articles:
        started = time.perf_counter()
        for start in range(0, search_articles, SEARCH_BATCH):
            with transaction.atomic():
                count = min(SEARCH_BATCH, search_articles - start)
                bulk_search_articles(blog_index, cast, rng, start, count)
        result["search_articles"] = search_articles
        result["search_seed_seconds"] = round(time.perf_counter() - started, 1)

    started = time.perf_counter()
    call_command("update_index", verbosity=0)
    if connection.vendor == "postgresql":
        # What autovacuum does soon after any bulk load: planner statistics for the
        # fresh tables, and the search index's GIN pending lists merged into the
        # indexes (until then every full-text match scans the unsorted pending list,
        # which made the search query twice as slow as in steady state).
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    result["update_index_seconds"] = round(time.perf_counter() - started, 1)
    result["live_articles"] = ArticlePage.objects.live().count()
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--search-articles", type=int, default=0)
    parser.add_argument("--workflow-articles", type=int, default=5)
    args = parser.parse_args()
    django.setup()
    print(json.dumps(seed(args.articles, args.search_articles, args.workflow_articles)))


if __name__ == "__main__":
    main()
