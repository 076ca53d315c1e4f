"""Demo article: iron deficiency anemia. Live, but its medical review is overdue."""

from ..images import alt_text
from ..refs import DISCLAIMER, Image, Nutrient

ARTICLE = {
    "slug": "iron-deficiency-anemia-signs-causes-and-what-to-eat",
    "title": "Iron deficiency anemia: signs, causes and what to eat",
    "summary": "Iron deficiency is the most common cause of anemia. Learn the signs, who is "
    "most at risk, which foods provide iron and when to see a doctor.",
    "authors": ["sam-rivera"],
    "topics": ["iron", "anemia", "nutrition"],
    "tags": ["minerals", "blood"],
    "image": "iron",
    "featured": False,
    "state": "overdue",
    "reviewer": "reviewer",
    "body": [
        (
            "symptom_list",
            {
                "heading": "Signs of iron deficiency anemia",
                "intro": "Anemia from low iron usually comes on slowly, so many people get "
                "used to the symptoms. Look out for:",
                "items": [
                    {
                        "symptom": "Tiredness and lack of energy",
                        "detail": "Feeling worn out even after a good night's sleep.",
                        "care_level": "see_doctor",
                    },
                    {
                        "symptom": "Pale skin, or pale inner eyelids",
                        "detail": "",
                        "care_level": "see_doctor",
                    },
                    {
                        "symptom": "Breathlessness or a pounding heart during everyday activity",
                        "detail": "",
                        "care_level": "see_doctor",
                    },
                    {
                        "symptom": "Headaches, dizziness or trouble concentrating",
                        "detail": "",
                        "care_level": "see_doctor",
                    },
                    {
                        "symptom": "Brittle nails or a craving to chew ice",
                        "detail": "Craving ice or non-food items (pica) is a classic sign.",
                        "care_level": "see_doctor",
                    },
                    {
                        "symptom": "Black, tarry stools",
                        "detail": "This can mean bleeding in the stomach or bowel: get medical "
                        "help the same day.",
                        "care_level": "urgent",
                    },
                    {
                        "symptom": "Chest pain, fainting, or severe breathlessness at rest",
                        "detail": "Severe anemia strains the heart. Call 911.",
                        "care_level": "emergency",
                    },
                ],
                "when_to_get_help": "See a doctor if you notice signs of anemia: a blood "
                "count and a ferritin test show whether low iron is the cause. Call 911 for "
                "chest pain, fainting or severe breathlessness.",
            },
        ),
        (
            "section",
            {
                "heading": "Why iron matters and who runs short",
                "anchor": "",
                "body": "<p>Iron is part of hemoglobin, the protein in red blood cells that "
                "carries oxygen from the lungs to the rest of the body. When the body's iron "
                "stores run out, it makes fewer, smaller red cells and tissues get less "
                "oxygen.</p><p>Those most likely to run short are:</p><ul><li>women with heavy "
                "menstrual periods</li><li>pregnant women</li><li>infants and young children, "
                "especially those born early</li><li>people who give blood often</li><li>people "
                "with cancer, heart failure or gut conditions such as celiac disease, or who "
                "lose blood from the gut</li></ul>",
            },
        ),
        (
            "image",
            {
                "image": Image("iron-detail"),
                "alt_text": alt_text("iron-detail"),
                "decorative": False,
                "caption": "",
                "credit": "Illustration: Health blog",
            },
        ),
        (
            "food_table",
            {
                "nutrient": Nutrient("Iron"),
                "caption": "Selected food sources of iron",
                "rows": [
                    {
                        "food": "Breakfast cereal, fortified with 100% of the DV for iron",
                        "preparation": "",
                        "serving": "1 serving",
                        "amount": "18",
                        "source": "NIH Office of Dietary Supplements",
                    },
                    {
                        "food": "Oysters, eastern",
                        "preparation": "cooked with moist heat",
                        "serving": "3 ounces",
                        "amount": "8",
                        "source": "",
                    },
                    {
                        "food": "White beans, canned",
                        "preparation": "",
                        "serving": "1 cup",
                        "amount": "8",
                        "source": "",
                    },
                    {
                        "food": "Lentils",
                        "preparation": "boiled and drained",
                        "serving": "½ cup",
                        "amount": "3",
                        "source": "",
                    },
                    {
                        "food": "Spinach",
                        "preparation": "boiled and drained",
                        "serving": "½ cup",
                        "amount": "3",
                        "source": "",
                    },
                    {
                        "food": "Tofu, firm",
                        "preparation": "",
                        "serving": "½ cup",
                        "amount": "3",
                        "source": "",
                    },
                    {
                        "food": "Chickpeas",
                        "preparation": "boiled and drained",
                        "serving": "½ cup",
                        "amount": "2",
                        "source": "",
                    },
                ],
            },
        ),
        (
            "comparison_table",
            {
                "caption": "Heme and non-heme iron compared",
                "table": {
                    "columns": [
                        {"type": "text", "heading": "Feature"},
                        {"type": "text", "heading": "Heme iron"},
                        {"type": "text", "heading": "Non-heme iron"},
                    ],
                    "rows": [
                        {
                            "values": [
                                "Found in",
                                "Meat, poultry and seafood",
                                "Plant foods and fortified foods, and also meat",
                            ]
                        },
                        {
                            "values": [
                                "How well it is absorbed",
                                "Better absorbed",
                                "Less well absorbed; depends on the rest of the meal",
                            ]
                        },
                        {
                            "values": [
                                "Absorbed better with",
                                "—",
                                "Vitamin C-rich foods or meat in the same meal",
                            ]
                        },
                        {
                            "values": [
                                "Absorbed less well with",
                                "Calcium",
                                "Tea, coffee, calcium, and phytates in whole grains and beans",
                            ]
                        },
                    ],
                    "caption": "",
                },
            },
        ),
        (
            "callout",
            {
                "kind": "emergency",
                "title": "Keep iron supplements away from children",
                "body": "<p>An overdose of iron tablets can poison a young child. Store "
                "supplements out of reach in child-resistant containers. If a child swallows "
                "any, call Poison Control at 1-800-222-1222 at once, or 911 if the child is "
                "drowsy, vomiting or has trouble breathing.</p>",
            },
        ),
        (
            "section",
            {
                "heading": "Treatment",
                "anchor": "",
                "body": "<p>Do not start iron tablets without advice: your doctor first needs "
                "to find out why you are low, because slow bleeding from the gut can be the "
                "cause. Treatment is usually iron tablets for several months to refill the "
                "body's stores, with blood tests to check progress. Iron tablets can cause "
                "constipation, nausea and dark stools.</p>",
            },
        ),
        ("disclaimer", {"disclaimer": DISCLAIMER}),
    ],
    "references": [
        {
            "authors": "National Institutes of Health, Office of Dietary Supplements",
            "title": "Iron: Fact Sheet for Health Professionals",
            "publication": "NIH Office of Dietary Supplements",
            "url": "https://ods.od.nih.gov/factsheets/Iron-HealthProfessional/",
        },
        {
            "authors": "Camaschella C",
            "title": "Iron-deficiency anemia",
            "publication": "New England Journal of Medicine",
            "year": 2015,
            "doi": "10.1056/NEJMra1401038",
            "pmid": "25946282",
        },
    ],
}
