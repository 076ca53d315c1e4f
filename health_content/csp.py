"""The Content-Security-Policy middleware: strict for readers, workable for the admin.

Reader pages run no inline script, so they get the policy in settings as it is.
Wagtail's admin renders inline scripts (widget set-up such as initDateChooser)
without nonces, so admin responses also allow inline scripts; everything else
(sources, frames, forms) stays restricted to this site.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.urls import reverse


class ReaderStrictCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, adding 'unsafe-inline' scripts under the admin only."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if request.path_info.startswith(reverse("wagtailadmin_home")):
            update = dict(parts.update or {})
            update["script-src"] = [*update.get("script-src", ()), "'unsafe-inline'"]
            parts = PolicyParts(parts.config, update, parts.replace, parts.nonce)
        return parts
