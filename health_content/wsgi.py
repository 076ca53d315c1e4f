"""WSGI entry point for gunicorn: `gunicorn health_content.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "health_content.settings.production")

application = get_wsgi_application()
