"""Create the Writers, Medical reviewers and Editors groups and the review workflow.

Replaces Wagtail's default "Moderators approval" workflow (and the unused
"Moderators" group) with "Health article review" on the root page.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from health_content.roles import apply_roles
from health_content.workflow import install_review_workflow


def forwards(apps, schema_editor):
    # Django creates permissions after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    apply_roles(apps)
    install_review_workflow(apps)
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name="Moderators", user__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("health_content", "0001_initial"),
        ("blog", "0002_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
