"""Building blocks shared by the reader page models."""

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction

from health_content.privacy import alias_at_or_above, restricted_at_or_above

#: The annotations `with_view_restriction_flags` adds.
VIEW_RESTRICTION_FLAGS = ("_restricted_at_or_above", "_alias_at_or_above")


def with_view_restriction_flags(queryset):
    """`queryset` annotated so `OneQueryViewRestrictionsMixin` needs no query for public pages."""
    return queryset.annotate(
        _restricted_at_or_above=restricted_at_or_above(), _alias_at_or_above=alias_at_or_above()
    )


class OneQueryViewRestrictionsMixin:
    """Find a page's view restrictions in one query instead of Wagtail's two.

    Wagtail's `Page.get_view_restrictions()` loads the ancestors (to resolve
    aliases) and then queries their restrictions, on every page view. Here the
    ancestors' paths are derived from the page's own tree path, and the aliases'
    source pages come from a subquery. The result is the same set of restrictions,
    plus any stored on alias pages themselves (Wagtail never creates those), so
    it is never less strict. tests/test_reader_pages.py checks that private
    sections stay private. A page loaded through `with_view_restriction_flags`
    (the article route) already knows it has none and needs no query at all.
    """

    def get_view_restrictions(self):
        if getattr(self, "_restricted_at_or_above", True) is False and not getattr(
            self, "_alias_at_or_above", True
        ):
            # Loaded by `with_view_restriction_flags`: nothing restricts this page.
            return PageViewRestriction.objects.none()
        steplen = self.steplen
        paths = [self.path[:end] for end in range(steplen, len(self.path) + 1, steplen)]
        alias_sources = Page.objects.filter(path__in=paths, alias_of__isnull=False).values(
            "alias_of_id"
        )
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths) | Q(page_id__in=alias_sources)
        )


def route_to_child(parent, child_queryset, request, path_components):
    """Route into a child found by `child_queryset` in one query, else Wagtail's default.

    Wagtail's `Page.route` loads a child as a plain Page and then its specific row
    (two queries per URL segment). When the child's type is known, one query does.
    """
    child = child_queryset.child_of(parent).filter(slug=path_components[0]).first()
    if child is None:
        return Page.route(parent, request, path_components)
    # As Page.route does: treebeard's get_parent() then needs no query.
    child._cached_parent_obj = parent
    return child.route(request, path_components[1:])
