"""The migrated database grants each group exactly what health_content.roles declares.

The data migrations hold frozen copies of the grants; this test is what makes a
change to ROLES without a migration of its own fail.
"""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from health_content.roles import ROLES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ROLES, ids=lambda role: role.name)
def test_migrations_grant_exactly_the_declared_permissions(role):
    group = Group.objects.get(name=role.name)
    granted = {f"{perm.content_type.app_label}.{perm.codename}" for perm in group.permissions.all()}
    assert granted == set(role.model_permissions)
    page_grants = GroupPagePermission.objects.filter(group=group)
    assert {grant.page_id for grant in page_grants} == {Page.objects.get(depth=1).pk}
    assert {grant.permission.codename for grant in page_grants} == set(role.page_permissions)
    collection_grants = GroupCollectionPermission.objects.filter(group=group)
    assert {grant.collection_id for grant in collection_grants} <= {
        Collection.get_first_root_node().pk
    }
    assert {grant.permission.codename for grant in collection_grants} == set(
        role.collection_permissions
    )


def test_no_other_groups_hold_permissions():
    names = {role.name for role in ROLES}
    assert set(Group.objects.exclude(name__in=names).values_list("name", flat=True)) == set()
