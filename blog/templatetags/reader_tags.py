"""Template tags for reader pages: JSON-LD, a cache-safe user bar and per-revision fragments."""

from django import template
from django.conf import settings
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar

from blog.cache import ARTICLE_CACHE_SECONDS, page_cache
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


class RevisionFragmentNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        revision_key = context.get("revision_cache_key")
        if not revision_key:
            return self.nodelist.render(context)
        key = f"article-fragment:{self.name}:{revision_key}"
        html = page_cache().get(key)
        if html is None:
            html = self.nodelist.render(context)
            page_cache().set(key, html, ARTICLE_CACHE_SECONDS)
        return html


@register.tag
def revision_fragment(parser, token):
    """``{% revision_fragment "name" %}...{% endrevision_fragment %}``: cached per live revision.

    The enclosed HTML is stored under the context's ``revision_cache_key``
    (`blog.cache.article_revision_cache_key`: page, live revision, generation
    token, host) and rendered afresh when that key is empty (previews, DEBUG).
    Only put there what is fixed for a live revision: nothing that depends on the
    date, the user or the query string.
    """
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(f"{bits[0]} takes one quoted fragment name")
    nodelist = parser.parse(("endrevision_fragment",))
    parser.delete_first_token()
    return RevisionFragmentNode(nodelist, bits[1][1:-1])
