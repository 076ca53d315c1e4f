"""Demo article: vitamin D. Its page fields are in pages.toml."""

from blog import factories as blocks

from ..citations import ods_fact_sheet
from ..images import illustration
from ..reference_data import daily_allowance, food_sources

ARTICLE = {
    "body": [
        blocks.key_points(
            [
                "Children and adults up to age 70 need 15 mcg (600 IU) a day; adults over "
                "70 need 20 mcg (800 IU).",
                "Oily fish, fortified milk and mushrooms grown under UV light are among the "
                "richest foods.",
                "Skin makes vitamin D in sunlight, but less in winter, with age and with "
                "darker skin.",
                "More is not better: very high doses raise blood calcium to harmful levels.",
            ],
            style="quick_summary",
        ),
        blocks.section(
            "What vitamin D does",
            "<p>Vitamin D lets the gut absorb calcium and keeps the calcium and "
            "phosphate in your blood at the levels bones need to stay hard. A long "
            "shortage softens the bones: rickets in children, osteomalacia in adults. "
            "Together with calcium, enough vitamin D helps older adults keep their bones "
            "strong.</p><p>It also has roles in muscles, nerves and the immune system, "
            "though trials of supplements for preventing other diseases have mostly been "
            "disappointing.</p>",
        ),
        illustration(
            "vitamin-d-detail", caption="Sunlight, food and supplements all add to your vitamin D."
        ),
        food_sources("Vitamin D"),
        daily_allowance(
            "Vitamin D (Recommended Dietary Allowance)",
            "mcg",
            [
                ("Infants 0-12 months", "10", "400 IU; an Adequate Intake"),
                ("Children and adults 1-70 years", "15", "600 IU"),
                ("Adults over 70", "20", "800 IU"),
                ("Pregnancy and breastfeeding", "15", "600 IU"),
            ],
            "1 mcg of vitamin D is 40 IU. These amounts are from food and "
            "supplements together. The upper limit for anyone 9 or older is 100 mcg "
            "(4,000 IU) a day unless a doctor prescribes more.",
        ),
        blocks.section(
            "Sunlight",
            "<p>Skin makes vitamin D when ultraviolet B light reaches it. How much "
            "depends on the season, the time of day, how far you live from the equator, "
            "cloud cover, your skin color and your age, and sunscreen blocks much of it. "
            "Because sun exposure also raises the risk of skin cancer, health agencies do "
            "not advise relying on it for vitamin D.</p>",
        ),
        blocks.callout(
            "warning",
            "Too much vitamin D is harmful",
            "<p>Very high intakes, nearly always from supplements, can raise the "
            "calcium in your blood and cause nausea, vomiting, muscle weakness, confusion, "
            "thirst and kidney stones. Keep to 100 mcg (4,000 IU) a day or less unless "
            "your doctor advises otherwise.</p>",
        ),
        blocks.faq(
            "Questions about vitamin D",
            [
                (
                    "Should I have my vitamin D level tested?",
                    "<p>There is not enough evidence that testing adults without "
                    "symptoms helps them. Testing is mostly for people with bone disease, "
                    "conditions that affect absorption or other risk factors: ask your "
                    "doctor whether it would help you.</p>",
                ),
                (
                    "Is vitamin D3 better than D2?",
                    "<p>Both raise blood levels. Most studies find D3 raises them "
                    "a little more and for longer, but either works at the recommended "
                    "amount.</p>",
                ),
            ],
        ),
    ],
    "references": [
        ods_fact_sheet("Vitamin D"),
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
