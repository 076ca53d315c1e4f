"""Each content check, on examples that must and must not trigger it."""

from decimal import Decimal

import pytest

from blog.models import ArticlePage, ArticleReference
from health_content.checks import BLOCKING, WARNING, blocking_findings, run_checks
from health_content.models import NutrientReference
from tests.fixtures_blocks import stored

pytestmark = pytest.mark.django_db


def article(*blocks, summary="", references=(), **fields):
    page = ArticlePage(title="Test article", summary=summary, body=stored(blocks), **fields)
    page.references = [ArticleReference(sort_order=n, **ref) for n, ref in enumerate(references)]
    return page


def section(body, heading="About it"):
    return ("section", {"heading": heading, "anchor": "", "body": body})


def ids(page, check=None):
    return [f.check for f in run_checks(page) if check is None or f.check == check]


def findings(page, check):
    return [f for f in run_checks(page) if f.check == check]


# uncited-statistic


def test_a_percentage_without_a_source_is_flagged():
    page = article(section("<p>About 40% of older adults absorb too little B12.</p>"))
    (found,) = findings(page, "uncited-statistic")
    assert found.severity == WARNING
    assert "40%" in found.message
    assert found.path == "body.0.body"
    assert "older adults" in found.excerpt


@pytest.mark.parametrize(
    "text",
    [
        "<p>1 in 4 people over 60 has low B12.</p>",
        "<p>Vegans are 3 times more likely to run low.</p>",
        "<p>Around 6 percent of adults under 60 are deficient.</p>",
    ],
)
def test_rates_multiples_and_percents_need_a_source(text):
    assert ids(article(section(text)), "uncited-statistic")


@pytest.mark.parametrize(
    "text",
    [
        "<p>About 40% of older adults absorb too little B12 [1].</p>",
        '<p>About 40% of older adults <a href="https://www.nhs.uk/x">absorb too little</a>.</p>',
        "<p>According to the NHS, 1 in 4 people over 60 has low B12.</p>",
        "<p>Take one tablet a day with food.</p>",
    ],
)
def test_cited_figures_and_text_without_figures_pass(text):
    assert not ids(article(section(text)), "uncited-statistic")


@pytest.mark.parametrize(
    "text",
    [
        "<p>One in five older adults runs low on B12.</p>",
        "<p>Half of all vegan adults have low levels.</p>",
        "<p>People taking metformin are twice as likely to be deficient.</p>",
        "<p>Smoking doubles the risk of losing bone.</p>",
        "<p>Low B12 affects 6 million Americans.</p>",
        "<p>In a trial, 300 volunteers took the tablets.</p>",
    ],
)
def test_figures_in_words_proportions_and_counts_need_a_source(text):
    assert ids(article(section(text)), "uncited-statistic")


def test_a_source_in_one_paragraph_does_not_cover_the_next():
    page = article(
        section("<p>About 40% of older adults absorb too little [1].</p><p>1 in 4 vegans too.</p>")
    )
    (found,) = findings(page, "uncited-statistic")
    assert found.excerpt == "1 in 4 vegans too."


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("<p>According to experts, 1 in 4 people is low.</p>", True),
        ("<p>According to the World Health Organization, 1 in 4 people is low.</p>", False),
        ("<p>A study published in The Lancet found 30% were low.</p>", False),
        ("<p>Save on nothing: 20% off is not a figure about health.</p>", False),
    ],
)
def test_only_a_named_source_counts_as_one(text, flagged):
    assert bool(ids(article(section(text)), "uncited-statistic")) is flagged


# uncited-research-claim


@pytest.mark.parametrize(
    "text",
    [
        "<p>Some studies suggest B12 eases back pain.</p>",
        "<p>Research has shown that it helps migraines.</p>",
        "<p>Emerging evidence suggests a role in migraine.</p>",
        "<p>A 2020 study found fewer cramps.</p>",
        "<p>Our formula is clinically proven.</p>",
    ],
)
def test_appeals_to_research_without_a_source_are_flagged(text):
    (found,) = findings(article(section(text)), "uncited-research-claim")
    assert found.severity == WARNING and "citing" in found.message


@pytest.mark.parametrize(
    "text",
    [
        "<p>Some studies suggest B12 eases back pain [2].</p>",
        "<p>A study published in the BMJ found fewer cramps.</p>",
        "<p>Research your options with your GP.</p>",
        "<p>B12 is found in meat, fish and eggs.</p>",
    ],
)
def test_cited_research_and_other_uses_of_the_words_pass(text):
    assert not ids(article(section(text)), "uncited-research-claim")


# absolute-claim


@pytest.mark.parametrize(
    "text",
    [
        "<p>B12 shots cure fatigue for good.</p>",
        "<p>This supplement is guaranteed to restore your energy.</p>",
        "<p>It is 100% effective and has no side effects.</p>",
    ],
)
def test_absolute_claims_block(text):
    (found, *_) = findings(article(section(text)), "absolute-claim")
    assert found.severity == BLOCKING


