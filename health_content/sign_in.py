"""Throttling guesses at passwords: admin sign-in, re-authentication at sign-off, page passwords.

Sign-ins go through django-axes (`RequestAxesBackend`): after AXES_FAILURE_LIMIT
wrong passwords for one account from one address, that pair is locked out for
AXES_COOLOFF_TIME, whatever the next password. A sign-off's re-authentication
passes through the same backend, so it counts too.

Page passwords (Wagtail's password-restricted pages) are not accounts, so axes does
not see them; `throttled_page_password` keeps its own count per client and
restriction in the cache, with the same limits.
"""

import hashlib

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_client_ip_address
from django.conf import settings
from django.core.cache import cache
from django.template.response import TemplateResponse
from wagtail.views import authenticate_with_password


class RequestAxesBackend(AxesStandaloneBackend):
    """Axes for sign-ins that come with a request; code without one (tests, scripts) passes by.

    Axes refuses to authenticate without a request; management commands and the
    test client's ``login()`` have none, and there is no guessing to throttle there.
    """

    def authenticate(self, request=None, *args, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, *args, **kwargs)


def _failure_key(request, restriction_id):
    client = get_client_ip_address(request) or "unknown"
    digest = hashlib.sha256(f"{client}:{restriction_id}".encode()).hexdigest()[:32]
    return f"page-password-failures:{digest}"


def _cooloff_seconds():
    return int(settings.AXES_COOLOFF_TIME.total_seconds())


def throttled_page_password(request, page_view_restriction_id, page_id):
    """Wagtail's page password view, refusing further guesses after too many wrong ones."""
    key = _failure_key(request, page_view_restriction_id)
    if cache.get(key, 0) >= settings.AXES_FAILURE_LIMIT:
        return TemplateResponse(
            request,
            "page_password_locked.html",
            {"minutes": _cooloff_seconds() // 60},
            status=429,
        )
    response = authenticate_with_password(request, page_view_restriction_id, page_id)
    if request.method == "POST":
        if response.status_code == 200:  # the form again: a wrong password
            cache.add(key, 0, _cooloff_seconds())
            cache.incr(key)
        elif response.status_code == 302:
            cache.delete(key)
    return response
