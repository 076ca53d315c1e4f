"""The article importer's conversion: every text shape it recognises, and the report.

Fixtures in tests/fixtures/import/ are written for these tests in the shape of
the real pasted samples (shared/samples/): sample-a-shape.txt has blank lines
between paragraphs, "•" bullets and web debris; sample-b-shape.txt has one
paragraph per line, dash lists with "Label: detail" items, a pipe table and a
disclaimer line.
"""

from pathlib import Path

import pytest

from blog.importer.care_levels import infer_care_level
from blog.importer.convert import convert
from blog.importer.document import ImportFailed
from blog.importer.pages import site_context
from blog.importer.readers import read_document
from blog.importer.references import parse_reference
from blog.importer.report import ImportReport
from blog.importer.tables import find_table
from health_content.blocks import ArticleBodyBlock
from health_content.models import Disclaimer
from tests.factories import default_disclaimer, make_article

FIXTURES = Path(__file__).parent / "fixtures" / "import"
FIXTURE_NAMES = sorted(path.name for path in FIXTURES.iterdir())


def converted(name, data=None):
    """(Conversion, ImportReport) of a fixture file (or of `data` under that name)."""
    data = (FIXTURES / name).read_bytes() if data is None else data
    report = ImportReport(source=name)
    conversion = convert(read_document(name, data), site_context(), report)
    return conversion, report


def blocks_of(conversion, block_type):
    return [block["value"] for block in conversion.body if block["type"] == block_type]


def types(conversion):
    return [block["type"] for block in conversion.body]


def section(conversion, heading):
    return next(value for value in blocks_of(conversion, "section") if value["heading"] == heading)


@pytest.fixture
def disclaimer(db):
    return default_disclaimer()


def test_sample_a_shape(disclaimer):
    conversion, report = converted("sample-a-shape.txt")

    assert conversion.title == "Magnesium and Sleep: What the Research Shows"
    assert types(conversion) == [
        "section",
        "section",
        "symptom_list",
        "section",
        "section",
        "section",
        "disclaimer",
    ]
    assert [value["heading"] for value in blocks_of(conversion, "section")] == [
        "Overview",
        "How Magnesium Works in the Body",
        "Food Sources",
        "Supplements",
        "Conclusion",
    ]
    assert section(conversion, "Food Sources")["body"] == (
        "<p>Plenty of everyday foods supply magnesium. Good choices include:</p>"
        "<ul><li>Pumpkin seeds and almonds</li><li>Spinach and other leafy greens</li>"
        "<li>Black beans and edamame</li><li>Whole-grain bread and brown rice</li></ul>"
    )

    (symptoms,) = blocks_of(conversion, "symptom_list")
    assert symptoms["heading"] == "Signs Your Magnesium May Be Low"
    assert symptoms["intro"].endswith("the usual signs include:")
    assert [(item["symptom"], item["care_level"]) for item in symptoms["items"]] == [
        ("Loss of appetite", "see_doctor"),
        ("Nausea or vomiting", "see_doctor"),
        ("Tiredness and weakness", "see_doctor"),
        ("Muscle cramps or twitching", "see_doctor"),
        ("An irregular heartbeat, chest pain or fainting", "emergency"),
    ]
    assert symptoms["items"][-1]["detail"] == "call 911"
    assert symptoms["when_to_get_help"].startswith("If these signs do not settle, see a doctor")

    # Neither "See also" target exists: the text stays, the report says so.
    assert "See also: Understanding Dietary Minerals" in section(conversion, "Supplements")["body"]
    assert "[See also" not in section(conversion, "Supplements")["body"]
    assert sum("no article with that title exists" in w for w in report.warnings) == 2

    assert conversion.body[-1] == {"type": "disclaimer", "value": {"disclaimer": disclaimer.pk}}
    assert conversion.summary.startswith("Magnesium is a mineral that takes part")
    assert len(conversion.summary) <= 320
    assert report.dropped == [
        ("Skip to content", "skip link"),
        ("Magnesium and Sleep: What the Research Shows", "repeated title"),
        ("Leave a Comment", "comment widget"),
        ("close", "page control"),
        ("close", "page control"),
    ]
    assert report.blocks == {"section": 5, "symptom_list": 1, "disclaimer": 1}
    assert any("default disclaimer" in note for note in report.notes)


