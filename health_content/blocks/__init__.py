"""The article body's StreamField blocks, one module per block family.

`ArticleBodyBlock` is the StreamBlock of ``ArticlePage.body``. The child names and
their field names are a contract: the importer and the demo content write them.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from wagtail import blocks

from .callout import CalloutBlock
from .comparison_table import ComparisonTableBlock
from .disclaimer import BLOCK_NAME as DISCLAIMER
from .disclaimer import DisclaimerBlock, count_messages, default_body, disclaimer_count_errors
from .dosage import DosageBlock
from .faq import FAQBlock
from .food_table import FoodTableBlock
from .image import ArticleImageBlock
from .related import RelatedArticlesBlock
from .section import SectionBlock, assign_section_anchors, table_of_contents
from .summary import KeyPointsBlock
from .symptoms import SymptomListBlock

__all__ = [
    "ArticleBodyBlock",
    "assign_section_anchors",
    "default_body",
    "disclaimer_count_errors",
    "table_of_contents",
]


class ArticleBodyBlock(blocks.StreamBlock):
    """The blocks an article is written in, grouped in the picker by purpose.

    Besides each block's own rules, full validation (submit for review, publish)
    requires exactly one ``disclaimer`` block; a draft saves with none or several.
    ``block_counts`` also stops the editor offering a second disclaimer.
    """

    section = SectionBlock()
    symptom_list = SymptomListBlock()
    food_table = FoodTableBlock()
    comparison_table = ComparisonTableBlock()
    faq = FAQBlock()
    key_points = KeyPointsBlock()
    callout = CalloutBlock()
    image = ArticleImageBlock()
    dosage = DosageBlock()
    related_articles = RelatedArticlesBlock()
    disclaimer = DisclaimerBlock()

    class Meta:
        block_counts = {DISCLAIMER: {"max_num": 1}}

    def clean(self, value):
        try:
            cleaned = super().clean(value)
        except blocks.StreamBlockValidationError as error:
            cleaned = None
            block_errors = error.block_errors
            # Wagtail's own "maximum number of items" message for block_counts is
            # replaced by ours below, and must not block a draft.
            non_block_errors = [
                e
                for e in error.non_block_errors.as_data()
                if e.message != self._max_count_message()
            ]
        else:
            block_errors, non_block_errors = {}, []

        if not self.is_deferred_validation:
            count = len(value.blocks_by_name(DISCLAIMER))
            non_block_errors += [ValidationError(message) for message in count_messages(count)]

        if block_errors or non_block_errors:
            raise blocks.StreamBlockValidationError(
                block_errors=block_errors, non_block_errors=non_block_errors
            )
        return cleaned

    def _max_count_message(self):
        # Built exactly as StreamBlock.clean builds it.
        return "{}: {}".format(
            self.child_blocks[DISCLAIMER].label,
            gettext("The maximum number of items is %(max_num)d") % {"max_num": 1},
        )
