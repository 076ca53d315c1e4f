"""Admin registration of what blog adds: importing pasted articles as drafts."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from .cache import page_tag, tag_request
from .feedback.admin import ReaderFeedbackGroup
from .importer import can_create_articles
from .importer.views import can_import, import_article
from .models import BlogIndexPage


@hooks.register("register_admin_urls")
def register_import_urls():
    return [path("import-article/", import_article, name="blog_import_article")]


class ImportArticleMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    # Right after Pages (order 100), before "Medical content" (250).
    return ImportArticleMenuItem(
        "Import article",
        reverse("blog_import_article"),
        icon_name="upload",
        order=150,
    )


@hooks.register("register_page_header_buttons")
def import_into_blog_index_button(page, user, view_name, next_url=None):
    specific = page.specific_deferred
    if isinstance(specific, BlogIndexPage) and can_create_articles(user, specific):
        url = f"{reverse('blog_import_article')}?index={page.pk}"
        yield Button("Import article", url, icon_name="upload", priority=16)


@hooks.register("before_serve_page")
def tag_served_page(page, request, serve_args, serve_kwargs):
    """Tag the response with the page it shows, for per-page invalidation (blog.cache)."""
    tag_request(request, page_tag(page))


@hooks.register("register_admin_viewset")
def register_reader_feedback_viewsets():
    return ReaderFeedbackGroup()
