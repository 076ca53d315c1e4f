"""Sources more than one demo article cites, or that follow one pattern."""

from .reference_data import ODS


def ods_fact_sheet(nutrient):
    """The NIH Office of Dietary Supplements' fact sheet for health professionals on `nutrient`."""
    return {
        "authors": "National Institutes of Health, Office of Dietary Supplements",
        "title": f"{nutrient}: Fact Sheet for Health Professionals",
        "publication": "NIH Office of Dietary Supplements",
        "url": ODS.format(nutrient.replace(" ", "")),
    }


STABLER_2013 = {
    "authors": "Stabler SP",
    "title": "Vitamin B12 deficiency",
    "publication": "New England Journal of Medicine",
    "year": 2013,
    "doi": "10.1056/NEJMcp1113996",
    "pmid": "23301732",
}
