"""Reference data the demo articles choose from: nutrients, the default disclaimer, topics.

Daily Values are the FDA's (21 CFR 101.9, as listed on the NIH Office of Dietary
Supplements fact sheets), for adults and children age 4 years and older.
"""

import csv
from decimal import Decimal
from pathlib import Path

from blog import factories as blocks
from health_content.models import Disclaimer, NutrientReference, Topic

from .refs import Nutrient

ODS = "https://ods.od.nih.gov/factsheets/{}-HealthProfessional/"
#: Foods and their amount of a nutrient per serving, one row per food, in the order
#: the articles list them; amounts from the ODS fact sheets.
FOOD_SOURCES = Path(__file__).with_name("food_sources.csv")
SOURCE = "U.S. Food and Drug Administration Daily Value, via NIH Office of Dietary Supplements"
#: Tolerable upper intake levels for adults 19+ are the Food and Nutrition Board's
#: (National Academies), as tabled on the same ODS fact sheets.
UL_SOURCE = (
    "Food and Nutrition Board, National Academies: tolerable upper intake level for adults "
    "19+, via NIH Office of Dietary Supplements"
)

NUTRIENTS = [
    {
        "name": "Vitamin B12",
        "unit": "mcg",
        "daily_value": Decimal("2.4"),
        "dv_basis": "The DV for vitamin B12 is 2.4 mcg for adults and children age 4 years "
        "and older.",
        "source_url": ODS.format("VitaminB12"),
    },
    {
        "name": "Vitamin D",
        "unit": "mcg",
        "daily_value": Decimal("20"),
        "dv_basis": "The DV for vitamin D is 20 mcg (800 IU) for adults and children age 4 "
        "years and older.",
        "source_url": ODS.format("VitaminD"),
        "upper_limit": Decimal("100"),
        "upper_limit_source_url": ODS.format("VitaminD"),
    },
    {
        "name": "Vitamin C",
        "unit": "mg",
        "daily_value": Decimal("90"),
        "dv_basis": "The DV for vitamin C is 90 mg for adults and children age 4 years and older.",
        "source_url": ODS.format("VitaminC"),
        "upper_limit": Decimal("2000"),
        "upper_limit_source_url": ODS.format("VitaminC"),
    },
    {
        "name": "Folate",
        "unit": "mcg DFE",
        "daily_value": Decimal("400"),
        "dv_basis": "The DV for folate is 400 mcg dietary folate equivalents (DFE) for adults "
        "and children age 4 years and older.",
        "source_url": ODS.format("Folate"),
        "upper_limit": Decimal("1000"),
        "upper_limit_source_url": ODS.format("Folate"),
    },
    {
        "name": "Iron",
        "unit": "mg",
        "daily_value": Decimal("18"),
        "dv_basis": "The DV for iron is 18 mg for adults and children age 4 years and older.",
        "source_url": ODS.format("Iron"),
        "upper_limit": Decimal("45"),
        "upper_limit_source_url": ODS.format("Iron"),
    },
]

DISCLAIMER = {
    "name": "General medical disclaimer",
    "text": "<p>This article is general health information, not medical advice. It cannot "
    "replace a consultation with your doctor, pharmacist or another qualified health "
    "professional who knows your history. <b>If you think you may have a medical emergency, "
    "call 911 or your local emergency number now.</b></p>",
}

TOPICS = [
    ("Vitamin B12", "vitamin-b12", Topic.Kind.NUTRIENT, "Cobalamin: nerves, blood and diet."),
    ("Vitamin D", "vitamin-d", Topic.Kind.NUTRIENT, "Bones, calcium, sunlight and supplements."),
    ("Vitamin C", "vitamin-c", Topic.Kind.NUTRIENT, "Food sources, needs and the common cold."),
    ("Folate", "folate", Topic.Kind.NUTRIENT, "Folate and folic acid, before and in pregnancy."),
    ("Iron", "iron", Topic.Kind.NUTRIENT, "Iron in food and the body, and iron deficiency."),
    ("Anemia", "anemia", Topic.Kind.CONDITION, "Low hemoglobin: causes, signs and treatment."),
    ("Nerve health", "nerve-health", Topic.Kind.CONDITION, "Numbness, tingling and neuropathy."),
    ("Pregnancy", "pregnancy", Topic.Kind.GENERAL, "Nutrition before and during pregnancy."),
    ("Nutrition", "nutrition", Topic.Kind.GENERAL, "Eating well, from food first."),
]


def create_reference_data():
    """Create the nutrients, the default disclaimer and the topics; return the disclaimer."""
    for nutrient in NUTRIENTS:
        NutrientReference.objects.update_or_create(
            name=nutrient["name"],
            defaults={
                **nutrient,
                "source": SOURCE,
                "upper_limit_source": UL_SOURCE if nutrient.get("upper_limit") else "",
            },
        )
    disclaimer, _ = Disclaimer.objects.update_or_create(
        name=DISCLAIMER["name"], defaults={"text": DISCLAIMER["text"], "is_default": True}
    )
    for name, slug, kind, description in TOPICS:
        Topic.objects.update_or_create(
            slug=slug, defaults={"name": name, "kind": kind, "description": description}
        )
    return disclaimer


def food_sources(nutrient):
    """A food-table block of the foods FOOD_SOURCES lists for `nutrient` (its name)."""
    with FOOD_SOURCES.open(newline="", encoding="utf-8") as file:
        rows = [
            (row["food"], row["preparation"], row["serving"], row["amount"])
            for row in csv.DictReader(file)
            if row["nutrient"] == nutrient
        ]
    return blocks.food_table(
        Nutrient(nutrient),
        f"Selected food sources of {nutrient[0].lower()}{nutrient[1:]}",
        rows,
        source="NIH Office of Dietary Supplements",
    )


def daily_allowance(substance, unit, rows, note=""):
    """Dosage guidance for the daily amounts of `substance` taken by mouth, in `unit`.

    `rows` are (population, amount) or (population, amount, note).
    """

    def row(population, amount, row_note=""):
        return (population, amount, unit, "daily", "oral", row_note)

    return blocks.dosage(substance, [row(*values) for values in rows], note)
