"""Create the Writers, Medical reviewers and Editors groups and the review workflow.

Replaces Wagtail's default "Moderators approval" workflow (and the unused
"Moderators" group) with "Health article review" on the root page. Frozen: it
imports no project code, so later changes to health_content.roles or
health_content.workflow never rewrite what this migration did.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

#: The roles as they were when this migration was written (health_content.roles
#: holds the live declaration; a later change to it needs a migration of its own).
CHOOSE_REFERENCE_DATA = (
    "wagtailadmin.access_admin",
    "health_content.view_topic",
    "health_content.view_authorprofile",
    "health_content.view_reviewerprofile",
    "health_content.view_disclaimer",
    "health_content.view_nutrientreference",
)
ROLES = {
    "Writers": {
        "page": ("add_page", "change_page"),
        "model": CHOOSE_REFERENCE_DATA,
        "collection": ("add_image", "choose_image", "add_document", "choose_document"),
    },
    "Medical reviewers": {
        "page": ("lock_page",),
        "model": CHOOSE_REFERENCE_DATA,
        "collection": ("choose_image", "choose_document"),
    },
    "Editors": {
        "page": ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
        "model": (
            *CHOOSE_REFERENCE_DATA,
            "health_content.add_topic",
            "health_content.change_topic",
            "health_content.add_authorprofile",
            "health_content.change_authorprofile",
            "health_content.add_disclaimer",
            "health_content.change_disclaimer",
            "health_content.add_nutrientreference",
            "health_content.change_nutrientreference",
        ),
        "collection": (
            "add_image",
            "change_image",
            "choose_image",
            "add_document",
            "change_document",
            "choose_document",
        ),
    },
}
WORKFLOW_NAME = "Health article review"
EDITORIAL_TASK_NAME = "Editorial review"
MEDICAL_TASK_NAME = "Medical review"


def _permission(apps, dotted):
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def apply_roles(apps):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Collection = apps.get_model("wagtailcore", "Collection")
    Page = apps.get_model("wagtailcore", "Page")
    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    for name, grants in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set([_permission(apps, dotted) for dotted in grants["model"]])
        # Wagtail's own migrations already gave an "Editors" group page grants.
        GroupPagePermission.objects.filter(group=group).delete()
        for codename in grants["page"]:
            GroupPagePermission.objects.create(
                group=group, page=root_page, permission=_permission(apps, f"wagtailcore.{codename}")
            )
        GroupCollectionPermission.objects.filter(group=group).delete()
        for codename in grants["collection"]:
            app_label = "wagtailimages" if codename.endswith("image") else "wagtaildocs"
            GroupCollectionPermission.objects.create(
                group=group,
                collection=root_collection,
                permission=_permission(apps, f"{app_label}.{codename}"),
            )


def _with_content_type(apps, model_label, instance):
    # Historical models skip SpecificMixin.__init__, which normally records the
    # concrete type; without it Wagtail could not find the specific task.
    ContentType = apps.get_model("contenttypes", "ContentType")
    app_label, model_name = model_label.split(".")
    instance.content_type = ContentType.objects.get_or_create(
        app_label=app_label, model=model_name
    )[0]
    return instance


def install_review_workflow(apps):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    MedicalReviewTask = apps.get_model("health_content", "MedicalReviewTask")

    editorial = GroupApprovalTask.objects.filter(name=EDITORIAL_TASK_NAME).first()
    if editorial is None:
        editorial = _with_content_type(
            apps, "wagtailcore.groupapprovaltask", GroupApprovalTask(name=EDITORIAL_TASK_NAME)
        )
        editorial.save()
    editorial.groups.set([Group.objects.get(name="Editors")])

    medical = MedicalReviewTask.objects.filter(name=MEDICAL_TASK_NAME).first()
    if medical is None:
        medical = _with_content_type(
            apps, "health_content.medicalreviewtask", MedicalReviewTask(name=MEDICAL_TASK_NAME)
        )
        medical.save()
    medical.groups.set([Group.objects.get(name="Medical reviewers")])

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.filter(workflow=workflow).delete()
    WorkflowTask.objects.create(workflow=workflow, task=editorial, sort_order=0)
    WorkflowTask.objects.create(workflow=workflow, task=medical, sort_order=1)

    root = Page.objects.get(depth=1)
    WorkflowPage.objects.filter(page=root).delete()
    WorkflowPage.objects.create(page=root, workflow=workflow)

    moderators = Workflow.objects.filter(name="Moderators approval").first()
    if moderators is not None:
        tasks = [wt.task_id for wt in WorkflowTask.objects.filter(workflow=moderators)]
        WorkflowPage.objects.filter(workflow=moderators).delete()
        moderators.delete()
        GroupApprovalTask.objects.filter(pk__in=tasks, name="Moderators approval").delete()


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
