"""Create the site tree every installation needs: root -> HomePage -> BlogIndexPage."""

from django.db import transaction
from wagtail.models import Page, Site

from .models import BlogIndexPage, HomePage


@transaction.atomic
def ensure_site_tree(site_name="Health blog"):
    """Return (home, blog_index), creating them and pointing the default Site at home.

    Safe to call repeatedly: existing pages are reused, never duplicated. Wagtail's
    own "Welcome to your new Wagtail site!" placeholder is removed the first time.
    """
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        for placeholder in root.get_children().filter(content_type__model="page"):
            placeholder.delete()
        home = root.add_child(
            instance=HomePage(
                title=site_name,
                slug="home",
                seo_title=f"{site_name}: medically reviewed health articles",
            )
        )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, site_name=site_name, root_page=home, is_default_site=True
        )
    elif site.root_page_id != home.id:
        site.root_page = home
        site.site_name = site_name
        site.save()

    blog_index = BlogIndexPage.objects.child_of(home).first()
    if blog_index is None:
        blog_index = home.add_child(instance=BlogIndexPage(title="Articles", slug="articles"))
    return home, blog_index
