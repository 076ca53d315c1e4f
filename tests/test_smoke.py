import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from wagtail.models import Site, Workflow

from blog.models import BlogIndexPage, HomePage
from health_content.roles import EDITORS, MEDICAL_REVIEWERS, WRITERS
from health_content.workflow import WORKFLOW_NAME


@pytest.mark.django_db
def test_site_tree_exists(site_tree):
    home, blog_index = site_tree
    assert Site.objects.get(is_default_site=True).root_page.specific == home
    assert blog_index.get_parent().specific == home
    assert home.live and blog_index.live


@pytest.mark.django_db
@pytest.mark.parametrize("content_type_cache", ["warm", "cold"])
def test_the_site_tree_comes_back_after_a_transactional_tests_flush(request, content_type_cache):
    # As a transactional test leaves the database: every table emptied, content
    # types and permissions re-created by post_migrate.
    call_command("flush", interactive=False, verbosity=0)
    assert not HomePage.objects.exists()
    if content_type_cache == "cold":
        # As in a worker that has not looked up the page and task types yet.
        ContentType.objects.clear_cache()

    home, blog_index = request.getfixturevalue("site_tree")
    assert Site.objects.get(is_default_site=True).root_page.specific == home
    assert blog_index.get_parent().specific == home
    assert set(Group.objects.values_list("name", flat=True)) >= {
        WRITERS,
        EDITORS,
        MEDICAL_REVIEWERS,
    }
    assert Workflow.objects.filter(name=WORKFLOW_NAME, active=True).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/articles/", "/admin/login/"])
def test_pages_answer_200(client, site_tree, url):
    response = client.get(url)
    assert response.status_code == 200


@pytest.mark.django_db
def test_unknown_url_gets_friendly_404(client, site_tree):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert b"Page not found" in response.content


@pytest.mark.django_db
def test_load_demo_is_idempotent(fresh_install, settings):
    settings.DEBUG = True
    call_command("load_demo")
    call_command("load_demo")
    assert HomePage.objects.count() == 1
    assert BlogIndexPage.objects.count() == 1
    assert get_user_model().objects.filter(username="admin", is_superuser=True).count() == 1


@pytest.mark.django_db
def test_load_demo_refuses_without_debug(settings):
    from django.core.management.base import CommandError

    settings.DEBUG = False
    with pytest.raises(CommandError, match="known passwords"):
        call_command("load_demo")
