"""Demo article: folic acid and pregnancy. Its page fields are in pages.toml."""

from blog import factories as blocks

from ..citations import ods_fact_sheet
from ..reference_data import food_sources
from ..refs import Article

ARTICLE = {
    "body": [
        blocks.key_points(
            [
                "Anyone who could become pregnant should take 400 mcg of folic acid a day.",
                "Start at least one month before conception and keep taking it in early pregnancy.",
                "The neural tube closes in the first weeks, often before a pregnancy is known.",
                "Some people need a higher dose: ask your doctor.",
            ]
        ),
        blocks.section(
            "Why folate matters in early pregnancy",
            "<p>Folate is a B vitamin the body needs to make DNA and to divide "
            "cells. In the first weeks of pregnancy the baby's neural tube, which becomes "
            "the brain and spinal cord, closes. Too little folate at that time raises the "
            "chance that it does not close fully, causing conditions such as spina bifida "
            "and anencephaly.</p><p><i>Folate</i> is the form found naturally in food; "
            "<i>folic acid</i> is the form added to fortified foods and used in most "
            "supplements, and the body absorbs it better.</p>",
        ),
        blocks.dosage(
            "Folic acid",
            [
                (
                    "Anyone who could become pregnant",
                    "400",
                    "mcg",
                    "once daily",
                    "oral",
                    "On top of folate from food",
                ),
                (
                    "After a pregnancy affected by a neural tube defect",
                    "4000",
                    "mcg",
                    "once daily",
                    "oral",
                    "Only on a doctor's advice, from a month before pregnancy",
                ),
            ],
            "Recommended total intakes from food and supplements are 400 mcg DFE "
            "for adults, 600 mcg DFE in pregnancy and 500 mcg DFE while breastfeeding.",
        ),
        food_sources("Folate"),
        blocks.callout(
            "see_doctor",
            "Talk to your doctor before pregnancy if",
            "<ul><li>you have had a pregnancy affected by a neural tube defect"
            "</li><li>you have diabetes or epilepsy, or take medicines that affect "
            "folate</li><li>you have had weight-loss surgery</li></ul><p>You may need a "
            "different dose.</p>",
        ),
        blocks.faq(
            "Your questions",
            [
                (
                    "Is it too late if I am already pregnant?",
                    "<p>No. Start now and keep taking it as your doctor or "
                    "midwife advises; most prenatal vitamins contain it.</p>",
                ),
                (
                    "Can I get enough from food alone?",
                    "<p>It is hard to be sure you do, which is why folic acid "
                    "from a supplement or fortified foods is advised on top of a varied "
                    "diet.</p>",
                ),
                (
                    "Can I take too much folic acid?",
                    "<p>Adults should not take more than 1,000 mcg a day from "
                    "supplements and fortified foods unless a doctor prescribes it. Large "
                    "amounts can hide the signs of vitamin B12 deficiency.</p>",
                ),
            ],
        ),
        blocks.related_articles(
            "Related articles", [Article("vitamin-b12-what-it-does-and-where-to-get-it")]
        ),
    ],
    "references": [
        ods_fact_sheet("Folate"),
        {
            "authors": "MRC Vitamin Study Research Group",
            "title": "Prevention of neural tube defects: results of the Medical Research "
            "Council Vitamin Study",
            "publication": "The Lancet",
            "year": 1991,
            "doi": "10.1016/0140-6736(91)90133-A",
            "pmid": "1677062",
        },
    ],
}
