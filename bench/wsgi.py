"""WSGI entry point for the benchmark's gunicorn: production settings plus bench/urls.py."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
application = get_wsgi_application()