def test_see_also_links_an_existing_article(disclaimer, blog_index):
    minerals = make_article(blog_index, title="Understanding Dietary Minerals")

    conversion, report = converted("sample-a-shape.txt")

    assert blocks_of(conversion, "related_articles") == [
        {"heading": "See also", "articles": [minerals.pk]}
    ]
    assert types(conversion)[-2:] == ["related_articles", "disclaimer"]
    body = section(conversion, "Supplements")["body"]
    assert "Understanding Dietary Minerals" not in body
    assert "See also: Sleep Hygiene Basics" in body
    assert sum("no article with that title exists" in w for w in report.warnings) == 1


def test_sample_b_shape(disclaimer):
    conversion, report = converted("sample-b-shape.txt")

    assert conversion.title == "Why Potassium Matters for Your Heart and Muscles"
    assert types(conversion) == [
        "section",
        "symptom_list",
        "section",
        "comparison_table",
        "section",
        "disclaimer",
    ]
    overview = section(conversion, "Overview")["body"]
    assert overview.count("<p>") == 2  # one paragraph per line

    (symptoms,) = blocks_of(conversion, "symptom_list")
    assert symptoms["heading"] == "Recognizing the Symptoms of Low Potassium"
    assert symptoms["intro"].endswith("Common signs to watch for include:")
    assert symptoms["items"][0] == {
        "symptom": "Muscle Weakness",
        "detail": "Often felt first in the legs, making stairs or long walks harder than usual.",
        "care_level": "see_doctor",
    }
    assert [item["care_level"] for item in symptoms["items"]] == [
        "see_doctor",
        "see_doctor",
        "see_doctor",
        "emergency",  # "call 911 if you also have chest pain"
    ]

    causes = section(conversion, "Causes of Low Potassium")["body"]
    assert causes.count("<li>") == 3
    assert "<li>Diuretics: Water pills" in causes

    (table,) = blocks_of(conversion, "comparison_table")
    assert table["caption"] == "Comparing Food and Supplement Sources"
    assert table["table"]["columns"] == [
        {"type": "text", "heading": "Feature"},
        {"type": "text", "heading": "Whole Foods"},
        {"type": "text", "heading": "Supplements"},
    ]
    assert [row["values"][0] for row in table["table"]["rows"]] == [
        "Typical amount",
        "Safety",
        "Extra benefits",
    ]

    assert conversion.body[-1]["type"] == "disclaimer"
    assert "not medical advice" not in section(conversion, "Conclusion")["body"]
    assert (
        "Subscribe to our newsletter for weekly heart-health tips!",
        "newsletter or promotion",
    ) in report.dropped
    assert any(reason == "pasted disclaimer" for _, reason in report.dropped)
    assert any("pasted disclaimer differs" in warning for warning in report.warnings)


