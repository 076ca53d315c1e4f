"""Demo article: iron deficiency anemia. Its page fields are in pages.toml."""

from blog import factories as blocks

from ..citations import ods_fact_sheet
from ..images import illustration
from ..reference_data import food_sources

ARTICLE = {
    "body": [
        blocks.symptom_list(
            "Signs of iron deficiency anemia",
            "Anemia from low iron usually comes on slowly, so many people get "
            "used to the symptoms. Look out for:",
            [
                (
                    "Tiredness and lack of energy",
                    "Feeling worn out even after a good night's sleep.",
                    "see_doctor",
                ),
                ("Pale skin, or pale inner eyelids", "", "see_doctor"),
                ("Breathlessness or a pounding heart during everyday activity", "", "see_doctor"),
                ("Headaches, dizziness or trouble concentrating", "", "see_doctor"),
                (
                    "Brittle nails or a craving to chew ice",
                    "Craving ice or non-food items (pica) is a classic sign.",
                    "see_doctor",
                ),
                (
                    "Black, tarry stools",
                    "This can mean bleeding in the stomach or bowel: get medical "
                    "help the same day.",
                    "urgent",
                ),
                (
                    "Chest pain, fainting, or severe breathlessness at rest",
                    "Severe anemia strains the heart. Call 911.",
                    "emergency",
                ),
            ],
            "See a doctor if you notice signs of anemia: a blood "
            "count and a ferritin test show whether low iron is the cause. Call 911 for "
            "chest pain, fainting or severe breathlessness.",
        ),
        blocks.section(
            "Why iron matters and who runs short",
            "<p>Iron is part of hemoglobin, the protein in red blood cells that "
            "carries oxygen from the lungs to the rest of the body. When the body's iron "
            "stores run out, it makes fewer, smaller red cells and tissues get less "
            "oxygen.</p><p>Those most likely to run short are:</p><ul><li>women with heavy "
            "menstrual periods</li><li>pregnant women</li><li>infants and young children, "
            "especially those born early</li><li>people who give blood often</li><li>people "
            "with cancer, heart failure or gut conditions such as celiac disease, or who "
            "lose blood from the gut</li></ul>",
        ),
        illustration("iron-detail"),
        food_sources("Iron"),
        blocks.comparison_table(
            "Heme and non-heme iron compared",
            [("text", "Feature"), ("text", "Heme iron"), ("text", "Non-heme iron")],
            [
                [
                    "Found in",
                    "Meat, poultry and seafood",
                    "Plant foods and fortified foods, and also meat",
                ],
                [
                    "How well it is absorbed",
                    "Better absorbed",
                    "Less well absorbed; depends on the rest of the meal",
                ],
                [
                    "Absorbed better with",
                    "—",
                    "Vitamin C-rich foods or meat in the same meal",
                ],
                [
                    "Absorbed less well with",
                    "Calcium",
                    "Tea, coffee, calcium, and phytates in whole grains and beans",
                ],
            ],
        ),
        blocks.callout(
            "emergency",
            "Keep iron supplements away from children",
            "<p>An overdose of iron tablets can poison a young child. Store "
            "supplements out of reach in child-resistant containers. If a child swallows "
            "any, call Poison Control at 1-800-222-1222 at once, or 911 if the child is "
            "drowsy, vomiting or has trouble breathing.</p>",
        ),
        blocks.section(
            "Treatment",
            "<p>Do not start iron tablets without advice: your doctor first needs "
            "to find out why you are low, because slow bleeding from the gut can be the "
            "cause. Treatment is usually iron tablets for several months to refill the "
            "body's stores, with blood tests to check progress. Iron tablets can cause "
            "constipation, nausea and dark stools.</p>",
        ),
    ],
    "references": [
        ods_fact_sheet("Iron"),
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