@pytest.mark.parametrize(
    "text",
    [
        "<p>There is no cure for pernicious anaemia, but injections control it.</p>",
        "<p>B12 does not cure nerve damage that has already happened.</p>",
        "<p>Treatment can reduce tingling in most people.</p>",
    ],
)
def test_negated_and_hedged_wording_passes(text):
    assert not ids(article(section(text)), "absolute-claim")


# dose-above-upper-limit


@pytest.fixture
def vitamin_d():
    return NutrientReference.objects.create(
        name="Vitamin D",
        unit="mcg",
        daily_value=Decimal(20),
        dv_basis="DV 20 mcg",
        source="FDA",
        upper_limit=Decimal(100),
        upper_limit_source="Food and Nutrition Board",
    )


@pytest.fixture
def vitamin_b12():
    return NutrientReference.objects.create(
        name="Vitamin B12", unit="mcg", daily_value=Decimal("2.4"), dv_basis="DV", source="FDA"
    )


def dosage(substance, amount, unit):
    row = {
        "population": "Adults",
        "amount": Decimal(amount),
        "unit": unit,
        "frequency": "daily",
        "route": "oral",
        "note": "",
    }
    return ("dosage", {"substance": substance, "rows": [row], "note": ""})


def test_a_dose_in_text_above_the_ul_blocks(vitamin_d):
    page = article(section("<p>Take 10,000 IU of vitamin D every day.</p>"))
    (found,) = findings(page, "dose-above-upper-limit")
    assert found.severity == BLOCKING
    assert "100 mcg" in found.message and "Food and Nutrition Board" in found.message


def test_a_dosage_block_row_above_the_ul_blocks(vitamin_d):
    (found,) = findings(article(dosage("Vitamin D3", "250", "mcg")), "dose-above-upper-limit")
    assert found.path == "body.0.rows.0"


def test_doses_within_the_ul_and_nutrients_without_a_ul_pass(vitamin_d, vitamin_b12):
    page = article(
        section("<p>Take 1000 IU of vitamin D a day.</p>"),
        section("<p>Vitamin B12 is taken at 1000-2000 mcg daily.</p>"),
        dosage("Vitamin B12", "2000", "mcg"),
        dosage("Vitamin D", "50", "mcg"),
    )
    assert not ids(page, "dose-above-upper-limit")


# promotional-content


@pytest.mark.parametrize(
    "text",
    [
        '<p>Get it <a href="https://www.amazon.com/dp/B000123">here</a>.</p>',
        '<p>See <a href="https://example-vitamins.com/b12?tag=healthblog-20">our pick</a>.</p>',
        '<p>Order from <a href="https://www.bestonlinepharmacy.com/b12">a trusted seller</a>.</p>',
        "<p>Buy now and use discount code B12 for 20% off.</p>",
    ],
)
def test_shop_links_affiliate_links_and_sales_calls_block(text):
    found = findings(article(section(text)), "promotional-content")
    assert found and all(f.severity == BLOCKING for f in found)


def test_a_brand_drug_name_is_a_warning_naming_the_generic():
    (found,) = findings(
        article(section("<p>Lyrica can help nerve pain.</p>")), "promotional-content"
    )
    assert found.severity == WARNING and "pregabalin" in found.message


@pytest.mark.parametrize(
    "text",
    [
        '<p>Try <a href="https://amzn.to/3xYz">this one</a>.</p>',
        "<p>Use code SAVE20 at checkout.</p>",
        "<p>This post has affiliate links: we may earn a commission.</p>",
        "<p>Only $19.99 for three months.</p>",
        "<p>Click here to order yours.</p>",
    ],
)
def test_referral_links_codes_disclosures_and_prices_block(text):
    found = findings(article(section(text)), "promotional-content")
    assert found and all(f.severity == BLOCKING for f in found)


@pytest.mark.parametrize(
    "text, name",
    [
        ("<p>Doctors may suggest Neurobion injections.</p>", "Neurobion"),
        ("<p>We like VitaBoost B12® for energy.</p>", "VitaBoost B12®"),
        ("<p>Nature Made gummies are popular.</p>", "Nature Made"),
    ],
)
def test_supplement_brands_and_trade_marked_names_are_warnings(text, name):
    (found,) = findings(article(section(text)), "promotional-content")
    assert found.severity == WARNING and name in found.message


def test_costs_in_money_are_not_prices():
    page = article(section("<p>Low B12 costs health services $5 billion a year [1].</p>"))
    assert not ids(page, "promotional-content")


def test_generic_names_and_independent_links_are_not_promotion():
    page = article(
        section('<p>Pregabalin can help. See <a href="https://www.nhs.uk/medicines/">NHS</a>.</p>')
    )
    assert not ids(page, "promotional-content")


# outside-link


