"""Media on S3-compatible object storage (health_content/settings/media.py), tested for real.

A local S3-compatible server (moto's, in a thread on a free port of 127.0.0.1)
holds the bucket; the settings are built from environment variables exactly as in
production; an editor uploads images through Wagtail's admin; the files are read
back from the bucket and over HTTP at the URLs the site prints.
"""

import json
import urllib.request

import boto3
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from moto.server import ThreadedMotoServer
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection

from health_content.settings.media import media_storage
from tests.factories import make_user

BUCKET = "health-blog-media"


@pytest.fixture(scope="module")
def s3_server():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3_env(s3_server):
    """The environment a deployment sets, pointing at the local server."""
    env = {
        "MEDIA_STORAGE": "s3",
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": s3_server,
        "AWS_S3_REGION_NAME": "us-east-1",
        "AWS_S3_LOCATION": "media",
        "AWS_ACCESS_KEY_ID": "local-test-key",
        "AWS_SECRET_ACCESS_KEY": "local-test-secret",
    }
    bucket = boto3.resource(
        "s3",
        endpoint_url=s3_server,
        region_name="us-east-1",
        aws_access_key_id=env["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=env["AWS_SECRET_ACCESS_KEY"],
    ).Bucket(BUCKET)
    bucket.create()
    # Media are public (README): readers' browsers fetch them from the bucket.
    bucket.Policy().put(
        Policy=json.dumps(
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Principal": "*",
                        "Action": "s3:GetObject",
                        "Resource": f"arn:aws:s3:::{BUCKET}/media/*",
                    }
                ],
            }
        )
    )
    yield env, bucket
    bucket.objects.all().delete()
    bucket.delete()


@pytest.fixture
def s3_media(settings, s3_env):
    env, bucket = s3_env
    storage, origin = media_storage(env)
    settings.STORAGES = {**settings.STORAGES, "default": storage}
    return bucket, origin


def upload(client, title, image_file):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": title,
            "file": SimpleUploadedFile(image_file.name, image_file.file.getvalue(), "image/png"),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def http_get(url):
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (127.0.0.1 only)
        return response.status, response.read()


@pytest.mark.django_db
def test_images_uploaded_in_the_admin_live_in_the_bucket(client, s3_media):
    bucket, origin = s3_media
    client.force_login(make_user("editor", "Editors"))
    original = get_test_image_file("clams.png", size=(640, 480))
    sent = original.file.getvalue()

    response = upload(client, "Clams", original)
    assert response.status_code == 302, response.context["form"].errors
    image = get_image_model().objects.get(title="Clams")
    assert image.file.name.startswith("original_images/clams")
    stored = bucket.Object(f"media/{image.file.name}").get()["Body"].read()
    assert stored == sent

    # The URL the site prints serves the same bytes, from the origin CSP allows.
    assert image.file.url.startswith(f"{origin}/{BUCKET}/media/original_images/")
    assert http_get(image.file.url) == (200, sent)

    # Renditions are made from the stored original and stored beside it.
    rendition = image.get_rendition("fill-100x100")
    assert rendition.url.startswith(f"{origin}/{BUCKET}/media/images/")
    status, body = http_get(rendition.url)
    assert status == 200 and body[:8] == b"\x89PNG\r\n\x1a\n"
    assert bucket.Object(f"media/{rendition.file.name}").content_length == len(body)


@pytest.mark.django_db
def test_a_second_upload_with_the_same_name_never_replaces_the_first(client, s3_media):
    bucket, _origin = s3_media
    client.force_login(make_user("editor", "Editors"))
    assert upload(client, "First", get_test_image_file("photo.png", size=(40, 40))).status_code
    assert upload(client, "Second", get_test_image_file("photo.png", size=(80, 60))).status_code
    first, second = (get_image_model().objects.get(title=t) for t in ("First", "Second"))
    assert first.file.name != second.file.name
    assert {first.width, second.width} == {40, 80}
    keys = {obj.key for obj in bucket.objects.filter(Prefix="media/original_images/")}
    assert keys == {f"media/{first.file.name}", f"media/{second.file.name}"}


@pytest.mark.django_db
def test_article_pages_show_media_from_the_bucket(client, s3_media, settings, blog_index):
    from tests.reader_factories import Cast, live_article

    bucket, origin = s3_media
    cast = Cast()  # its image is uploaded now, to the bucket
    article = live_article(blog_index, cast)
    html = client.get(article.url).content.decode()
    assert f"{origin}/{BUCKET}/media/images/" in html
    assert "/media/images/" not in html.replace(f"{origin}/{BUCKET}/media/images/", "")
    assert any(obj.key.startswith("media/images/") for obj in bucket.objects.all())


def test_settings_from_the_environment(s3_server):
    assert media_storage({}) == (
        {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        None,
    )
    with pytest.raises(ImproperlyConfigured, match="AWS_STORAGE_BUCKET_NAME"):
        media_storage({"MEDIA_STORAGE": "s3"})
    with pytest.raises(ImproperlyConfigured, match="local or s3"):
        media_storage({"MEDIA_STORAGE": "ftp"})
    storage, origin = media_storage(
        {"MEDIA_STORAGE": "s3", "AWS_STORAGE_BUCKET_NAME": "b", "AWS_S3_CUSTOM_DOMAIN": "cdn.org"}
    )
    assert origin == "https://cdn.org"
    assert storage["OPTIONS"]["file_overwrite"] is False
    assert storage["OPTIONS"]["querystring_auth"] is False
    _storage, origin = media_storage(
        {"MEDIA_STORAGE": "s3", "AWS_STORAGE_BUCKET_NAME": "b", "AWS_S3_REGION_NAME": "eu-west-1"}
    )
    assert origin.startswith("https://") and "amazonaws.com" in origin
