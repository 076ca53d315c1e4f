"""Page privacy as subqueries: whether view restrictions apply to a page, without a query first."""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import Page, PageViewRestriction


def restricted_at_or_above():
    """Whether a view restriction sits on the outer page or one of its ancestors (an Exists).

    What Wagtail's ``PageQuerySet.public()`` excludes, as a subquery rather than
    a query of every restriction first.
    """
    return Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
    )


def alias_at_or_above():
    """Whether the outer page or one of its ancestors is an alias (an Exists)."""
    return Exists(
        Page.objects.filter(
            alias_of__isnull=False, path=Substr(OuterRef("path"), 1, Length("path"))
        )
    )
