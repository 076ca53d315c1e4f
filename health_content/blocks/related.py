"""Links to related articles, chosen by the writer."""

from wagtail import blocks

from .base import HealthStructBlock


class RelatedArticlesValue(blocks.StructValue):
    @property
    def live_articles(self):
        """The chosen articles that readers can open: deleted and unpublished ones are skipped.

        The chooser loads every chosen ArticlePage of the stream in one query
        (bulk_to_python), already as the specific model, so no query happens here.
        """
        return [page for page in self.get("articles") or [] if page is not None and page.live]


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
        label_format = "{heading}"
        required_messages = {
            "heading": "Give the list a heading.",
            "articles": "Choose an article, or remove the empty item.",
        }
        empty_list_messages = {"articles": "Choose at least one article."}

    def get_preview_value(self):
        # A few published articles, if there are any; queried only for the picker preview.
        article_model = self.child_blocks["articles"].child_block.target_model
        return self.normalize(
            {"heading": "See also", "articles": list(article_model.objects.live()[:3])}
        )
