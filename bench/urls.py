"""The project's URLs plus /__bench/bare/: a plain Django view returning 5 KB of HTML.

It goes through the same middleware and gunicorn set-up as the pages, so it is the
ceiling a cached page can be compared with.
"""

from django.http import HttpResponse
from django.urls import include, path

BARE_BODY = b"<!DOCTYPE html><title>bare</title><p>" + b"x" * 5079 + b"</p>"  # 5,120 bytes


def bare(request):
    return HttpResponse(BARE_BODY)


urlpatterns = [
    path("__bench/bare/", bare),
    path("", include("health_content.urls")),
]
