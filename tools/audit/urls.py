"""The site's URLs plus media files, which a web server would serve in production."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from health_content.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *site_urlpatterns,
]
