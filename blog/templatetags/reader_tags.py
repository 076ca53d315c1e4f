"""Template tags for the reader site's base template: JSON-LD and a cache-safe user bar."""

from django import template
from django.conf import settings
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar

from blog.seo import dumps_for_script

register = template.Library()


@register.simple_tag
def json_ld(documents):
    """One <script type="application/ld+json"> per document; no text can end the script early."""
    return format_html_join(
        "\n",
        '<script type="application/ld+json">{}</script>',
        # Not HTML-escaped: script content is not entity-decoded, and dumps_for_script
        # has already made "<", ">" and "&" impossible in the text.
        ((mark_safe(dumps_for_script(document)),) for document in documents or ()),  # noqa: S308
    )


@register.simple_tag(takes_context=True)
def userbar_for_editors(context, position="bottom-right"):
    """Wagtail's user bar, but only for requests that carry a session cookie.

    The user bar reads ``request.user``, which loads the session and makes Django
    add ``Vary: Cookie`` to the response; the page cache refuses such responses.
    Anonymous readers have no session cookie, so for them the user bar is skipped
    without touching the session, and their pages stay cacheable.
    """
    request = context.get("request")
    if request is None or settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return ""
    return wagtailuserbar(context, position)