def test_every_other_shape_in_plain_text(disclaimer):
    conversion, report = converted("shapes.txt")

    assert types(conversion) == [
        "section",
        "section",
        "symptom_list",
        "comparison_table",
        "faq",
        "key_points",
        "disclaimer",
    ]
    # An explicit summary line fills the summary and leaves the body.
    assert conversion.summary.startswith("Most sore throats get better on their own")
    assert "Summary:" not in str(conversion.body)

    why = section(conversion, "Why throats get sore")["body"]
    assert '<a href="https://www.cdc.gov/sore-throat/">https://www.cdc.gov/sore-throat/</a>' in why
    assert '<a href="https://example.org/throat-guide">an external explainer</a>' in why
    assert report.external_links == [
        ("https://www.cdc.gov/sore-throat/", "https://www.cdc.gov/sore-throat/"),
        ("an external explainer", "https://example.org/throat-guide"),
    ]

    home_care = section(conversion, "Home care")["body"]
    assert home_care.startswith("<ol><li>Drink plenty of fluids.</li>")

    (red_flags,) = blocks_of(conversion, "symptom_list")
    assert red_flags["heading"] == "Red flags"
    assert red_flags["items"][0] == {
        "symptom": "Trouble breathing or swallowing",
        "detail": "call 911",
        "care_level": "emergency",
    }
    assert {item["care_level"] for item in red_flags["items"][1:]} == {"see_doctor"}

    (table,) = blocks_of(conversion, "comparison_table")
    assert table["caption"] == "Pain relievers compared"
    assert [column["heading"] for column in table["table"]["columns"]] == [
        "Medicine",
        "Usual adult dose",
        "Notes",
    ]
    assert table["table"]["rows"][1]["values"] == ["Ibuprofen", "200-400 mg", "Take with food"]

    (faq,) = blocks_of(conversion, "faq")
    assert [item["question"] for item in faq["items"]] == [
        "Can antibiotics help?",
        "Should I stay home?",
    ]
    assert faq["items"][0]["answer"] == (
        "<p>Only when bacteria are the cause, which a quick test can show.</p>"
    )
    assert faq["items"][1]["answer"].endswith("<p>Rest helps most people recover sooner.</p>")

    (points,) = blocks_of(conversion, "key_points")
    assert points["style"] == "key_points"
    assert len(points["points"]) == 3

    dropped = dict(report.dropped)
    assert dropped["By Taylor Quinn"] == "byline or date"
    assert dropped["[image]"] == dropped["Image: a person holding a mug of tea"]
    assert dropped["Share this article"] == "share buttons"
    assert dropped["Avatar photo"] == "avatar"
    assert dropped["Use code THROAT20 for 20% off lozenges"] == "newsletter or promotion"
    # The pasted table of contents repeats the headings: dropped.
    assert [text for text, reason in report.dropped if reason == "table of contents"] == [
        "Why throats get sore",
        "Home care",
        "Red flags",
    ]


def test_hard_wrapped_text_is_rejoined(disclaimer):
    conversion, _ = converted("hard-wrapped.txt")

    assert [value["heading"] for value in blocks_of(conversion, "section")] == [
        "Overview",
        "What Zinc Does",
        "Where to Find It",
    ]
    assert section(conversion, "Where to Find It")["body"] == (
        "<p>Oysters contain more zinc per serving than any other food, and red meat and "
        "poultry supply much of the zinc in typical diets.</p>"
    )


def test_markdown(disclaimer):
    conversion, report = converted("faq-and-references.md")

    assert conversion.title == "Calcium for Strong Bones"
    assert conversion.summary.startswith("Calcium builds bones and teeth")
    assert types(conversion) == ["key_points", "section", "faq", "disclaimer"]
    (points,) = blocks_of(conversion, "key_points")
    assert points["style"] == "quick_summary"
    assert points["points"][0] == "Adults 19 to 50 need 1,000 mg of calcium a day."

    body = section(conversion, "What calcium does")["body"]
    assert "<b>bones and teeth</b>" in body
    assert "<i>muscles contract</i>" in body
    assert (
        '<a href="https://ods.od.nih.gov/factsheets/Calcium-HealthProfessional/">NIH fact sheet</a>'
    ) in body
    assert "<h3>Absorption</h3>" in body

    (faq,) = blocks_of(conversion, "faq")
    assert faq["heading"] == "Frequently asked questions"
    assert faq["items"][1]["question"] == "Are calcium supplements safe with other medicines?"
    assert faq["items"][1]["answer"].endswith(
        "<ul><li>take them a few hours apart</li><li>ask your pharmacist</li></ul>"
    )

    weaver, ross, ods = conversion.references
    assert weaver["authors"] == "Weaver CM, Gordon CM, Janz KF, et al"
    assert weaver["title"].startswith("The National Osteoporosis Foundation's position")
    assert weaver["publication"] == "Osteoporos Int"
    assert (weaver["year"], weaver["doi"], weaver["pmid"]) == (
        2016,
        "10.1007/s00198-015-3440-3",
        "26856587",
    )
    assert ross["authors"] == "Ross, A. C., & Taylor, C. L."
    assert (ross["year"], ross["doi"]) == (2011, "10.17226/13050")
    assert ross["publication"] == "The National Academies Press"
    assert ods["url"] == "https://ods.od.nih.gov/factsheets/Calcium-HealthProfessional/"
    assert ods["title"] == "Calcium: Fact Sheet for Health Professionals"
    assert report.references == 3

    dropped = dict(report.dropped)
    assert dropped["A glass of milk (https://example.org/milk.jpg)"] == "image not imported"
    assert dropped["Contents"] == "table of contents"
    assert any(reason == "pasted disclaimer" for _, reason in report.dropped)


