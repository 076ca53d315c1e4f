"""Spam protection for the reader forms: same-origin posts, a per-address rate limit.

The forms post without a CSRF token (see blog.feedback.views for why), so these
checks, with the forms' honeypot field and size limits, are what stands between
the editors' queue and a bot.
"""

from urllib.parse import urlsplit

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.core.cache import cache


def rate_limit():
    """(posts, seconds) one address may send; ``READER_FEEDBACK_RATE_LIMIT`` overrides it."""
    return tuple(getattr(settings, "READER_FEEDBACK_RATE_LIMIT", (5, 10 * 60)))


def is_same_origin(request):
    """Whether the post came from a page of this site (Origin, else Referer, names our host).

    Browsers send Origin with every form POST; Referer is the fallback for older
    ones. A post naming neither is refused: no page of ours produces one.
    """
    source = request.headers.get("Origin") or request.headers.get("Referer") or ""
    if not source or source == "null":
        return False
    parts = urlsplit(source)
    return parts.netloc == request.get_host() and parts.scheme == request.scheme


def over_rate_limit(request):
    """Count this post against the sender's address; True once they have sent too many.

    Uses Django's default cache, shared by every process in production (Redis or
    Memcached), so the limit holds across workers.
    """
    limit, window = rate_limit()
    address = get_client_ip_address(request) or "unknown"
    key = f"reader-feedback-rate:{address}"
    if cache.add(key, 1, window):
        return limit < 1
    try:
        count = cache.incr(key)
    except ValueError:
        # Expired between add() and incr(): this post starts a new window.
        cache.add(key, 1, window)
        count = 1
    return count > limit
