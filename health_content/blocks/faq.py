"""Frequently asked questions, rendered as native disclosure widgets."""

from wagtail import blocks
from wagtail.rich_text import get_text_for_indexing

from .base import HealthStructBlock


class FAQItemBlock(HealthStructBlock):
    """One question and its answer."""

    question = blocks.CharBlock(
        max_length=255, help_text="Phrase it the way a reader would ask it."
    )
    answer = blocks.RichTextBlock(features=["bold", "italic", "ol", "ul", "link"])

    class Meta:
        icon = "help"
        required_messages = {
            "question": "Write the question.",
            "answer": "Each question needs an answer.",
        }


class FAQValue(blocks.StructValue):
    def question_answers(self):
        """``[(question, answer as plain text), ...]`` for FAQPage structured data (JSON-LD).

        Items still missing a question or an answer (possible in a draft) are left out.
        """
        return [
            (item["question"], get_text_for_indexing(item["answer"].source))
            for item in self.get("items") or []
            if item.get("question") and item.get("answer")
        ]


class FAQBlock(HealthStructBlock):
    """Questions and answers; each answer opens under its question.

    Uses ``<details>``/``<summary>``, which work by keyboard and without JavaScript.
    """

    heading = blocks.CharBlock(max_length=120, default="Frequently asked questions")
    items = blocks.ListBlock(FAQItemBlock(), label="Questions", collapsed=False)

    class Meta:
        icon = "help"
        label = "FAQ"
        group = "Text"
        template = "blocks/faq.html"
        value_class = FAQValue
        help_text = "Questions readers ask, each with a short answer."
        description = "Questions and answers that expand when a reader selects the question."
        required_messages = {"heading": "Give the questions a heading."}
        empty_list_messages = {"items": "Add at least one question."}
        preview_value = {
            "heading": "Frequently asked questions",
            "items": [
                {
                    "question": "Can I get enough vitamin B12 from plants?",
                    "answer": "<p>Only from fortified foods or supplements.</p>",
                }
            ],
        }
