"""The editorial roles: one place that says what each group may do.

Data migrations apply these grants (each with a frozen copy, so history never
changes); tests/test_roles.py checks that the migrated database grants exactly
what ROLES declares, so a change here without a migration fails the tests.

* Writers: add and edit articles in the blog section and submit them for review;
  they never publish or unpublish.
* Medical reviewers: see, preview and compare revisions of articles in review,
  comment, approve with a sign-off or request changes. "lock" is their only page
  permission: it lets them open the admin's page views without editing rights.
* Editors: edit any article, run the editorial review step, schedule and
  unpublish; publishing itself still needs a medical sign-off (publish_gate).
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Q

WRITERS = "Writers"
MEDICAL_REVIEWERS = "Medical reviewers"
EDITORS = "Editors"


@dataclass(frozen=True)
class Role:
    name: str
    # Page permission codenames granted on the blog section (see `section_root`).
    page_permissions: tuple = ()
    # "app_label.codename" model permissions.
    model_permissions: tuple = ()
    # Image and document permission codenames on the root collection.
    collection_permissions: tuple = ()
    description: str = field(default="", compare=False)


CHOOSE_REFERENCE_DATA = (
    "wagtailadmin.access_admin",
    "health_content.view_topic",
    "health_content.view_authorprofile",
    "health_content.view_reviewerprofile",
    "health_content.view_disclaimer",
    "health_content.view_nutrientreference",
)

ROLES = (
    Role(
        WRITERS,
        page_permissions=("add_page", "change_page"),
        model_permissions=CHOOSE_REFERENCE_DATA,
        collection_permissions=("add_image", "choose_image", "add_document", "choose_document"),
    ),
    Role(
        MEDICAL_REVIEWERS,
        page_permissions=("lock_page",),
        model_permissions=CHOOSE_REFERENCE_DATA,
        collection_permissions=("choose_image", "choose_document"),
    ),
    Role(
        EDITORS,
        page_permissions=("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
        model_permissions=(
            *CHOOSE_REFERENCE_DATA,
            "health_content.add_topic",
            "health_content.change_topic",
            "health_content.add_authorprofile",
            "health_content.change_authorprofile",
            "health_content.add_disclaimer",
            "health_content.change_disclaimer",
            "health_content.add_nutrientreference",
            "health_content.change_nutrientreference",
            # Reader reports and feedback (blog.feedback.admin): editors triage them.
            "blog.view_problemreport",
            "blog.change_problemreport",
            "blog.view_articlefeedback",
        ),
        collection_permissions=(
            "add_image",
            "change_image",
            "choose_image",
            "add_document",
            "change_document",
            "choose_document",
        ),
    ),
)


#: Members of these groups, and superusers, follow medical reviews: they see the
#: reviews-due report and its dashboard panel, get the reminder emails and may
#: download articles' evidence packs (health_content.evidence_admin).
REVIEW_FOLLOWER_GROUPS = (EDITORS, MEDICAL_REVIEWERS)


def review_followers():
    """The active users who follow medical reviews (see REVIEW_FOLLOWER_GROUPS)."""
    return (
        get_user_model()
        .objects.filter(
            Q(is_superuser=True) | Q(groups__name__in=REVIEW_FOLLOWER_GROUPS), is_active=True
        )
        .distinct()
    )


def follows_reviews(user):
    """Whether `user` follows medical reviews: the same answer as `review_followers()`."""
    return user.is_authenticated and review_followers().filter(pk=user.pk).exists()
