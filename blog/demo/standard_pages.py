"""The site's fixed pages (About, policies) and the home page intro; the footer links to them."""

from wagtail.models import Site

from blog.models import PolicyPages, StandardPage

HOME_INTRO = (
    "<p>Plain-language articles on nutrition and everyday health, each one checked by a "
    "medical reviewer before it is published.</p>"
)

STANDARD_PAGES = [
    {
        "title": "About",
        "slug": "about",
        "intro": "Who we are and what this site is for.",
        "body": "<p>This blog explains nutrition and common health questions in plain "
        "language. Every article is written from published evidence, checked by an editor and "
        "signed off by a medical reviewer with relevant credentials before it goes live.</p>"
        "<h2>What we do not do</h2><p>We do not diagnose, prescribe or answer personal "
        "medical questions. For advice about your own health, see your doctor, pharmacist or "
        "another qualified professional.</p>",
    },
    {
        "title": "Editorial policy",
        "slug": "editorial-policy",
        "intro": "How we choose topics, use sources and keep articles up to date.",
        "body": "<h2>Sources</h2><p>We rely on systematic reviews, clinical guidelines, "
        "government health agencies such as the NIH Office of Dietary Supplements, and "
        "peer-reviewed studies. Every article lists its references, with DOI or PubMed links "
        "where they exist.</p><h2>Independence</h2><p>We do not accept payment for coverage "
        "and carry no supplement advertising.</p><h2>Corrections</h2><p>When we find an "
        "error we correct it, and the corrected article is reviewed again before it is "
        "republished.</p>",
    },
    {
        "title": "How we review",
        "slug": "how-we-review",
        "intro": "Every article passes an editorial review and a medical review before it is "
        "published.",
        "body": "<ol><li><b>Editorial review.</b> An editor checks structure, clarity and that "
        "every claim has a source.</li><li><b>Medical review.</b> A reviewer with a medical, "
        "pharmacy or dietetics qualification checks the claims against the sources, checks "
        "every dose and figure, and confirms the medical disclaimer is appropriate. Their "
        "sign-off is recorded with the exact version they approved.</li><li><b>Regular "
        "re-review.</b> Each article shows when it was last reviewed and when its next review "
        "is due, usually within a year.</li></ol><p>Any change to a reviewed article, however "
        "small, is reviewed again before it goes live.</p>",
    },
    {
        "title": "Corrections policy",
        "slug": "corrections-policy",
        "intro": "How to tell us about a mistake, and how we correct articles openly.",
        "body": "<h2>Telling us about a problem</h2><p>Every article has a <b>Report a "
        "problem</b> link at the end. Tell us what is wrong (a factual error, something out of "
        "date, a broken link) and, if you can, where you read otherwise. An editor reads every "
        "report, usually within two working days.</p><h2>What happens next</h2><p>If the "
        "report concerns a medical fact, the article goes back to a medical reviewer. A "
        "corrected article is reviewed and signed off again before it replaces the published "
        "one; the earlier version stays up meanwhile, or is taken down at once if it could "
        "cause harm.</p><h2>How corrections are shown</h2><p>When a correction changes what "
        "an article says, a notice at the top of the article says what was corrected and "
        "when. Each article's history lists every reviewed version with its date and "
        "reviewer. We do not silently rewrite published advice.</p><h2>What is not a "
        "correction</h2><p>Routine updates (new research, clearer wording, a scheduled "
        "re-review) are listed in the article's history but do not carry a correction "
        "notice.</p>",
    },
]

#: The PolicyPages field of each fixed page: the footer links to all of them.
POLICY_FIELDS = {
    "about": "about",
    "editorial-policy": "editorial_policy",
    "how-we-review": "review_process",
    "corrections-policy": "corrections_policy",
}


def create_standard_pages(home):
    """Publish the home intro and the fixed pages under the home page; link the policies."""
    home.intro = HOME_INTRO
    home.save_revision().publish()
    policies = PolicyPages.for_site(Site.objects.get(is_default_site=True))
    for data in STANDARD_PAGES:
        page = StandardPage.objects.child_of(home).filter(slug=data["slug"]).first()
        if page is None:
            page = home.add_child(instance=StandardPage(**data))
            page.save_revision().publish()
        setattr(policies, POLICY_FIELDS[data["slug"]], page)
    policies.save()
