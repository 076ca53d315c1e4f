"""The "Health article review" workflow: editorial review, then medical review.

Installed by data migration 0002, replacing Wagtail's default "Moderators
approval" workflow on the root page so that the blog section, and every page
under the root, goes through it. Wagtail imports `publish_signed_off_revision` (the
WAGTAIL_FINISH_WORKFLOW_ACTION) while loading its models, so this module imports
nothing from Wagtail or our models at import time.
"""

WORKFLOW_NAME = "Health article review"
EDITORIAL_TASK_NAME = "Editorial review"
MEDICAL_TASK_NAME = "Medical review"


def publish_signed_off_revision(workflow_state, user=None):
    """WAGTAIL_FINISH_WORKFLOW_ACTION: publish the revision the reviewer signed, not the latest.

    The workflow itself authorises this publish (the approving reviewer has no
    publish permission of their own); the model-layer gate still checks the
    sign-off fingerprint.
    """
    task_state = workflow_state.current_task_state
    task_state.revision.publish(user=user, skip_permission_checks=True)
