from django.apps import AppConfig


class BlogConfig(AppConfig):
    """The pages readers visit: home, blog index, articles, topics, profiles, feeds, search."""

    name = "blog"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Models are loaded only now, so the handlers module that uses them is imported here.
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