def test_html_page(disclaimer):
    conversion, report = converted("web-page.html")

    assert conversion.title == "Vitamin K and Blood Clotting"
    assert conversion.summary == (
        "Vitamin K helps blood clot and keeps bones healthy; leafy greens are the richest source."
    )
    assert types(conversion) == ["section", "section", "comparison_table", "faq", "disclaimer"]
    overview = section(conversion, "Overview")["body"]
    assert '<a href="https://www.nlm.nih.gov/">National Library of Medicine</a>' in overview
    # A link to the old site's own pages keeps its text but not the link.
    assert "our vitamin basics" in overview
    assert "/articles/vitamin-basics/" not in overview
    assert "<b>clot</b>" in overview
    assert "<h3>Fermented foods</h3>" in section(conversion, "Good food sources")["body"]

    (table,) = blocks_of(conversion, "comparison_table")
    assert table["table"]["columns"][2] == {
        "type": "numeric",
        "heading": "Amount per serving (mcg)",
    }
    (faq,) = blocks_of(conversion, "faq")
    assert faq["heading"] == "Medicines"
    assert faq["items"] == [
        {
            "question": "Can I eat greens while taking warfarin?",
            "answer": "<p>Yes, but keep the amount steady from week to week and tell your doctor "
            "before big changes.</p>",
        }
    ]
    assert [reference["title"] for reference in conversion.references][1] == (
        "Vitamin K: Fact Sheet for Health Professionals, NIH Office of Dietary Supplements"
    )
    assert conversion.references[1]["url"] == (
        "https://ods.od.nih.gov/factsheets/VitaminK-HealthProfessional/"
    )
    assert report.external_links == [("National Library of Medicine", "https://www.nlm.nih.gov/")]
    reasons = dict(report.dropped)
    assert reasons["Skip to content"] == "outside the article"
    assert reasons["By Alex Moreno"] == "page widget"
    assert reasons["2 Comments Great read!"] == "page widget"
    assert reasons["A bowl of kale (/media/greens.jpg)"] == "image not imported"
    assert "trackPageView();" not in reasons


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_converted_bodies_pass_full_block_validation(disclaimer, name):
    """Whatever the importer writes is valid block data, ready for review once checked."""
    conversion, _ = converted(name)
    body_block = ArticleBodyBlock()
    body_block.clean(body_block.to_python(conversion.body))


def test_without_a_default_disclaimer_the_report_says_to_add_one(db):
    assert Disclaimer.objects.default() is None
    conversion, report = converted("sample-b-shape.txt")

    assert "disclaimer" not in types(conversion)
    assert any("No default medical disclaimer" in warning for warning in report.warnings)


