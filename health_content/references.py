"""Cited sources: what a DOI, a PMID and a reference URL look like, in one place.

The editor form, the publish gate, the importer and the content checks all read
identifiers through these patterns, so a citation valid in one is valid in all.
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

#: A DOI: the directory indicator "10.", a registrant code, "/", then a suffix.
DOI = r"10\.\d{4,9}/[^\s\"<>]+"
#: A PubMed ID: up to nine digits.
PMID = r"\d{1,9}"
DOI_PATTERN = re.compile(rf"^{DOI}$")
PMID_PATTERN = re.compile(rf"^{PMID}$")
DOI_PREFIXES = ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi:")

DOI_MESSAGE = "Enter a DOI like 10.1000/xyz123 (it starts with '10.' and has a '/')."
PMID_MESSAGE = "A PMID is a PubMed ID of up to 9 digits, e.g. 31256364."
URL_MESSAGE = "Enter a full web address starting with https:// or http://."


def normalise_doi(value):
    """Strip the resolver prefixes writers paste, leaving the bare DOI (10.xxxx/yyy)."""
    value = value.strip()
    for prefix in DOI_PREFIXES:
        if value.lower().startswith(prefix):
            return value[len(prefix) :].strip()
    return value


def reference_errors(doi="", pmid="", url=""):
    """Field name -> message for each malformed identifier of one reference."""
    errors = {}
    if doi and not DOI_PATTERN.match(doi):
        errors["doi"] = DOI_MESSAGE
    if pmid and not PMID_PATTERN.match(pmid):
        errors["pmid"] = PMID_MESSAGE
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            errors["url"] = URL_MESSAGE
    return errors
