"""Demo article: vitamin D. Live, signed off by the MD reviewer, review due soon."""

from ..images import alt_text
from ..refs import DISCLAIMER, Image, Nutrient

ARTICLE = {
    "slug": "vitamin-d-sunlight-food-and-supplements",
    "title": "Vitamin D: sunlight, food and supplements",
    "summary": "Vitamin D helps the body absorb calcium for strong bones. Few foods are rich in "
    "it, so many people rely on oily fish, fortified foods, sunlight or a supplement.",
    "authors": ["sam-rivera"],
    "topics": ["vitamin-d", "nutrition"],
    "tags": ["vitamins", "bones"],
    "image": "vitamin-d",
    "featured": True,
    "state": "due_soon",
    "reviewer": "reviewer",
    "body": [
        (
            "key_points",
            {
                "style": "quick_summary",
                "points": [
                    "Children and adults up to age 70 need 15 mcg (600 IU) a day; adults over "
                    "70 need 20 mcg (800 IU).",
                    "Oily fish, fortified milk and mushrooms grown under UV light are among the "
                    "richest foods.",
                    "Skin makes vitamin D in sunlight, but less in winter, with age and with "
                    "darker skin.",
                    "More is not better: very high doses raise blood calcium to harmful levels.",
                ],
            },
        ),
        (
            "section",
            {
                "heading": "What vitamin D does",
                "anchor": "",
                "body": "<p>Vitamin D lets the gut absorb calcium and keeps the calcium and "
                "phosphate in your blood at the levels bones need to stay hard. A long "
                "shortage softens the bones: rickets in children, osteomalacia in adults. "
                "Together with calcium, enough vitamin D helps older adults keep their bones "
                "strong.</p><p>It also has roles in muscles, nerves and the immune system, "
                "though trials of supplements for preventing other diseases have mostly been "
                "disappointing.</p>",
            },
        ),
        (
            "image",
            {
                "image": Image("vitamin-d-detail"),
                "alt_text": alt_text("vitamin-d-detail"),
                "decorative": False,
                "caption": "Sunlight, food and supplements all add to your vitamin D.",
                "credit": "Illustration: Health blog",
            },
        ),
        (
            "food_table",
            {
                "nutrient": Nutrient("Vitamin D"),
                "caption": "Selected food sources of vitamin D",
                "rows": [
                    {
                        "food": "Cod liver oil",
                        "preparation": "",
                        "serving": "1 tablespoon",
                        "amount": "34.0",
                        "source": "NIH Office of Dietary Supplements",
                    },
                    {
                        "food": "Trout, rainbow, farmed",
                        "preparation": "cooked",
                        "serving": "3 ounces",
                        "amount": "16.2",
                        "source": "",
                    },
                    {
                        "food": "Salmon, sockeye",
                        "preparation": "cooked",
                        "serving": "3 ounces",
                        "amount": "14.2",
                        "source": "",
                    },
                    {
                        "food": "Mushrooms, white, exposed to UV light",
                        "preparation": "raw, sliced",
                        "serving": "½ cup",
                        "amount": "9.2",
                        "source": "",
                    },
                    {
                        "food": "Milk, 2% milkfat, vitamin D fortified",
                        "preparation": "",
                        "serving": "1 cup",
                        "amount": "2.9",
                        "source": "",
                    },
                    {
                        "food": "Sardines, canned in oil",
                        "preparation": "drained",
                        "serving": "2 sardines",
                        "amount": "1.2",
                        "source": "",
                    },
                    {
                        "food": "Egg",
                        "preparation": "scrambled",
                        "serving": "1 large",
                        "amount": "1.1",
                        "source": "",
                    },
                ],
            },
        ),
        (
            "dosage",
            {
                "substance": "Vitamin D (Recommended Dietary Allowance)",
                "rows": [
                    {
                        "population": "Infants 0-12 months",
                        "amount": "10",
                        "unit": "mcg",
                        "frequency": "daily",
                        "route": "oral",
                        "note": "400 IU; an Adequate Intake",
                    },
                    {
                        "population": "Children and adults 1-70 years",
                        "amount": "15",
                        "unit": "mcg",
                        "frequency": "daily",
                        "route": "oral",
                        "note": "600 IU",
                    },
                    {
                        "population": "Adults over 70",
                        "amount": "20",
                        "unit": "mcg",
                        "frequency": "daily",
                        "route": "oral",
                        "note": "800 IU",
                    },
                    {
                        "population": "Pregnancy and breastfeeding",
                        "amount": "15",
                        "unit": "mcg",
                        "frequency": "daily",
                        "route": "oral",
                        "note": "600 IU",
                    },
                ],
                "note": "1 mcg of vitamin D is 40 IU. These amounts are from food and "
                "supplements together. The upper limit for anyone 9 or older is 100 mcg "
                "(4,000 IU) a day unless a doctor prescribes more.",
            },
        ),
        (
            "section",
            {
                "heading": "Sunlight",
                "anchor": "",
                "body": "<p>Skin makes vitamin D when ultraviolet B light reaches it. How much "
                "depends on the season, the time of day, how far you live from the equator, "
                "cloud cover, your skin color and your age, and sunscreen blocks much of it. "
                "Because sun exposure also raises the risk of skin cancer, health agencies do "
                "not advise relying on it for vitamin D.</p>",
            },
        ),
        (
            "callout",
            {
                "kind": "warning",
                "title": "Too much vitamin D is harmful",
                "body": "<p>Very high intakes, nearly always from supplements, can raise the "
                "calcium in your blood and cause nausea, vomiting, muscle weakness, confusion, "
                "thirst and kidney stones. Keep to 100 mcg (4,000 IU) a day or less unless "
                "your doctor advises otherwise.</p>",
            },
        ),
        (
            "faq",
            {
                "heading": "Questions about vitamin D",
                "items": [
                    {
                        "question": "Should I have my vitamin D level tested?",
                        "answer": "<p>There is not enough evidence that testing adults without "
                        "symptoms helps them. Testing is mostly for people with bone disease, "
                        "conditions that affect absorption or other risk factors: ask your "
                        "doctor whether it would help you.</p>",
                    },
                    {
                        "question": "Is vitamin D3 better than D2?",
                        "answer": "<p>Both raise blood levels. Most studies find D3 raises them "
                        "a little more and for longer, but either works at the recommended "
                        "amount.</p>",
                    },
                ],
            },
        ),
        ("disclaimer", {"disclaimer": DISCLAIMER}),
    ],
    "references": [
        {
            "authors": "National Institutes of Health, Office of Dietary Supplements",
            "title": "Vitamin D: Fact Sheet for Health Professionals",
            "publication": "NIH Office of Dietary Supplements",
            "url": "https://ods.od.nih.gov/factsheets/VitaminD-HealthProfessional/",
        },
        {
            "authors": "Holick MF",
            "title": "Vitamin D deficiency",
            "publication": "New England Journal of Medicine",
            "year": 2007,
            "doi": "10.1056/NEJMra070553",
            "pmid": "17634462",
        },
        {
            "authors": "Institute of Medicine",
            "title": "Dietary Reference Intakes for Calcium and Vitamin D",
            "publication": "The National Academies Press",
            "year": 2011,
            "doi": "10.17226/13050",
        },
    ],
}
