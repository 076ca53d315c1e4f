"""Settings for `make audit`: production settings on a throwaway local database.

Everything production does (DEBUG off, WhiteNoise with hashed, compressed static
files, the page cache, security headers) except what needs a real deployment:
plain HTTP on 127.0.0.1, and media files served by Django because there is no
web server in front (tools/audit/urls.py).
"""

from health_content.settings.production import *  # noqa: F403

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
ROOT_URLCONF = "tools.audit.urls"
