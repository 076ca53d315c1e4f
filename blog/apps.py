from django.apps import AppConfig


class BlogConfig(AppConfig):
    """The pages readers visit: home, blog index, articles, topics, profiles, feeds, search."""

    name = "blog"
    default_auto_field = "django.db.models.BigAutoField"
