"""The editorial roles: one place that says what each group may do.

Applied by a data migration (and re-applicable with `apply_roles()`), so every
database, including the test databases, has the same groups and permissions.

* Writers: add and edit articles in the blog section and submit them for review;
  they never publish or unpublish.
* Medical reviewers: see, preview and compare revisions of articles in review,
  comment, approve with a sign-off or request changes. "lock" is their only page
  permission: it lets them open the admin's page views without editing rights.
* Editors: edit any article, run the editorial review step, schedule and
  unpublish; publishing itself still needs a medical sign-off (publish_gate).
"""

from dataclasses import dataclass, field

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


def _permission(apps, dotted):
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def section_root(apps):
    """The page whose subtree the roles govern: the site root, so new blog sections are covered."""
    Page = apps.get_model("wagtailcore", "Page")
    return Page.objects.get(depth=1)


def apply_roles(apps):
    """Create or update the three groups with exactly the permissions of ROLES."""
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Collection = apps.get_model("wagtailcore", "Collection")
    root_page = section_root(apps)
    root_collection = Collection.objects.get(depth=1)

    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role.name)
        group.permissions.set([_permission(apps, dotted) for dotted in role.model_permissions])
        GroupPagePermission.objects.filter(group=group).delete()
        for codename in role.page_permissions:
            GroupPagePermission.objects.create(
                group=group,
                page=root_page,
                permission=_permission(apps, f"wagtailcore.{codename}"),
            )
        GroupCollectionPermission.objects.filter(group=group).delete()
        for codename in role.collection_permissions:
            app_label = "wagtailimages" if codename.endswith("image") else "wagtaildocs"
            GroupCollectionPermission.objects.create(
                group=group,
                collection=root_collection,
                permission=_permission(apps, f"{app_label}.{codename}"),
            )
