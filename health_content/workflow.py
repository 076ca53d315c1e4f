"""The "Health article review" workflow: editorial review, then medical review.

Installed by a data migration, replacing Wagtail's default "Moderators approval"
workflow on the root page so that the blog section, and every page under the
root, goes through it. Wagtail imports `publish_signed_off_revision` (the
WAGTAIL_FINISH_WORKFLOW_ACTION) while loading its models, so this module imports
nothing from Wagtail or our models at import time.
"""

from .roles import EDITORS, MEDICAL_REVIEWERS

WORKFLOW_NAME = "Health article review"
EDITORIAL_TASK_NAME = "Editorial review"
MEDICAL_TASK_NAME = "Medical review"


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
    editorial.groups.set([Group.objects.get(name=EDITORS)])

    medical = MedicalReviewTask.objects.filter(name=MEDICAL_TASK_NAME).first()
    if medical is None:
        medical = _with_content_type(
            apps, "health_content.medicalreviewtask", MedicalReviewTask(name=MEDICAL_TASK_NAME)
        )
        medical.save()
    medical.groups.set([Group.objects.get(name=MEDICAL_REVIEWERS)])

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


def publish_signed_off_revision(workflow_state, user=None):
    """WAGTAIL_FINISH_WORKFLOW_ACTION: publish the revision the reviewer signed, not the latest.

    The workflow itself authorises this publish (the approving reviewer has no
    publish permission of their own); the model-layer gate still checks the
    sign-off fingerprint.
    """
    task_state = workflow_state.current_task_state
    task_state.revision.publish(user=user, skip_permission_checks=True)
