from django.apps import AppConfig


class BlogConfig(AppConfig):
    """The pages readers visit: home, blog index, articles, topics, profiles, feeds, search."""

    name = "blog"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Page cache invalidation and search re-indexing follow publishing signals.
        from . import cache, search

        cache.connect_signals()
        search.connect_signals()