def test_overlong_text_is_cut_at_a_word_and_reported(disclaimer):
    heading = "A heading " + "that goes on " * 12 + "and on"
    data = f"# Long Headings\n\n## {heading}\n\nSome text under it.\n".encode()

    conversion, report = converted("long.md", data)

    (value,) = blocks_of(conversion, "section")
    assert len(value["heading"]) <= 120
    assert value["heading"].endswith("…")
    assert any("was longer than 120 characters" in warning for warning in report.warnings)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The file is empty."),
        (b"   \n\n  ", "The file is empty."),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("Caf\u00e9 au lait\n\nText.".encode("latin-1"), "not UTF-8 text"),
        (b"Skip to content\nclose\n", "No title"),
        (b"This first line is a whole sentence rather than a title.\nMore.", "No title"),
    ],
)
def test_unreadable_files_fail_with_a_clear_message(db, data, message):
    with pytest.raises(ImportFailed, match=message):
        read_document("broken.txt", data)


def test_utf16_with_byte_order_mark_is_read(db):
    document = read_document("utf16.txt", "Zinc basics\n\nZinc helps.".encode("utf-16"))
    assert document.title == "Zinc basics"


def test_unsupported_extension(db):
    with pytest.raises(ImportFailed, match=r"Unsupported file type “\.pdf”"):
        read_document("article.pdf", b"Title\n\nText")


@pytest.mark.parametrize(
    ("symptom", "context", "level"),
    [
        ("Tiredness", "", "see_doctor"),
        ("Chest pain: call 911", "", "emergency"),
        ("Fainting", "Call 999 if you notice any of these:", "emergency"),
        ("Black stools", "Get help the same day for:", "urgent"),
        ("A blocked nose", "Symptoms you can treat at home:", "self_care"),
        ("Severe headache, seek help immediately", "Symptoms you can treat at home:", "urgent"),
        ("Mild cough, usually harmless", "", "self_care"),
    ],
)
def test_care_levels_are_inferred_conservatively(symptom, context, level):
    assert infer_care_level(symptom, context) == level


def test_aligned_table_with_blank_corner_and_prose_with_double_spaces():
    table = [
        "                Animal foods    Fortified foods",
        "Suits vegans    No              Yes",
        "Examples        Clams, eggs     Cereals",
    ]
    assert find_table(table, 0) == (
        [
            ["", "Animal foods", "Fortified foods"],
            ["Suits vegans", "No", "Yes"],
            ["Examples", "Clams, eggs", "Cereals"],
        ],
        3,
    )
    prose = ["This is one sentence.  Here is another.", "A second line of text.  And more."]
    assert find_table(prose, 0) is None


def test_reference_with_pubmed_link_and_numbering():
    reference = parse_reference(
        "[2] Hemilä H, Chalker E. Vitamin C for preventing and treating the common cold. "
        "Cochrane Database Syst Rev. 2013;(1):CD000980. https://pubmed.ncbi.nlm.nih.gov/23440782/"
    )
    assert reference.as_fields() == {
        "authors": "Hemilä H, Chalker E",
        "title": "Vitamin C for preventing and treating the common cold",
        "publication": "Cochrane Database Syst Rev",
        "year": 2013,
        "doi": "",
        "pmid": "23440782",
        "url": "",
    }


def test_inline_answers_and_faq_sections_without_questions(disclaimer):
    data = (
        b"Dosing Questions\n\nFAQ\n\nThese answers are general.\n\n"
        b"Q: Is less than 5 mg safe? A: Usually <5 mg & with food is fine.\n"
    )
    conversion, _ = converted("inline.txt", data)

    # The FAQ's introduction keeps the heading; the questions follow under the usual one.
    assert section(conversion, "FAQ")["body"] == "<p>These answers are general.</p>"
    (faq,) = blocks_of(conversion, "faq")
    assert faq["heading"] == "Frequently asked questions"
    assert faq["items"] == [
        {
            "question": "Is less than 5 mg safe?",
            "answer": "<p>Usually &lt;5 mg &amp; with food is fine.</p>",
        }
    ]

    no_questions = b"Notes\n\nFrequently asked questions\n\nNothing here yet, check back.\n"
    conversion, _ = converted("empty-faq.txt", no_questions)
    assert blocks_of(conversion, "faq") == []
    assert section(conversion, "Frequently asked questions")["body"] == (
        "<p>Nothing here yet, check back.</p>"
    )
