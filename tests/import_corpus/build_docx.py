"""Build the corpus's Word documents from the outlines below: ``python build_docx.py``.

The .docx files are committed (each a few KB); this script is how they were made,
so a corpus article can be changed and rebuilt. Word's own structure is used as
writers' documents have it: the Title style, Heading 1/2 styles, list styles,
tables, hyperlinks and inline pictures (with or without alt text).
"""

import io
import sys
from pathlib import Path

import docx
from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches
from PIL import Image

HERE = Path(__file__).parent

# Each outline is a list of (kind, value). Kinds: title, h1, h2, p (text, or a list
# of runs: str, ("b", text), ("link", text, url)), bullets, numbers, table (rows),
# image (alt text or None), bold_heading (a bold normal paragraph), pagebreak.
OUTLINES = {
    "tuning/docx_type2_diabetes.docx": [
        ("title", "Type 2 diabetes: the first months after diagnosis"),
        (
            "p",
            "Type 2 diabetes means the body does not respond well to insulin or does not "
            "make enough of it, so blood sugar rises. Many people manage it well with "
            "lifestyle changes and medicine.",
        ),
        ("h1", "Checks you will be offered"),
        ("p", "Regular checks catch problems early:"),
        (
            "bullets",
            [
                "An HbA1c blood test every three to six months",
                "A yearly foot check",
                "Yearly eye screening",
            ],
        ),
        ("image", "Diagram of a foot check with a monofilament"),
        ("h1", "Targets"),
        (
            "table",
            [
                ["Measure", "Usual target"],
                ["HbA1c", "48 mmol/mol"],
                ["Blood pressure", "Below 140/90 mmHg"],
            ],
        ),
        ("h1", "Living well"),
        (
            "p",
            [
                "Losing weight, if you are overweight, can put diabetes into remission. ",
                ("link", "Diabetes UK", "https://www.diabetes.org.uk/"),
                " has free courses on eating well.",
            ],
        ),
        ("h1", "References"),
        (
            "bullets",
            [
                "Davies MJ, et al. Management of hyperglycaemia in type 2 diabetes. "
                "Diabetologia. 2022;65(12):1925-1966.",
                "NICE. Type 2 diabetes in adults: management (NG28). 2022.",
            ],
        ),
    ],
    "tuning/docx_gdocs_anxiety.docx": [
        ("title", "Generalised anxiety: self-help and treatment"),
        (
            "p",
            "Everyone feels anxious sometimes, but generalised anxiety disorder (GAD) means "
            "worrying most days about many different things, for six months or more.",
        ),
        ("h2", "How it can feel"),
        ("p", "People with GAD often describe:"),
        (
            "bullets",
            [
                "Restlessness or feeling on edge",
                "Trouble concentrating",
                "Poor sleep and tiredness",
            ],
        ),
        ("bold_heading", "Self-help"),
        (
            "p",
            "Regular exercise, cutting down on caffeine and alcohol, and self-help courses "
            "based on cognitive behavioural therapy can all reduce anxiety.",
        ),
        ("h2", "Treatment"),
        (
            "p",
            "Talking therapies such as CBT are usually tried first. Some people are also "
            "offered an antidepressant called an SSRI.",
        ),
        ("h2", "Sources"),
        (
            "numbers",
            [
                "NICE. Generalised anxiety disorder and panic disorder in adults (CG113). 2020.",
                "Mind. Anxiety and panic attacks. 2021.",
            ],
        ),
    ],
    "held_out/docx_hay_fever.docx": [
        ("title", "Hay fever: easing the symptoms"),
        ("image", None),
        (
            "p",
            "Hay fever is an allergic reaction to pollen, usually when it is released by "
            "grasses, trees and weeds between late March and September. It is very common "
            "and tends to run in families with asthma or eczema.",
        ),
        ("h1", "Symptoms"),
        ("p", "Typical symptoms include:"),
        (
            "bullets",
            [
                "Sneezing and a runny or blocked nose",
                "Itchy, red or watery eyes",
                "An itchy throat, mouth, nose or ears",
            ],
        ),
        ("h1", "Reducing exposure to pollen"),
        ("p", "There is no cure, but these steps lower how much pollen reaches you:"),
        (
            "numbers",
            [
                "Put petroleum jelly around your nostrils.",
                "Wear wraparound sunglasses outdoors.",
                "Shower and change clothes after being outside.",
            ],
        ),
        ("h1", "Medicines that help"),
        (
            "table",
            [
                ["Medicine", "What it does", "Where to get it"],
                ["Antihistamine tablets", "Reduce sneezing and itching", "Pharmacy"],
                ["Steroid nasal sprays", "Calm swelling in the nose", "Pharmacy or GP"],
                ["Eye drops", "Soothe itchy eyes", "Pharmacy"],
            ],
        ),
        (
            "p",
            [
                "A pharmacist can help you choose; see the ",
                (
                    "link",
                    "pollen forecast",
                    "https://www.metoffice.gov.uk/weather/warnings-and-advice/seasonal-advice/pollen-forecast",
                ),
                " to plan ahead.",
            ],
        ),
        ("h1", "References"),
        (
            "numbers",
            [
                "Bousquet J, et al. Allergic rhinitis. Nat Rev Dis Primers. 2020;6(1):95.",
                "NHS. Hay fever. 2022. https://www.nhs.uk/conditions/hay-fever/",
            ],
        ),
    ],
}


def _png(color=(180, 200, 220)):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), color).save(buffer, format="PNG")
    buffer.seek(0)
    return buffer


def _hyperlink(paragraph, text, url):
    part = paragraph.part
    rel_id = part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    properties.append(style)
    run.append(properties)
    text_element = OxmlElement("w:t")
    text_element.text = text
    text_element.set(qn("xml:space"), "preserve")
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def _runs(paragraph, value):
    for run in [value] if isinstance(value, str) else value:
        if isinstance(run, str):
            paragraph.add_run(run)
        elif run[0] == "b":
            paragraph.add_run(run[1]).bold = True
        else:
            _hyperlink(paragraph, run[1], run[2])


def build(outline):
    document = docx.Document()
    for kind, value in outline:
        if kind == "title":
            document.add_heading(value, 0)
        elif kind in ("h1", "h2"):
            document.add_heading(value, int(kind[1]))
        elif kind == "p":
            _runs(document.add_paragraph(), value)
        elif kind == "bold_heading":
            document.add_paragraph().add_run(value).bold = True
        elif kind in ("bullets", "numbers"):
            style = "List Bullet" if kind == "bullets" else "List Number"
            for item in value:
                document.add_paragraph(item, style=style)
        elif kind == "table":
            table = document.add_table(rows=len(value), cols=len(value[0]))
            table.style = "Table Grid"
            for row, cells in zip(table.rows, value, strict=True):
                for cell, text in zip(row.cells, cells, strict=True):
                    cell.text = text
        elif kind == "image":
            shape = document.add_picture(_png(), width=Inches(1))
            shape._inline.docPr.set("descr", value or "")
        elif kind == "pagebreak":
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _drop_template_extras(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _drop_template_extras(document):
    """Leave out python-docx's template parts Word does not need (they are 90% of the size)."""
    for rels in (document.part.rels, document.part.package.rels):
        for rel_id, rel in list(rels.items()):
            if rel.reltype.endswith(("/stylesWithEffects", "/thumbnail")):
                del rels[rel_id]


def main(names):
    for name, outline in OUTLINES.items():
        if names and name not in names:
            continue
        (HERE / name).write_bytes(build(outline))
        print(f"wrote {name}")


if __name__ == "__main__":
    main(sys.argv[1:])
