"""Background tasks of the reader site, run by the task worker (`db_worker`).

CDN purges need no task of their own: wagtail.contrib.frontend_cache already
sends every purge (its own on publish, and blog.signal_handlers'
`purge_frontend_cache_for_article`) through its `purge_urls_from_cache_task`.
"""

from django_tasks import task
from wagtail.models import Page
from wagtail.search import index


@task()
def reindex_page(page_id):
    """Bring a page's search index entry up to date, or drop it if the page is gone.

    Runs after the publish or unpublish has committed, so the page's topics and
    tags are those just written (see blog.search for why a publish re-indexes).
    """
    page = Page.objects.filter(pk=page_id).specific().first()
    if page is None:
        return
    index.insert_or_update_object(page)
