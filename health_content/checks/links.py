"""Links in the article text: where they point, for the link and promotion checks."""

import re
from urllib.parse import parse_qsl, urlparse

HREF = re.compile(r"""<a\b[^>]*\bhref=["']([^"']+)["']""", re.I)
BARE_URL = re.compile(r"\bhttps?://[^\s<>\"')\]]+", re.I)


def links(segment):
    """External URLs in a segment: ``href`` of its links, and web addresses typed as text."""
    found = HREF.findall(segment.html) if segment.html else []
    found += [url for url in BARE_URL.findall(segment.text) if url not in found]
    return [url for url in found if urlparse(url).scheme in ("http", "https")]


def host(url):
    return (urlparse(url).hostname or "").lower().removeprefix("www.")


def on_list(hostname, domains):
    return any(hostname == d or hostname.endswith(f".{d}") for d in domains)


def query_keys(url):
    return {key.lower() for key, _ in parse_qsl(urlparse(url).query, keep_blank_values=True)}
