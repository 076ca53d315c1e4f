"""``dose-above-upper-limit``: a dose above the nutrient's tolerable upper intake level.

Reads doses in dosage blocks (amount and unit per row) and in the text
("2000 mg of vitamin C daily"), and compares them with the UL recorded on the
nutrient's `NutrientReference` (with its source). Nutrients with no UL set,
such as vitamin B12, are never flagged.
"""

import re
from decimal import Decimal, InvalidOperation

from django.apps import apps

from .base import BLOCKING, Finding, excerpt

CHECK_ID = "dose-above-upper-limit"

#: Factors to a nutrient's own unit. IU converts only for vitamin D (40 IU = 1 mcg).
UNIT_FACTORS = {
    ("g", "mg"): Decimal(1000),
    ("mg", "mcg"): Decimal(1000),
    ("g", "mcg"): Decimal(1000000),
    ("mcg", "mg"): Decimal("0.001"),
}
UNITS = {"mcg": "mcg", "µg": "mcg", "μg": "mcg", "ug": "mcg", "mg": "mg", "g": "g", "iu": "iu"}
DOSE = re.compile(
    r"(?P<amount>\d[\d,]*(?:\.\d+)?)(?:\s*(?:-|\u2013|to)\s*(?P<high>\d[\d,]*(?:\.\d+)?))?"
    r"\s*(?P<unit>mcg|µg|μg|ug|mg|g|iu)\b",
    re.I,
)


def _number(text):
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def convert(amount, unit, nutrient):
    """`amount` of `unit` in the nutrient's unit, or None when it does not convert."""
    unit = UNITS.get(unit.lower(), unit.lower())
    target = nutrient.unit.split()[0].lower()
    target = UNITS.get(target, target)
    if unit == target:
        return amount
    if unit == "iu" and target == "mcg" and "vitamin d" in nutrient.name.lower():
        return amount / 40
    factor = UNIT_FACTORS.get((unit, target))
    return amount * factor if factor is not None else None


def _nutrients():
    # Looked up when run: the sign-off form (imported by the models) imports the checks.
    model = apps.get_model("health_content", "NutrientReference")
    return list(model.objects.exclude(upper_limit=None))


def _named(text, nutrients):
    lowered = text.lower()
    return [n for n in nutrients if n.name.lower() in lowered]


def _finding(nutrient, amount, unit, path, text, quote):
    return Finding(
        CHECK_ID,
        BLOCKING,
        f"{amount.normalize():f} {unit} of {nutrient.name} is above the tolerable upper "
        f"intake level of {nutrient.upper_limit.normalize():f} {nutrient.unit} a day "
        f"({nutrient.upper_limit_source or 'see the nutrient reference'}). Lower the dose, "
        "or say it is a treatment dose given only under medical supervision.",
        path,
        excerpt(text, quote),
    )


def _over(nutrient, amount, unit):
    converted = convert(amount, unit, nutrient)
    return converted is not None and converted > nutrient.upper_limit


def check(article):
    nutrients = _nutrients()
    if not nutrients:
        return []
    findings = []
    for path, block_type, value in article.blocks:
        if block_type != "dosage":
            continue
        for nutrient in _named(value.get("substance") or "", nutrients):
            for index, row in enumerate(value.get("rows") or []):
                amount, unit = row.get("amount"), row.get("unit") or ""
                if amount is not None and _over(nutrient, Decimal(amount), unit):
                    text = f"{value.get('substance')}: {row.get('population')} {amount} {unit}"
                    findings.append(
                        _finding(nutrient, Decimal(amount), unit, f"{path}.rows.{index}", text, "")
                    )
    for segment in article.prose():
        if segment.block_type == "dosage":
            continue
        named = _named(segment.text, nutrients)
        if not named:
            continue
        for match in DOSE.finditer(segment.text):
            amount = _number(match.group("high") or match.group("amount"))
            if amount is None:
                continue
            over = [n for n in named if _over(n, amount, match.group("unit"))]
            if over:
                findings.append(
                    _finding(
                        over[0],
                        amount,
                        match.group("unit"),
                        segment.path,
                        segment.text,
                        match.group(0),
                    )
                )
                break
    return findings
