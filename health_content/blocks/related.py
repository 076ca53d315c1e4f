"""Links to related articles, chosen by the writer."""

from wagtail import blocks

from ..privacy import restricted_at_or_above
from .base import HealthStructBlock


class RelatedArticlesValue(blocks.StructValue):
    #: Ids of the chosen pages every reader may open, set for a whole stream at once
    #: by RelatedArticlesBlock.bulk_to_python; None until then.
    readable_ids = None

    @property
    def live_articles(self):
        """The chosen articles every reader can open, in the writer's order.

        Deleted, unpublished and view-restricted (password, login, group) articles
        are skipped: their titles and summaries must not appear on public pages.
        """
        chosen = [page for page in self.get("articles") or [] if page is not None and page.live]
        readable = self.readable_ids
        if readable is None:
            readable = self.block.readable_ids(chosen)
        return [page for page in chosen if page.pk in readable]


class RelatedArticlesBlock(HealthStructBlock):
    """A "See also" list of links to other articles, with their summaries."""

    heading = blocks.CharBlock(max_length=120, default="See also")
    articles = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="blog.ArticlePage", label="Article"),
        label="Articles",
    )

    class Meta:
        icon = "link"
        label = "Related articles"
        group = "Links"
        template = "blocks/related_articles.html"
        value_class = RelatedArticlesValue
        help_text = "Only published articles are shown to readers."
        description = "Links to other articles on the site, with their summaries."
        required_messages = {
            "heading": "Give the list a heading.",
            "articles": "Choose an article, or remove the empty item.",
        }
        empty_list_messages = {"articles": "Choose at least one article."}

    def readable_ids(self, pages):
        """Which of `pages` are live and public, in one query whatever their number."""
        if not pages:
            return set()
        model = self.child_blocks["articles"].child_block.target_model
        # Not Wagtail's public(), which first queries every view restriction.
        return set(
            model.objects.live()
            .filter(pk__in=[page.pk for page in pages])
            .exclude(restricted_at_or_above())
            .values_list("pk", flat=True)
        )

    def bulk_to_python(self, values):
        struct_values = super().bulk_to_python(values)
        # The chooser loads every chosen page of the stream in one query; find which
        # of them readers may see in one more, for all the stream's blocks at once.
        chosen = [page for value in struct_values for page in value.get("articles") or [] if page]
        readable = self.readable_ids(chosen)
        for value in struct_values:
            value.readable_ids = readable
        return struct_values

    def get_preview_value(self):
        # A few published articles, if there are any; queried only for the picker preview.
        article_model = self.child_blocks["articles"].child_block.target_model
        return self.normalize(
            {"heading": "See also", "articles": list(article_model.objects.live()[:3])}
        )
