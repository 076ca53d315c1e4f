"""Demo article: vitamin B12. Its page fields are in pages.toml."""

from blog import factories as blocks

from ..citations import STABLER_2013, ods_fact_sheet
from ..images import illustration
from ..reference_data import daily_allowance, food_sources
from ..refs import Article

ARTICLE = {
    "body": [
        blocks.key_points(
            [
                "Adults need 2.4 mcg of vitamin B12 a day, a little more in pregnancy and "
                "while breastfeeding.",
                "Clams, liver, fish, meat, eggs and dairy foods contain B12; plant foods "
                "do not unless it has been added.",
                "Vegans need fortified foods or a supplement.",
                "Adults over 50 and people taking metformin or acid-reducing medicines may "
                "absorb less B12 from food.",
            ]
        ),
        blocks.section(
            "What vitamin B12 does",
            "<p>Vitamin B12, or cobalamin, is needed to make DNA, to build healthy "
            "red blood cells and to keep nerve cells working. Without enough of it the "
            "bone marrow turns out large, immature red cells that carry oxygen poorly "
            "(megaloblastic anemia), and nerves can be damaged over time.</p><p>The liver "
            "keeps a reserve of B12, so a shortage caused by diet alone usually takes "
            "years to show.</p>",
        ),
        illustration("b12-detail"),
        daily_allowance(
            "Vitamin B12 (Recommended Dietary Allowance)",
            "mcg",
            [
                ("Children 4-8 years", "1.2"),
                ("Children 9-13 years", "1.8"),
                ("Teens 14-18 and adults", "2.4"),
                ("Pregnancy", "2.6"),
                ("Breastfeeding", "2.8"),
            ],
            "Daily amounts from food and supplements together for healthy people. "
            "A deficiency is treated with much larger doses chosen by a doctor.",
        ),
        food_sources("Vitamin B12"),
        blocks.comparison_table(
            "Animal and fortified sources of vitamin B12",
            [
                ("text", "Feature"),
                ("text", "Animal foods"),
                ("text", "Fortified foods and supplements"),
            ],
            [
                ["Suits vegans", "No", "Yes"],
                [
                    "Form of B12",
                    "Bound to protein; stomach acid frees it",
                    "Free B12, which needs no stomach acid to be released",
                ],
                [
                    "For adults over 50",
                    "Absorbed less well with age",
                    "Advised as the main source after 50",
                ],
                [
                    "Examples",
                    "Clams, fish, meat, eggs, milk",
                    "Fortified cereals and plant milks, nutritional yeast, supplements",
                ],
            ],
        ),
        blocks.section(
            "Who is at risk of low B12",
            "<ul><li>Older adults, who make less of the stomach acid that frees "
            "B12 from food</li><li>People with pernicious anemia, an autoimmune condition "
            "in which the stomach stops making intrinsic factor, the protein needed to "
            "absorb B12</li><li>People who have had weight-loss surgery or who have "
            "Crohn's disease or celiac disease</li><li>Vegans and some vegetarians</li>"
            "<li>People who take metformin or acid-reducing medicines for a long time</li>"
            "<li>Breastfed babies of mothers who are low in B12</li></ul>",
        ),
        blocks.callout(
            "see_doctor",
            "Numbness, tingling or unusual tiredness?",
            "<p>Ask your doctor about a blood test. Low B12 is easy to treat, but "
            "nerve damage left untreated for too long may not fully recover.</p>",
        ),
        blocks.faq(
            "Frequently asked questions",
            [
                (
                    "Can I take too much vitamin B12?",
                    "<p>No upper limit has been set, because B12 has little "
                    "potential for harm at the amounts in food and usual supplements. "
                    "Tell your doctor about any supplement you take: some medicines "
                    "interact with it.</p>",
                ),
                (
                    "Do vegans need a supplement?",
                    "<p>Yes, or fortified foods eaten every day. Plant foods "
                    "contain no reliable B12 unless it has been added.</p>",
                ),
                (
                    "Are injections better than tablets?",
                    "<p>For most people tablets work. Injections are used when "
                    "the gut cannot absorb B12, as in pernicious anemia, or when levels "
                    "are very low, although high-dose tablets also work for some of these "
                    "people. Your doctor will advise.</p>",
                ),
            ],
        ),
        blocks.related_articles(
            "Related articles",
            [
                Article("iron-deficiency-anemia-signs-causes-and-what-to-eat"),
                Article("vitamin-d-sunlight-food-and-supplements"),
            ],
        ),
    ],
    "references": [
        ods_fact_sheet("Vitamin B12"),
        STABLER_2013,
    ],
}
