"""``outside-link``: a link to a site that is not on the allowlist of trusted sources.

The allowlist (``HEALTH_CHECKS_LINK_ALLOWLIST``, domains; subdomains match) holds
public-health and research sites by default; the site's own hosts always pass.
"""

from django.conf import settings
from wagtail.models import Site

from .base import WARNING, Finding, excerpt
from .links import host, links, on_list

CHECK_ID = "outside-link"
DEFAULT_ALLOWLIST = (
    "nhs.uk",
    "nice.org.uk",
    "gov.uk",
    "nih.gov",
    "cdc.gov",
    "fda.gov",
    "who.int",
    "doi.org",
    "cochranelibrary.com",
    "medlineplus.gov",
)


def allowlist():
    domains = getattr(settings, "HEALTH_CHECKS_LINK_ALLOWLIST", DEFAULT_ALLOWLIST)
    own = Site.objects.values_list("hostname", flat=True)
    return tuple(d.lower() for d in domains) + tuple(h.lower() for h in own)


def check(article):
    domains = allowlist()
    findings = []
    for segment in article.segments:
        for url in links(segment):
            hostname = host(url)
            if hostname and not on_list(hostname, domains):
                findings.append(
                    Finding(
                        CHECK_ID,
                        WARNING,
                        f"The link to {hostname} goes to a site not on the list of trusted "
                        "sources. Link to the NHS, a public-health body or the study itself, "
                        "or ask an editor to add the site to the allowlist.",
                        segment.path,
                        excerpt(f"{segment.text} <{url}>", url),
                    )
                )
    return findings
