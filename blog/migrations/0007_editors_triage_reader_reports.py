"""Editors see and triage reader reports and see "Was this helpful?" answers.

A frozen copy of the grants health_content.roles declares for these models
(tests/test_roles.py checks the two agree).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Editors"
GRANTS = ("view_problemreport", "change_problemreport", "view_articlefeedback")


def forwards(apps, schema_editor):
    # Django creates permissions after all migrations; the group needs them now.
    app_config = apps.get_app_config("blog")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=EDITORS).first()
    if group is not None:
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="blog", codename__in=GRANTS)
        )


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=EDITORS).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="blog", codename__in=GRANTS)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0006_reader_feedback_history_and_sponsorship"),
        ("health_content", "0002_roles_and_review_workflow"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
