from django.apps import AppConfig


class HealthContentConfig(AppConfig):
    """The medical-content domain: blocks, disclaimers, profiles, review and the publish gate."""

    name = "health_content"
    verbose_name = "Health content"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Models are loaded only now, so the handlers module that uses them is imported here.
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
