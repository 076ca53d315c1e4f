"""Shared behaviour for the article body blocks: validation that respects draft saves.

Wagtail 8 validates a StreamField in two modes. On "save draft" the page editor
calls ``clean_deferred()``: every block's ``is_deferred_validation`` is True and
``required`` child blocks are temporarily optional, so half-written content always
saves. On submit for review and publish, ``clean()`` runs in full. Every rule here
that goes beyond "this field is required" therefore runs only when validation is
not deferred.

Editor conventions for the blocks: lists of structured items (symptoms, foods,
questions, doses) start collapsed, each item summarised by its ``label_format``,
so a long list stays navigable.
"""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.rich_text import get_text_for_indexing

#: Renders a block alone, with the site's styles, for the block picker's preview.
PREVIEW_TEMPLATE = "blocks/preview.html"


class HealthStructBlock(blocks.StructBlock):
    """A StructBlock whose errors tell the writer exactly what is missing.

    Subclasses declare, in ``Meta``:

    - ``required_messages``: ``{child_name: message}`` shown instead of Django's
      generic "This field is required." when that (required) child is empty. For a
      ListBlock child the message applies to each empty item.
    - ``empty_list_messages``: ``{list_child_name: message}`` shown when that
      ListBlock child has no items at all.

    and may override :meth:`full_validation_errors` for rules that need more than
    one field. Errors are attached to the child they concern, so the admin shows
    them next to the right input.
    """

    class Meta:
        required_messages = {}
        empty_list_messages = {}
        preview_template = PREVIEW_TEMPLATE

    def clean(self, value):
        try:
            cleaned = super().clean(value)
        except blocks.StructBlockValidationError as error:
            cleaned = None
            block_errors = {
                name: self._specific_error(name, child_error)
                for name, child_error in error.block_errors.items()
            }
            non_block_errors = error.non_block_errors
        else:
            block_errors, non_block_errors = {}, None

        if not self.is_deferred_validation:
            for name in self._required_rich_text_without_text(value):
                block_errors.setdefault(
                    name,
                    self._specific_error(
                        name,
                        ValidationError(
                            forms.Field.default_error_messages["required"], code="required"
                        ),
                    ),
                )
            for name, message in self.meta.empty_list_messages.items():
                if not value.get(name):
                    block_errors.setdefault(
                        name, blocks.ListBlockValidationError(non_block_errors=[message])
                    )
            for name, child_error in self.full_validation_errors(value).items():
                block_errors.setdefault(name, child_error)

        if block_errors or non_block_errors:
            raise blocks.StructBlockValidationError(block_errors, non_block_errors)
        return cleaned

    def full_validation_errors(self, value):
        """Return ``{child_name: ValidationError}`` for rules that must not block a draft.

        Called only when validation is not deferred, with the value as submitted.
        """
        return {}

    def _required_rich_text_without_text(self, value):
        # "<p></p>" passes a required check but shows the reader nothing. The editor
        # posts nothing for an empty field; code (an importer) can still store this.
        for name, child in self.child_blocks.items():
            if isinstance(child, blocks.RichTextBlock) and child.required:
                source = getattr(value.get(name), "source", "")
                if source and not get_text_for_indexing(source).strip():
                    yield name

    def _specific_error(self, name, error):
        message = self.meta.required_messages.get(name)
        if message is None:
            return error
        if isinstance(error, blocks.ListBlockValidationError):
            return blocks.ListBlockValidationError(
                block_errors={
                    index: _reworded(item_error, message)
                    for index, item_error in error.block_errors.items()
                },
                non_block_errors=error.non_block_errors,
            )
        return _reworded(error, message)


def _reworded(error, message):
    """`error` with Django's generic required message replaced by `message`."""
    if getattr(error, "code", None) == "required":
        return ValidationError(message, code="required")
    return error


def format_amount(amount):
    """Show an amount as written ("17", "2.6"), whatever numeric type it arrived as."""
    if amount is None:
        return ""
    # str() first: a float such as 2.6 would otherwise expand to 2.6000000000000000888...
    return f"{Decimal(str(amount)).normalize():f}"
