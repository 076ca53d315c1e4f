"""``promotional-content``: brand names, shop or pharmacy links, affiliate links, sales calls.

Articles inform; they do not sell. Shop, pharmacy and affiliate links, affiliate
disclosures, prices and calls to buy are blocking; a brand name of a medicine or
supplement is a warning (use the generic name, e.g. "paracetamol", not
"Tylenol"), and so is any name marked ® or ™, which catches brands the list does
not know. Brand names: ``HEALTH_CHECKS_BRAND_NAMES`` adds to the built-in list.
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
    "lexapro": "escitalopram",
    "cipralex": "escitalopram",
    "wellbutrin": "bupropion",
    "cymbalta": "duloxetine",
    "effexor": "venlafaxine",
    "ambien": "zolpidem",
    "adderall": "amfetamine salts",
    "ritalin": "methylphenidate",
    "crestor": "rosuvastatin",
    "zocor": "simvastatin",
    "plavix": "clopidogrel",
    "coumadin": "warfarin",
    "norvasc": "amlodipine",
    "lasix": "furosemide",
    "singulair": "montelukast",
    "flonase": "fluticasone",
    "allegra": "fexofenadine",
    "voltaren": "diclofenac",
    "voltarol": "diclofenac",
    "celebrex": "celecoxib",
    "excedrin": "paracetamol, aspirin and caffeine",
    "januvia": "sitagliptin",
    "jardiance": "empagliflozin",
    "farxiga": "dapagliflozin",
    "trulicity": "dulaglutide",
    "victoza": "liraglutide",
    "saxenda": "liraglutide",
    "rybelsus": "semaglutide",
    "zepbound": "tirzepatide",
    "lantus": "insulin glargine",
    "prevacid": "lansoprazole",
    "pepcid": "famotidine",
    "sudafed": "pseudoephedrine",
    "mucinex": "guaifenesin",
    "nyquil": "a night-time cold remedy",
    "dayquil": "a daytime cold remedy",
    "pepto-bismol": "bismuth subsalicylate",
    "metamucil": "psyllium",
    "miralax": "macrogol (polyethylene glycol)",
    "dulcolax": "bisacodyl",
    "senokot": "senna",
    "canesten": "clotrimazole",
    "diflucan": "fluconazole",
    "valtrex": "valaciclovir",
    "zovirax": "aciclovir",
    "tamiflu": "oseltamivir",
    "augmentin": "co-amoxiclav",
    "accutane": "isotretinoin",
    "roaccutane": "isotretinoin",
    "propecia": "finasteride",
    "rogaine": "minoxidil",
    "regaine": "minoxidil",
    "nascobal": "cyanocobalamin nasal spray",
    "neurobion": "a vitamin B complex",
    "milgamma": "a vitamin B complex",
    "berocca": "a vitamin B and C supplement",
    "centrum": "a multivitamin",
    "nature made": "say what the supplement contains instead",
    "nature's bounty": "say what the supplement contains instead",
    "garden of life": "say what the supplement contains instead",
    "solgar": "say what the supplement contains instead",
    "vitafusion": "say what the supplement contains instead",
    "pure encapsulations": "say what the supplement contains instead",
    "now foods": "say what the supplement contains instead",
    "jamieson": "say what the supplement contains instead",
    "seven seas": "say what the supplement contains instead",
    "vitabiotics": "say what the supplement contains instead",
    "feroglobin": "an iron supplement",
    "floradix": "an iron supplement",
    "emergen-c": "a vitamin C supplement",
}
SALES_PHRASES = re.compile(
    r"\b(?:buy|order|shop|get\s+yours)\s+(?:it\s+|them\s+)?(?:now|today|online|here)\b"
    r"|\badd\s+to\s+(?:cart|basket)\b|\b(?:discount|promo|coupon|voucher)\s+code\b"
    r"|\b\d+\s?%\s+off\b|\bfree\s+(?:shipping|delivery)\b|\blimited[-\s]time\s+offer\b"
    r"|\bbest\s+price\b|\bbuy\s+\w+\s+(?:supplements?|tablets|capsules|online)\b"
    r"|\b(?:shop|order|buy)\s+(?:our|the)\s+\w+(?:\s+\w+)?\s+(?:now|today|online|here)\b"
    r"|\bclick\s+here\s+to\s+(?:buy|order|shop|purchase|get)\b"
    r"|\buse\s+(?:the\s+)?(?:code|coupon)\s+[A-Z0-9]{3,}\b|\bsave\s+\d+\s?%"
    r"|\b(?:affiliate\s+links?|(?:we|I)\s+(?:may\s+)?(?:earn|receive|get)\s+(?:a\s+)?"
    r"(?:small\s+)?commission)\b|\bsubscribe\s+(?:&|and)\s+save\b"
    r"|\bmoney[-\s]back\s+guarantee\b|\b(?:special|exclusive)\s+offer\b"
    r"|\b(?:risk[-\s]free|free)\s+trial\b|\b(?:available|in\s+stock)\s+(?:now\s+)?"
    r"(?:at|on|in)\s+(?:our\s+(?:shop|store)|amazon|walmart|boots|iherb)\b"
    r"|\b(?:only|just|from|for|now|price[d:]?)\s+[$£€]\s?\d+(?:[.,]\d\d)?(?!\s*(?:million|billion|bn)\b)"
    r"|[$£€]\d+[.,]\d\d\b(?!\s*(?:million|billion|bn)\b)",
    re.I,
)
#: A word or two marked as a registered or unregistered trade mark.
TRADE_MARK = re.compile(r"\b([A-Z][\w-]*(?:\s+[A-Z0-9][\w-]*)?)\s?(?:®|™|\(TM\))")
SHOP_HOST = re.compile(
    r"(?:^|\.)(?:amazon|ebay|iherb|walmart|walgreens|cvs|boots|hollandandbarrett|etsy|aliexpress"
    r"|vitacost|target|costco)\.|pharmacy|chemist|drugstore|shop|store|supplement|deals?\b",
    re.I,
)
#: Link shorteners and networks that exist to pay for referrals.
AFFILIATE_HOST = re.compile(
    r"(?:^|\.)(?:amzn\.to|amzn\.com|shareasale\.com|awin1\.com|linksynergy\.com"
    r"|skimresources\.com|go\.redirectingat\.com|anrdoezrs\.net|jdoqocy\.com|tkqlhce\.com"
    r"|dpbolvw\.net|kqzyfj\.com|clickbank\.net|avantlink\.com|sjv\.io|pjtra\.com"
    r"|impact\.com|rstyle\.me|shopstyle\.com)$",
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
        "ascsubtag",
        "linkcode",
        "subid",
        "sub_id",
        "afftrack",
        "clickref",
        "cjevent",
        "sscid",
        "awc",
    }
)


def brand_names():
    extra = getattr(settings, "HEALTH_CHECKS_BRAND_NAMES", {})
    return {**BRAND_NAMES, **{k.lower(): v for k, v in extra.items()}}


def _brand_pattern(names):
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in sorted(names)) + r")(?!\w)", re.I)


def _brand_findings(segment, names, brands):
    findings, seen = [], set()
    for match in brands.finditer(segment.text):
        name = match.group(1).lower()
        if name not in seen:
            seen.add(name)
            findings.append(
                Finding(
                    CHECK_ID,
                    WARNING,
                    f"“{match.group(1)}” is a brand name: use the generic name "
                    f"({names[name]}), so the article does not promote one product.",
                    segment.path,
                    excerpt(segment.text, match.group(1)),
                )
            )
    for match in TRADE_MARK.finditer(segment.text):
        if match.group(1).lower() not in seen:
            seen.add(match.group(1).lower())
            findings.append(
                Finding(
                    CHECK_ID,
                    WARNING,
                    f"“{match.group(0)}” is a trade-marked product name. Describe the product "
                    "generically (what it is, not who sells it).",
                    segment.path,
                    excerpt(segment.text, match.group(0)),
                )
            )
    return findings


def _link_findings(segment):
    findings = []
    for url in links(segment):
        hostname = host(url)
        affiliate = sorted(query_keys(url) & AFFILIATE_KEYS)
        if affiliate:
            reason = f"carries an affiliate or tracking parameter ({', '.join(affiliate)})"
        elif AFFILIATE_HOST.search(hostname):
            reason = "goes through an affiliate or referral service"
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
        findings += _brand_findings(segment, names, brands)
    return findings
