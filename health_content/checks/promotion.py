"""``promotional-content``: brand drug names, shop or pharmacy links, affiliate links, sales calls.

Articles inform; they do not sell. Shop, pharmacy and affiliate links and calls
to buy are blocking; a brand drug name is a warning (use the generic name, e.g.
"paracetamol", not "Tylenol"). Brand names: ``HEALTH_CHECKS_BRAND_NAMES`` adds to
the built-in list.
"""

import re

from django.conf import settings

from .base import BLOCKING, WARNING, Finding, excerpt
from .links import host, links, query_keys

CHECK_ID = "promotional-content"

#: Brand name -> generic name, for common brands met in pasted health articles.
BRAND_NAMES = {
    "tylenol": "paracetamol (acetaminophen)",
    "panadol": "paracetamol",
    "calpol": "paracetamol",
    "advil": "ibuprofen",
    "motrin": "ibuprofen",
    "nurofen": "ibuprofen",
    "aleve": "naproxen",
    "lyrica": "pregabalin",
    "neurontin": "gabapentin",
    "glucophage": "metformin",
    "nexium": "esomeprazole",
    "prilosec": "omeprazole",
    "losec": "omeprazole",
    "zantac": "ranitidine",
    "lipitor": "atorvastatin",
    "zoloft": "sertraline",
    "prozac": "fluoxetine",
    "xanax": "alprazolam",
    "valium": "diazepam",
    "viagra": "sildenafil",
    "cialis": "tadalafil",
    "ozempic": "semaglutide",
    "wegovy": "semaglutide",
    "mounjaro": "tirzepatide",
    "synthroid": "levothyroxine",
    "eliquis": "apixaban",
    "xarelto": "rivaroxaban",
    "ventolin": "salbutamol (albuterol)",
    "claritin": "loratadine",
    "zyrtec": "cetirizine",
    "benadryl": "diphenhydramine",
    "imodium": "loperamide",
    "gaviscon": "an alginate antacid",
}
SALES_PHRASES = re.compile(
    r"\b(?:buy|order|shop|get\s+yours)\s+(?:it\s+|them\s+)?(?:now|today|online|here)\b"
    r"|\badd\s+to\s+(?:cart|basket)\b|\b(?:discount|promo|coupon|voucher)\s+code\b"
    r"|\b\d+\s?%\s+off\b|\bfree\s+(?:shipping|delivery)\b|\blimited[-\s]time\s+offer\b"
    r"|\bbest\s+price\b|\bbuy\s+\w+\s+(?:supplements?|tablets|capsules|online)\b",
    re.I,
)
SHOP_HOST = re.compile(
    r"(?:^|\.)(?:amazon|ebay|iherb|walmart|walgreens|cvs|boots|hollandandbarrett|etsy|aliexpress"
    r"|vitacost|target|costco)\.|pharmacy|chemist|drugstore|shop|store|supplement|deals?\b",
    re.I,
)
SHOP_PATH = re.compile(r"/(?:shop|store|buy|cart|checkout|products?|dp|gp/product)(?:/|$)", re.I)
AFFILIATE_KEYS = frozenset(
    {
        "tag",
        "aff",
        "aff_id",
        "affid",
        "affiliate",
        "affiliate_id",
        "ref",
        "referral",
        "ranmid",
        "irclickid",
        "clickid",
        "partner",
        "coupon",
        "promo",
    }
)


def brand_names():
    extra = getattr(settings, "HEALTH_CHECKS_BRAND_NAMES", {})
    return {**BRAND_NAMES, **{k.lower(): v for k, v in extra.items()}}


def _brand_pattern(names):
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in sorted(names)) + r")\b", re.I)


def _link_findings(segment):
    findings = []
    for url in links(segment):
        hostname = host(url)
        affiliate = sorted(query_keys(url) & AFFILIATE_KEYS)
        if affiliate:
            reason = f"carries an affiliate or tracking parameter ({', '.join(affiliate)})"
        elif SHOP_HOST.search(hostname) or SHOP_PATH.search(url):
            reason = "goes to a shop or pharmacy"
        else:
            continue
        findings.append(
            Finding(
                CHECK_ID,
                BLOCKING,
                f"The link to {hostname} {reason}. Articles must not sell: remove the link "
                "or replace it with an independent source.",
                segment.path,
                excerpt(f"{segment.text} <{url}>", url),
            )
        )
    return findings


def check(article):
    names = brand_names()
    brands = _brand_pattern(names)
    findings = []
    for segment in article.segments:
        if segment.block_type == "disclaimer":
            continue
        findings += _link_findings(segment)
        sale = SALES_PHRASES.search(segment.text)
        if sale:
            findings.append(
                Finding(
                    CHECK_ID,
                    BLOCKING,
                    f"“{sale.group(0)}” is a call to buy. Articles inform readers; remove "
                    "sales wording and offers.",
                    segment.path,
                    excerpt(segment.text, sale.group(0)),
                )
            )
        seen = set()
        for match in brands.finditer(segment.text):
            name = match.group(1).lower()
            if name in seen:
                continue
            seen.add(name)
            findings.append(
                Finding(
                    CHECK_ID,
                    WARNING,
                    f"“{match.group(1)}” is a brand name. Use the medicine's generic name "
                    f"({names[name]}) so the article does not promote one product.",
                    segment.path,
                    excerpt(segment.text, match.group(1)),
                )
            )
    return findings
