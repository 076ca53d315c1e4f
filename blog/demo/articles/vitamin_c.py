"""Demo article: vitamin C and colds. Its page fields are in pages.toml."""

from blog import factories as blocks

from ..citations import ods_fact_sheet
from ..reference_data import food_sources
from ..refs import Article, Image

ARTICLE = {
    "body": [
        blocks.section(
            "Does vitamin C prevent colds?",
            "<p>A Cochrane review pooled trials in more than 11,000 people. Taking "
            "at least 200 mg of vitamin C a day did not make colds less frequent in the "
            "general population. In people under heavy physical stress, such as marathon "
            "runners and soldiers training in subarctic conditions, it roughly halved the "
            "risk.</p><p>Taken every day, it shortened colds slightly: by about 8% in "
            "adults and 14% in children. Starting it once symptoms had begun showed no "
            "consistent benefit.</p>",
        ),
        blocks.image(Image("vitamin-c-detail"), ""),
        blocks.section(
            "How much you need",
            "<p>Adult men need 90 mg a day and adult women 75 mg; people who "
            "smoke need 35 mg more. The upper limit for adults is 2,000 mg a day: above "
            "it, diarrhea, nausea and stomach cramps are common.</p>",
        ),
        food_sources("Vitamin C"),
        blocks.callout(
            "tip",
            "Eat some of it raw",
            "<p>Long storage and cooking reduce the vitamin C in food. Raw fruit "
            "and lightly steamed vegetables keep the most.</p>",
        ),
        blocks.faq(
            "Frequently asked questions",
            [
                (
                    "Should I take vitamin C when a cold starts?",
                    "<p>Trials that started vitamin C after symptoms began have "
                    "not shown a consistent benefit. Rest, fluids and time remain the "
                    "mainstays.</p>",
                ),
                (
                    "When does a cold need a doctor?",
                    "<p>See a doctor if you have trouble breathing, a fever that "
                    "lasts more than four days, or symptoms that last more than ten days "
                    "or get worse.</p>",
                ),
            ],
        ),
        blocks.related_articles(
            "See also", [Article("iron-deficiency-anemia-signs-causes-and-what-to-eat")]
        ),
    ],
    "references": [
        ods_fact_sheet("Vitamin C"),
        {
            "authors": "Hemilä H, Chalker E",
            "title": "Vitamin C for preventing and treating the common cold",
            "publication": "Cochrane Database of Systematic Reviews",
            "year": 2013,
            "doi": "10.1002/14651858.CD000980.pub4",
            "pmid": "23440782",
        },
    ],
}
