"""Structure detection on shapes writers paste: features, not exact patterns."""

import pytest

from blog.importer.document import Heading, ListNode, Paragraph, Table
from blog.importer.features import looks_like_heading
from blog.importer.readers import read_document


def outline(name, text):
    """(title, [(kind, text), ...]) of what the reader made of `text`."""
    document = read_document(name, text.encode())
    shapes = []
    for node in document.nodes:
        if isinstance(node, Heading):
            shapes.append(("h", node.text))
        elif isinstance(node, Paragraph):
            shapes.append(("p", node.text))
        elif isinstance(node, ListNode):
            shapes.append(("list", node.texts))
        elif isinstance(node, Table):
            shapes.append(("table", node.rows))
    return document, shapes


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("Causes:", True),
        ("Who is at risk:", True),
        ("What the numbers mean:", True),
        ("TREATMENT OPTIONS", True),
        ("2.1 How it spreads", True),
        ("Step 3: Book a review", True),
        ("**Living with asthma**", True),
        ("Can you drink too much?", True),
        ("Symptoms include:", False),
        ("You may notice:", False),
        ("Side effects are usually mild and short-lived:", False),
        ("Most people recover within a week.", False),
        ("see a GP if it lasts", False),
        ("Rest. Drink fluids. Take paracetamol", False),
        ("Read more at https://www.nhs.uk/", False),
    ],
)
def test_heading_features(line, heading):
    assert looks_like_heading(line) is heading


@pytest.mark.parametrize(
    "placeholder",
    [
        "[Image: a pharmacist]",
        "hero-image.jpg",
        "(Photo by Ann Lee on Unsplash)",
        "Featured image",
        "[hero image: tablets]",
        "IMG_2034.JPG",
    ],
)
def test_a_leading_image_placeholder_is_never_the_title(placeholder):
    document, shapes = outline("a.txt", f"{placeholder}\nGout explained\n\nGout is painful.\n")
    assert document.title == "Gout explained"
    assert shapes == [("p", "Gout is painful.")]
    assert document.dropped[0].reason == "image placeholder"


def test_colon_headings_without_blank_lines_split_sections():
    text = (
        "Anaemia\nAnaemia means too few red blood cells.\nCauses:\nHeavy periods and "
        "pregnancy are common causes.\nSymptoms include:\n- tiredness\n- pale skin\n"
        "Treatment:\nIron tablets for three months.\n"
    )
    _, shapes = outline("a.txt", text)
    assert shapes == [
        ("p", "Anaemia means too few red blood cells."),
        ("h", "Causes"),
        ("p", "Heavy periods and pregnancy are common causes."),
        ("p", "Symptoms include:"),
        ("list", ["tiredness", "pale skin"]),
        ("h", "Treatment"),
        ("p", "Iron tablets for three months."),
    ]


def test_headings_inside_hard_wrapped_text():
    text = (
        "Sciatica\n\nSciatica is pain that travels from the lower back\ndown the leg. It usually "
        "gets better\nwithin four to six weeks.\nTreatment\nKeep moving and take painkillers"
        "\nif you need them.\n"
    )
    _, shapes = outline("a.txt", text)
    assert [kind for kind, _ in shapes] == ["p", "h", "p"]
    assert shapes[1] == ("h", "Treatment")


def test_debris_at_top_and_bottom_is_dropped():
    text = (
        "Skip to content\nHome > Health > Gout\nGout explained\nBy Ann Lee | 3 May 2024\n\n"
        "Gout is painful.\n\nShare on Facebook\nLeave a comment\n© 2024 Health Hub\n"
    )
    document, shapes = outline("a.txt", text)
    assert document.title == "Gout explained"
    assert shapes == [("p", "Gout is painful.")]
    assert {d.reason for d in document.dropped} == {
        "skip link",
        "breadcrumb",
        "byline or date",
        "share buttons",
        "comment widget",
        "copyright line",
    }


def test_a_pasted_table_of_contents_in_an_html_export_is_dropped():
    page = (
        '<html><body><p class="title">Gout</p><p><a href="#h.1">Causes</a></p>'
        '<p><a href="#h.2">Treatment</a></p><h1 id="h.1">Causes</h1><p>Uric acid.</p>'
        '<h1 id="h.2">Treatment</h1><p>Rest the joint.</p></body></html>'
    )
    document, shapes = outline("a.html", page)
    assert document.title == "Gout"
    assert shapes == [
        ("h", "Causes"),
        ("p", "Uric acid."),
        ("h", "Treatment"),
        ("p", "Rest the joint."),
    ]
    assert "table of contents" in {d.reason for d in document.dropped}


def test_markdown_is_read_by_a_real_parser():
    text = (
        "Gout\n====\n\nIntro with a [link][1] and `code`.\n\nCauses\n------\n\n"
        "| Food | Purines |\n|---|---|\n| Liver | High |\n\n"
        "> Quoted advice\n> on two lines.\n\n[1]: https://example.org/gout\n"
    )
    document, shapes = outline("a.md", text)
    assert document.title == "Gout"
    assert shapes == [
        ("p", "Intro with a link and code."),
        ("h", "Causes"),
        ("table", [["Food", "Purines"], ["Liver", "High"]]),
        ("p", "Quoted advice on two lines."),
    ]
    assert '<a href="https://example.org/gout">link</a>' in document.nodes[0].html
