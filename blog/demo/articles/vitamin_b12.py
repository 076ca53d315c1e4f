"""Demo article: vitamin B12. Live, signed off by the dietitian reviewer."""

from ..images import alt_text
from ..refs import DISCLAIMER, Article, Image, Nutrient

ARTICLE = {
    "slug": "vitamin-b12-what-it-does-and-where-to-get-it",
    "title": "Vitamin B12: what it does and where to get it",
    "summary": "Vitamin B12 keeps nerves and red blood cells healthy. Most adults need 2.4 "
    "micrograms a day, from animal foods, fortified foods or a supplement.",
    "authors": ["sam-rivera"],
    "topics": ["vitamin-b12", "nutrition", "nerve-health"],
    "tags": ["vitamins", "vegan"],
    "image": "b12",
    "featured": True,
    "state": "live",
    "reviewer": "dietitian",
    "body": [
        (
            "key_points",
            {
                "style": "key_points",
                "points": [
                    "Adults need 2.4 mcg of vitamin B12 a day, a little more in pregnancy and "
                    "while breastfeeding.",
                    "Clams, liver, fish, meat, eggs and dairy foods contain B12; plant foods "
                    "do not unless it has been added.",
                    "Vegans need fortified foods or a supplement.",
                    "Adults over 50 and people taking metformin or acid-reducing medicines may "
                    "absorb less B12 from food.",
                ],
            },
        ),
        (
            "section",
            {
                "heading": "What vitamin B12 does",
                "anchor": "",
                "body": "<p>Vitamin B12, or cobalamin, is needed to make DNA, to build healthy "
                "red blood cells and to keep nerve cells working. Without enough of it the "
                "bone marrow turns out large, immature red cells that carry oxygen poorly "
                "(megaloblastic anemia), and nerves can be damaged over time.</p><p>The liver "
                "keeps a reserve of B12, so a shortage caused by diet alone usually takes "
                "years to show.</p>",
            },
        ),
        (
            "image",
            {
                "image": Image("b12-detail"),
                "alt_text": alt_text("b12-detail"),
                "decorative": False,
                "caption": "",
                "credit": "Illustration: Health blog",
            },
        ),
        (
            "dosage",
            {
                "substance": "Vitamin B12 (Recommended Dietary Allowance)",
                "rows": [
                    {
                        "population": "Children 4-8 years",
                        "amount": "1.2",
                        "unit": "mcg",
                        "frequency": "daily",
                        "route": "oral",
                        "note": "",
                    },
                    {
                        "population": "Children 9-13 years",
                        "amount": "1.8",
                        "unit": "mcg",
                        "frequency": "daily",
                        "route": "oral",
                        "note": "",
                    },
                    {
                        "population": "Teens 14-18 and adults",
                        "amount": "2.4",
                        "unit": "mcg",
                        "frequency": "daily",
                        "route": "oral",
                        "note": "",
                    },
                    {
                        "population": "Pregnancy",
                        "amount": "2.6",
                        "unit": "mcg",
                        "frequency": "daily",
                        "route": "oral",
                        "note": "",
                    },
                    {
                        "population": "Breastfeeding",
                        "amount": "2.8",
                        "unit": "mcg",
                        "frequency": "daily",
                        "route": "oral",
                        "note": "",
                    },
                ],
                "note": "Daily amounts from food and supplements together for healthy people. "
                "A deficiency is treated with much larger doses chosen by a doctor.",
            },
        ),
        (
            "food_table",
            {
                "nutrient": Nutrient("Vitamin B12"),
                "caption": "Selected food sources of vitamin B12",
                "rows": [
                    {
                        "food": "Beef liver",
                        "preparation": "pan fried",
                        "serving": "3 ounces",
                        "amount": "70.7",
                        "source": "NIH Office of Dietary Supplements",
                    },
                    {
                        "food": "Clams",
                        "preparation": "cooked",
                        "serving": "3 ounces",
                        "amount": "17",
                        "source": "",
                    },
                    {
                        "food": "Salmon, Atlantic",
                        "preparation": "cooked",
                        "serving": "3 ounces",
                        "amount": "2.6",
                        "source": "",
                    },
                    {
                        "food": "Tuna, light, canned in water",
                        "preparation": "",
                        "serving": "3 ounces",
                        "amount": "2.5",
                        "source": "",
                    },
                    {
                        "food": "Milk, 2% milkfat",
                        "preparation": "",
                        "serving": "1 cup",
                        "amount": "1.3",
                        "source": "",
                    },
                    {
                        "food": "Breakfast cereal, fortified with 25% of the DV for B12",
                        "preparation": "",
                        "serving": "1 serving",
                        "amount": "0.6",
                        "source": "",
                    },
                    {
                        "food": "Egg, whole",
                        "preparation": "hard-boiled",
                        "serving": "1 large",
                        "amount": "0.5",
                        "source": "",
                    },
                ],
            },
        ),
        (
            "comparison_table",
            {
                "caption": "Animal and fortified sources of vitamin B12",
                "table": {
                    "columns": [
                        {"type": "text", "heading": "Feature"},
                        {"type": "text", "heading": "Animal foods"},
                        {"type": "text", "heading": "Fortified foods and supplements"},
                    ],
                    "rows": [
                        {"values": ["Suits vegans", "No", "Yes"]},
                        {
                            "values": [
                                "Form of B12",
                                "Bound to protein; stomach acid frees it",
                                "Free B12, which needs no stomach acid to be released",
                            ]
                        },
                        {
                            "values": [
                                "For adults over 50",
                                "Absorbed less well with age",
                                "Advised as the main source after 50",
                            ]
                        },
                        {
                            "values": [
                                "Examples",
                                "Clams, fish, meat, eggs, milk",
                                "Fortified cereals and plant milks, nutritional yeast, supplements",
                            ]
                        },
                    ],
                    "caption": "",
                },
            },
        ),
        (
            "section",
            {
                "heading": "Who is at risk of low B12",
                "anchor": "",
                "body": "<ul><li>Older adults, who make less of the stomach acid that frees "
                "B12 from food</li><li>People with pernicious anemia, an autoimmune condition "
                "in which the stomach stops making intrinsic factor, the protein needed to "
                "absorb B12</li><li>People who have had weight-loss surgery or who have "
                "Crohn's disease or celiac disease</li><li>Vegans and some vegetarians</li>"
                "<li>People who take metformin or acid-reducing medicines for a long time</li>"
                "<li>Breastfed babies of mothers who are low in B12</li></ul>",
            },
        ),
        (
            "callout",
            {
                "kind": "see_doctor",
                "title": "Numbness, tingling or unusual tiredness?",
                "body": "<p>Ask your doctor about a blood test. Low B12 is easy to treat, but "
                "nerve damage left untreated for too long may not fully recover.</p>",
            },
        ),
        (
            "faq",
            {
                "heading": "Frequently asked questions",
                "items": [
                    {
                        "question": "Can I take too much vitamin B12?",
                        "answer": "<p>No upper limit has been set, because B12 has little "
                        "potential for harm at the amounts in food and usual supplements. "
                        "Tell your doctor about any supplement you take: some medicines "
                        "interact with it.</p>",
                    },
                    {
                        "question": "Do vegans need a supplement?",
                        "answer": "<p>Yes, or fortified foods eaten every day. Plant foods "
                        "contain no reliable B12 unless it has been added.</p>",
                    },
                    {
                        "question": "Are injections better than tablets?",
                        "answer": "<p>For most people tablets work. Injections are used when "
                        "the gut cannot absorb B12, as in pernicious anemia, or when levels "
                        "are very low, although high-dose tablets also work for some of these "
                        "people. Your doctor will advise.</p>",
                    },
                ],
            },
        ),
        (
            "related_articles",
            {
                "heading": "Related articles",
                "articles": [
                    Article("iron-deficiency-anemia-signs-causes-and-what-to-eat"),
                    Article("vitamin-d-sunlight-food-and-supplements"),
                ],
            },
        ),
        ("disclaimer", {"disclaimer": DISCLAIMER}),
    ],
    "references": [
        {
            "authors": "National Institutes of Health, Office of Dietary Supplements",
            "title": "Vitamin B12: Fact Sheet for Health Professionals",
            "publication": "NIH Office of Dietary Supplements",
            "url": "https://ods.od.nih.gov/factsheets/VitaminB12-HealthProfessional/",
        },
        {
            "authors": "Stabler SP",
            "title": "Vitamin B12 deficiency",
            "publication": "New England Journal of Medicine",
            "year": 2013,
            "doi": "10.1056/NEJMcp1113996",
            "pmid": "23301732",
        },
    ],
}