def test_a_link_outside_the_allowlist_is_a_warning():
    page = article(section('<p>Read <a href="https://wellness-blog.example/b12">this</a>.</p>'))
    (found,) = findings(page, "outside-link")
    assert "wellness-blog.example" in found.message


def test_allowlisted_domains_and_their_subdomains_pass(settings):
    settings.HEALTH_CHECKS_LINK_ALLOWLIST = ["nhs.uk", "trusted.example"]
    page = article(
        section(
            '<p><a href="https://www.nhs.uk/b12">NHS</a> and '
            '<a href="https://docs.trusted.example/a">docs</a>.</p>'
        )
    )
    assert not ids(page, "outside-link")


# symptom-without-care-advice


def symptom_list(when="", care_level="self_care"):
    item = {"symptom": "Tingling", "detail": "", "care_level": care_level}
    return (
        "symptom_list",
        {"heading": "Symptoms", "intro": "", "items": [item], "when_to_get_help": when},
    )


def test_a_symptom_list_without_care_advice_is_flagged():
    assert ids(article(symptom_list()), "symptom-without-care-advice")
    listed = section("<ul><li>Tiredness</li><li>Pale skin</li></ul>", heading="Symptoms of low B12")
    assert ids(article(listed), "symptom-without-care-advice")


def test_symptom_lists_saying_when_to_get_help_pass():
    assert not ids(
        article(symptom_list(when="See a GP if it lasts.")), "symptom-without-care-advice"
    )
    assert not ids(article(symptom_list(care_level="urgent")), "symptom-without-care-advice")
    listed = section(
        "<ul><li>Tiredness</li></ul><p>See a GP if you have these.</p>", heading="Symptoms"
    )
    assert not ids(article(listed), "symptom-without-care-advice")


# reference-format, duplicate-reference


def test_malformed_identifiers_block_and_missing_ones_warn():
    page = article(references=[{"title": "A", "doi": "doi 10/bad"}, {"title": "B"}])
    found = findings(page, "reference-format")
    assert [(f.severity, f.path) for f in found] == [
        (BLOCKING, "references.0"),
        (WARNING, "references.1"),
    ]


def test_the_same_source_cited_twice_is_flagged():
    page = article(
        references=[
            {"title": "A", "doi": "10.1000/abc"},
            {"title": "A again", "doi": "10.1000/ABC"},
            {"title": "C", "pmid": "31256364"},
        ]
    )
    (found,) = findings(page, "duplicate-reference")
    assert "reference 1" in found.message and found.path == "references.1"
    assert not findings(page, "reference-format")


def test_an_article_citing_nothing_is_flagged_once():
    (found,) = findings(article(section("<p>Eat eggs.</p>")), "no-references")
    assert found.severity == WARNING and found.path == "references"
    cited = article(section("<p>Eat eggs.</p>"), references=[{"title": "A", "pmid": "31256364"}])
    assert not ids(cited, "no-references")
    assert not ids(article(), "no-references")


# image-alt-text


def test_an_image_without_alt_text_blocks_unless_decorative(django_user_model):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="x", file=get_test_image_file())
    block = {"image": image, "alt_text": "", "decorative": False, "caption": "", "credit": ""}
    (found,) = findings(article(("image", block)), "image-alt-text")
    assert found.severity == BLOCKING
    assert not ids(article(("image", {**block, "decorative": True})), "image-alt-text")
    assert not ids(article(("image", {**block, "alt_text": "A B12 tablet"})), "image-alt-text")


# heading-order


def test_a_skipped_heading_level_is_flagged():
    (found,) = findings(article(section("<h4>Doses</h4><p>Text.</p>")), "heading-order")
    assert "h3" in found.message


def test_headings_in_order_pass():
    assert not ids(article(section("<h3>Doses</h3><h4>Adults</h4><h3>Food</h3>")), "heading-order")


# reading-level

HARD = (
    "<p>Cobalamin insufficiency precipitates demyelination of peripheral neuronal "
    "architecture, culminating in paraesthesia, proprioceptive impairment and "
    "neuropsychiatric manifestations necessitating parenteral supplementation.</p>"
) * 8
EASY = (
    "<p>B12 keeps your nerves well. You get it from meat, fish, eggs and milk. "
    "If you eat no meat, you can take a tablet. Your GP can check your blood. "
    "Low B12 can make you tired. It can make your hands tingle.</p>"
) * 5


def test_hard_prose_is_above_the_nhs_target():
    (found,) = findings(article(section(HARD)), "reading-level")
    assert found.severity == WARNING and "grade 6" in found.message


def test_plain_prose_and_a_higher_configured_target_pass(settings):
    assert not ids(article(section(EASY)), "reading-level")
    settings.HEALTH_CHECKS_READING_GRADE = 40
    assert not ids(article(section(HARD)), "reading-level")


def test_blocking_findings_keeps_only_blocking_ones():
    page = article(section("<p>This cures everything. Lyrica helps.</p>"))
    assert {f.check for f in blocking_findings(page)} == {"absolute-claim"}
