"""Demo article: folic acid and pregnancy. In review, waiting for the medical reviewer."""

from ..refs import DISCLAIMER, Article, Nutrient

ARTICLE = {
    "slug": "folic-acid-before-and-during-pregnancy",
    "title": "Folic acid before and during pregnancy",
    "summary": "Taking 400 mcg of folic acid every day, starting at least a month before "
    "pregnancy, lowers the risk of neural tube defects such as spina bifida.",
    "authors": ["sam-rivera", "jordan-lee"],
    "topics": ["folate", "pregnancy"],
    "tags": ["vitamins", "pregnancy"],
    "image": "folate",
    "featured": False,
    "state": "medical_review",
    "body": [
        (
            "key_points",
            {
                "style": "key_points",
                "points": [
                    "Anyone who could become pregnant should take 400 mcg of folic acid a day.",
                    "Start at least one month before conception and keep taking it in early "
                    "pregnancy.",
                    "The neural tube closes in the first weeks, often before a pregnancy is known.",
                    "Some people need a higher dose: ask your doctor.",
                ],
            },
        ),
        (
            "section",
            {
                "heading": "Why folate matters in early pregnancy",
                "anchor": "",
                "body": "<p>Folate is a B vitamin the body needs to make DNA and to divide "
                "cells. In the first weeks of pregnancy the baby's neural tube, which becomes "
                "the brain and spinal cord, closes. Too little folate at that time raises the "
                "chance that it does not close fully, causing conditions such as spina bifida "
                "and anencephaly.</p><p><i>Folate</i> is the form found naturally in food; "
                "<i>folic acid</i> is the form added to fortified foods and used in most "
                "supplements, and the body absorbs it better.</p>",
            },
        ),
        (
            "dosage",
            {
                "substance": "Folic acid",
                "rows": [
                    {
                        "population": "Anyone who could become pregnant",
                        "amount": "400",
                        "unit": "mcg",
                        "frequency": "once daily",
                        "route": "oral",
                        "note": "On top of folate from food",
                    },
                    {
                        "population": "After a pregnancy affected by a neural tube defect",
                        "amount": "4000",
                        "unit": "mcg",
                        "frequency": "once daily",
                        "route": "oral",
                        "note": "Only on a doctor's advice, from a month before pregnancy",
                    },
                ],
                "note": "Recommended total intakes from food and supplements are 400 mcg DFE "
                "for adults, 600 mcg DFE in pregnancy and 500 mcg DFE while breastfeeding.",
            },
        ),
        (
            "food_table",
            {
                "nutrient": Nutrient("Folate"),
                "caption": "Selected food sources of folate",
                "rows": [
                    {
                        "food": "Spinach",
                        "preparation": "boiled",
                        "serving": "½ cup",
                        "amount": "131",
                        "source": "NIH Office of Dietary Supplements",
                    },
                    {
                        "food": "Black-eyed peas",
                        "preparation": "boiled",
                        "serving": "½ cup",
                        "amount": "105",
                        "source": "",
                    },
                    {
                        "food": "Breakfast cereal, fortified with 25% of the DV",
                        "preparation": "",
                        "serving": "1 serving",
                        "amount": "100",
                        "source": "",
                    },
                    {
                        "food": "Asparagus",
                        "preparation": "boiled",
                        "serving": "4 spears",
                        "amount": "89",
                        "source": "",
                    },
                    {
                        "food": "Brussels sprouts, frozen",
                        "preparation": "boiled",
                        "serving": "½ cup",
                        "amount": "78",
                        "source": "",
                    },
                    {
                        "food": "Avocado",
                        "preparation": "raw, sliced",
                        "serving": "½ cup",
                        "amount": "59",
                        "source": "",
                    },
                    {
                        "food": "Broccoli, frozen",
                        "preparation": "chopped, cooked",
                        "serving": "½ cup",
                        "amount": "52",
                        "source": "",
                    },
                ],
            },
        ),
        (
            "callout",
            {
                "kind": "see_doctor",
                "title": "Talk to your doctor before pregnancy if",
                "body": "<ul><li>you have had a pregnancy affected by a neural tube defect"
                "</li><li>you have diabetes or epilepsy, or take medicines that affect "
                "folate</li><li>you have had weight-loss surgery</li></ul><p>You may need a "
                "different dose.</p>",
            },
        ),
        (
            "faq",
            {
                "heading": "Your questions",
                "items": [
                    {
                        "question": "Is it too late if I am already pregnant?",
                        "answer": "<p>No. Start now and keep taking it as your doctor or "
                        "midwife advises; most prenatal vitamins contain it.</p>",
                    },
                    {
                        "question": "Can I get enough from food alone?",
                        "answer": "<p>It is hard to be sure you do, which is why folic acid "
                        "from a supplement or fortified foods is advised on top of a varied "
                        "diet.</p>",
                    },
                    {
                        "question": "Can I take too much folic acid?",
                        "answer": "<p>Adults should not take more than 1,000 mcg a day from "
                        "supplements and fortified foods unless a doctor prescribes it. Large "
                        "amounts can hide the signs of vitamin B12 deficiency.</p>",
                    },
                ],
            },
        ),
        (
            "related_articles",
            {
                "heading": "Related articles",
                "articles": [Article("vitamin-b12-what-it-does-and-where-to-get-it")],
            },
        ),
        ("disclaimer", {"disclaimer": DISCLAIMER}),
    ],
    "references": [
        {
            "authors": "National Institutes of Health, Office of Dietary Supplements",
            "title": "Folate: Fact Sheet for Health Professionals",
            "publication": "NIH Office of Dietary Supplements",
            "url": "https://ods.od.nih.gov/factsheets/Folate-HealthProfessional/",
        },
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
