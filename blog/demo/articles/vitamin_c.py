"""Demo article: vitamin C and colds. Submitted, waiting for editorial review."""

from ..refs import DISCLAIMER, Article, Image, Nutrient

ARTICLE = {
    "slug": "vitamin-c-and-colds-what-the-evidence-says",
    "title": "Vitamin C and colds: what the evidence says",
    "summary": "Taking vitamin C every day does not stop most people catching colds, though "
    "it may shorten them a little. Food easily provides what adults need.",
    "authors": ["sam-rivera"],
    "topics": ["vitamin-c", "nutrition"],
    "tags": ["vitamins", "colds"],
    "image": "vitamin-c",
    "featured": False,
    "state": "editorial_review",
    "body": [
        (
            "section",
            {
                "heading": "Does vitamin C prevent colds?",
                "anchor": "",
                "body": "<p>A Cochrane review pooled trials in more than 11,000 people. Taking "
                "at least 200 mg of vitamin C a day did not make colds less frequent in the "
                "general population. In people under heavy physical stress, such as marathon "
                "runners and soldiers training in subarctic conditions, it roughly halved the "
                "risk.</p><p>Taken every day, it shortened colds slightly: by about 8% in "
                "adults and 14% in children. Starting it once symptoms had begun showed no "
                "consistent benefit.</p>",
            },
        ),
        (
            "image",
            {
                "image": Image("vitamin-c-detail"),
                "alt_text": "",
                "decorative": True,
                "caption": "",
                "credit": "",
            },
        ),
        (
            "section",
            {
                "heading": "How much you need",
                "anchor": "",
                "body": "<p>Adult men need 90 mg a day and adult women 75 mg; people who "
                "smoke need 35 mg more. The upper limit for adults is 2,000 mg a day: above "
                "it, diarrhea, nausea and stomach cramps are common.</p>",
            },
        ),
        (
            "food_table",
            {
                "nutrient": Nutrient("Vitamin C"),
                "caption": "Selected food sources of vitamin C",
                "rows": [
                    {
                        "food": "Red pepper, sweet",
                        "preparation": "raw",
                        "serving": "½ cup",
                        "amount": "95",
                        "source": "NIH Office of Dietary Supplements",
                    },
                    {
                        "food": "Orange juice",
                        "preparation": "",
                        "serving": "¾ cup",
                        "amount": "93",
                        "source": "",
                    },
                    {
                        "food": "Orange",
                        "preparation": "",
                        "serving": "1 medium",
                        "amount": "70",
                        "source": "",
                    },
                    {
                        "food": "Kiwifruit",
                        "preparation": "",
                        "serving": "1 medium",
                        "amount": "64",
                        "source": "",
                    },
                    {
                        "food": "Broccoli",
                        "preparation": "cooked",
                        "serving": "½ cup",
                        "amount": "51",
                        "source": "",
                    },
                    {
                        "food": "Strawberries",
                        "preparation": "fresh, sliced",
                        "serving": "½ cup",
                        "amount": "49",
                        "source": "",
                    },
                    {
                        "food": "Brussels sprouts",
                        "preparation": "cooked",
                        "serving": "½ cup",
                        "amount": "48",
                        "source": "",
                    },
                ],
            },
        ),
        (
            "callout",
            {
                "kind": "tip",
                "title": "Eat some of it raw",
                "body": "<p>Long storage and cooking reduce the vitamin C in food. Raw fruit "
                "and lightly steamed vegetables keep the most.</p>",
            },
        ),
        (
            "faq",
            {
                "heading": "Frequently asked questions",
                "items": [
                    {
                        "question": "Should I take vitamin C when a cold starts?",
                        "answer": "<p>Trials that started vitamin C after symptoms began have "
                        "not shown a consistent benefit. Rest, fluids and time remain the "
                        "mainstays.</p>",
                    },
                    {
                        "question": "When does a cold need a doctor?",
                        "answer": "<p>See a doctor if you have trouble breathing, a fever that "
                        "lasts more than four days, or symptoms that last more than ten days "
                        "or get worse.</p>",
                    },
                ],
            },
        ),
        (
            "related_articles",
            {
                "heading": "See also",
                "articles": [Article("iron-deficiency-anemia-signs-causes-and-what-to-eat")],
            },
        ),
        ("disclaimer", {"disclaimer": DISCLAIMER}),
    ],
    "references": [
        {
            "authors": "National Institutes of Health, Office of Dietary Supplements",
            "title": "Vitamin C: Fact Sheet for Health Professionals",
            "publication": "NIH Office of Dietary Supplements",
            "url": "https://ods.od.nih.gov/factsheets/VitaminC-HealthProfessional/",
        },
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
