"""Site settings for the reader site: which pages hold its policies."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


def _policy_page(verbose_name, help_text):
    return models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=verbose_name,
        help_text=help_text,
    )


@register_setting(icon="doc-full")
class PolicyPages(BaseSiteSetting):
    """The pages every reader page links to in its footer: who we are and how we work.

    Chosen per site rather than found by slug, so editors can rename or move them;
    a page that is not live and public is left out of the footer
    (blog.policies.policy_links).
    """

    about = _policy_page("About us", "Who publishes this site and why.")
    editorial_policy = _policy_page(
        "Editorial policy", "How topics are chosen, sources used and independence kept."
    )
    review_process = _policy_page(
        "How we review", "The editorial and medical review every article passes."
    )
    corrections_policy = _policy_page(
        "Corrections policy", "How readers report errors and how corrections are shown."
    )

    panels = [
        FieldPanel("about"),
        FieldPanel("editorial_policy"),
        FieldPanel("review_process"),
        FieldPanel("corrections_policy"),
    ]

    #: Footer order.
    link_fields = ("about", "editorial_policy", "review_process", "corrections_policy")

    class Meta:
        verbose_name = "policy pages"
        verbose_name_plural = "policy pages"
