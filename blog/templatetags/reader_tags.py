"""Template tags for reader pages: JSON-LD, a cache-safe user bar and per-revision fragments."""

from django import template
from django.conf import settings
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar

from blog.cache import OBJECT_CACHE_SECONDS, article_revision_cache_key, page_cache
from blog.policies import articles_url, policy_links
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


@register.inclusion_tag("includes/policy_links.html", takes_context=True)
def footer_policy_links(context):
    """The footer's list of policy pages (About, editorial policy, how we review, corrections)."""
    request = context.get("request")
    return {"links": policy_links(request) if request is not None else []}


@register.simple_tag(takes_context=True)
def articles_index_url(context):
    """The URL of the list of all articles (the blog index page, whatever its slug)."""
    request = context.get("request")
    return (articles_url(request) if request is not None else None) or "/"


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
    def __init__(self, nodelist, name, page, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.page = page
        self.vary_on = vary_on

    def revision_key(self, context):
        if self.page is None:
            return context.get("revision_cache_key")
        request = context.get("request")
        page = self.page.resolve(context)
        if request is None or page is None:
            return None
        return article_revision_cache_key(page, request)

    def render(self, context):
        revision_key = self.revision_key(context)
        if not revision_key:
            return self.nodelist.render(context)
        vary = ":".join(str(value.resolve(context)) for value in self.vary_on)
        key = f"article-fragment:{self.name}:{revision_key}:{vary}"
        cache = page_cache()
        html = cache.get(key)
        if html is None:
            html = self.nodelist.render(context)
            cache.set(key, html, OBJECT_CACHE_SECONDS)
        return html


@register.tag
def revision_fragment(parser, token):
    """``{% revision_fragment "name" [of PAGE] [VALUE ...] %}...{% endrevision_fragment %}``.

    Caches the enclosed HTML per live revision of a page: the article being viewed
    (the context's ``revision_cache_key``), or ``PAGE`` after ``of`` (a card in a
    listing), and per value of any further VALUEs the HTML depends on. The key is
    `blog.cache.article_revision_cache_key` (Wagtail's page cache key with the live
    revision, page and site versions, host), so publishing or editing anything shown
    makes it stale; without a key (previews, DEBUG, pages not live) the HTML is
    rendered afresh. Only put there what is fixed for a live revision: nothing that
    depends on the date, the user or the query string.

    Not Wagtail's ``{% wagtailpagecache %}``: its key has no per-page tag versions
    (blog.cache's invalidation) and it caches even when no key applies.
    """
    bits = token.split_contents()
    tag, args = bits[0], bits[1:]
    if not args or args[0][0] not in "\"'" or args[0][0] != args[0][-1]:
        raise template.TemplateSyntaxError(f"{tag} needs a quoted fragment name first")
    name, args = args[0][1:-1], args[1:]
    page = None
    if args[:1] == ["of"]:
        if len(args) < 2:
            raise template.TemplateSyntaxError(f"{tag}: 'of' needs a page")
        page, args = parser.compile_filter(args[1]), args[2:]
    vary_on = [parser.compile_filter(arg) for arg in args]
    nodelist = parser.parse(("endrevision_fragment",))
    parser.delete_first_token()
    return RevisionFragmentNode(nodelist, name, page, vary_on)
