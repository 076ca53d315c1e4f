"""The read API: live, public, medically reviewed articles at /api/v2/ (Wagtail API v2).

Only articles that went live through the publish gate and carry no view
restriction are served, in listings, details, searches, tree filters and
``find/`` alike: every route starts from `ArticlePagesAPIViewSet.get_queryset`.
Other page types are not served, so ``?type=`` cannot widen it. There is no
images endpoint: Wagtail's lists every image in the library, including those
only used by drafts; an article's hero image is served as a rendition URL.

Responses carry an ETag (a hash of the body) and answer a matching
``If-None-Match`` with 304; Cache-Control lets shared caches keep them for
``HEALTH_API_CACHE_SECONDS``. Anonymous clients are throttled per address at
``HEALTH_API_ANON_RATE`` through the default Django cache.
"""

import hashlib

from django.conf import settings
from django.db.models import Prefetch
from django.http import HttpResponseNotModified
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import parse_etags
from rest_framework.throttling import AnonRateThrottle
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError, page_models_from_string
from wagtail.api.v2.views import PagesAPIViewSet

from health_content.models import SignOff

from .models import ArticlePage
from .models.article import ArticleAuthor


class AnonAPIThrottle(AnonRateThrottle):
    """Anonymous requests per client address; the rate is read per request so settings apply."""

    scope = "health_api_anon"

    def get_rate(self):
        return settings.HEALTH_API_ANON_RATE


class ArticlePagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's pages endpoint, narrowed to live public articles as signed."""

    throttle_classes = [AnonAPIThrottle]
    # A page of bodies would load each body's snippets and images article by article.
    detail_only_fields = [*PagesAPIViewSet.detail_only_fields, "body"]
    listing_default_fields = [
        *PagesAPIViewSet.listing_default_fields,
        "summary",
        "authors",
        "topics",
        "sign_off",
    ]

    def get_queryset(self):
        models_type = self.request.GET.get("type")
        if models_type:
            try:
                models = page_models_from_string(models_type)
            except (LookupError, ValueError) as e:
                raise BadRequestError("type doesn't exist") from e
            if models != (ArticlePage,):
                raise BadRequestError("type: only blog.ArticlePage is served")
        articles = (
            ArticlePage.objects.live().public().filter(pk__in=self.get_base_queryset().values("pk"))
        )
        if "search" in self.request.GET:
            # The search backends filter only on indexed fields, and the gate's
            # `live()` filters on a subquery: hand them the resulting ids instead.
            articles = ArticlePage.objects.filter(
                pk__in=list(articles.values_list("pk", flat=True))
            )
        return (
            articles.select_related("locale")
            .prefetch_related(
                Prefetch("authors", queryset=ArticleAuthor.objects.select_related("author")),
                "topics",
                "references",
                Prefetch(
                    "sign_offs",
                    queryset=SignOff.objects.covering_live_content(),
                    to_attr="live_sign_offs",
                ),
            )
            .order_by("-first_published_at", "-pk")
        )

    def get_object(self):
        # Wagtail's get_object() re-fetches `.specific`, which would drop the prefetches.
        if not hasattr(self, "_cached_object"):
            self._cached_object = super(PagesAPIViewSet, self).get_object()
        return self._cached_object

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        response.render()
        etag = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        response["ETag"] = etag
        patch_cache_control(response, public=True, max_age=settings.HEALTH_API_CACHE_SECONDS)
        patch_vary_headers(response, ["Accept"])
        if_none_match = request.headers.get("If-None-Match")
        if if_none_match and (etag in parse_etags(if_none_match) or if_none_match == "*"):
            not_modified = HttpResponseNotModified()
            for header in ("ETag", "Cache-Control", "Vary"):
                not_modified[header] = response[header]
            return not_modified
        return response


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", ArticlePagesAPIViewSet)

# Included at /api/v2/ by health_content/urls.py (by name: health_content never imports blog).
app_name = "wagtailapi"
urlpatterns = api_router.get_urlpatterns()
