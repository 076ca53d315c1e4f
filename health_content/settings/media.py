"""Where uploaded media (images, renditions, documents) are stored, from the environment.

Local disk (MEDIA_ROOT) unless ``MEDIA_STORAGE=s3``, which stores them in an
S3-compatible bucket (AWS S3, MinIO, Ceph, Cloudflare R2...) through
django-storages; README "Media on object storage" lists the variables.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

LOCAL = {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def _bool(value, default):
    if value is None or not value.strip():
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def media_storage(environ):
    """(``STORAGES["default"]`` entry, origin media are served from or None) for `environ`."""
    kind = environ.get("MEDIA_STORAGE", "").strip().lower() or "local"
    if kind == "local":
        return LOCAL, None
    if kind != "s3":
        raise ImproperlyConfigured("MEDIA_STORAGE must be local or s3.")
    bucket = environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
    if not bucket:
        raise ImproperlyConfigured("MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME.")
    endpoint_url = environ.get("AWS_S3_ENDPOINT_URL", "").strip() or None
    options = {
        "bucket_name": bucket,
        "endpoint_url": endpoint_url,
        "region_name": environ.get("AWS_S3_REGION_NAME", "").strip() or None,
        "location": environ.get("AWS_S3_LOCATION", "").strip().strip("/"),
        "custom_domain": environ.get("AWS_S3_CUSTOM_DOMAIN", "").strip() or None,
        # S3-compatible servers other than AWS mostly want bucket-in-path URLs.
        "addressing_style": "path" if endpoint_url else None,
        # Two uploads called photo.jpg keep two files: Wagtail relies on the storage
        # choosing a free name, and django-storages' default is to overwrite.
        "file_overwrite": False,
        # Unsigned URLs: cached pages and article fragments keep media URLs for hours,
        # longer than a signed URL lives. The bucket (or CDN) serves media publicly;
        # documents are always served through Django (WAGTAILDOCS_SERVE_METHOD).
        "querystring_auth": _bool(environ.get("AWS_QUERYSTRING_AUTH"), False),
        "default_acl": environ.get("AWS_DEFAULT_ACL", "").strip() or None,
    }
    # Credentials: boto3's usual chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY,
    # instance roles...); passed on explicitly only when given here.
    if environ.get("AWS_ACCESS_KEY_ID"):
        options["access_key"] = environ["AWS_ACCESS_KEY_ID"]
        options["secret_key"] = environ.get("AWS_SECRET_ACCESS_KEY", "")
    storage = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}
    return storage, _media_origin(options)


def _media_origin(options):
    """The scheme and host media URLs start with, for the Content-Security-Policy."""
    if options["custom_domain"]:
        return f"https://{options['custom_domain'].split('/')[0]}"
    # The URL django-storages would build for an unsigned object, computed offline.
    import boto3
    from botocore import UNSIGNED
    from botocore.config import Config

    client = boto3.client(
        "s3",
        endpoint_url=options["endpoint_url"],
        region_name=options["region_name"],
        config=Config(
            signature_version=UNSIGNED, s3={"addressing_style": options["addressing_style"]}
        ),
    )
    url = client.generate_presigned_url(
        "get_object", Params={"Bucket": options["bucket_name"], "Key": "x"}
    )
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
