"""Shared behaviour for the article body blocks: validation that respects draft saves.

Wagtail 8 validates a StreamField in two modes. On "save draft" the page editor
calls ``clean_deferred()``: every block's ``is_deferred_validation`` is True and
``required`` child blocks are temporarily optional, so half-written content always
saves. On submit for review and publish, ``clean()`` runs in full. Every rule here
that goes beyond "this field is required" therefore runs only when validation is
not deferred.

Editor conventions for the blocks: lists of structured items (symptoms, foods,
questions, doses) show their items open, so a newly added item can be typed into
at once. A collapsed block or item is summarised by its first filled-in field,
Wagtail's default label; ``label_format`` is set only where another field
names the block better (a food table's caption, not its nutrient).
"""

import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.rich_text import get_text_for_indexing

#: Renders a block alone, with the site's styles, for the block picker's preview.
PREVIEW_TEMPLATE = "blocks/preview.html"


class ChoiceLabel:
    """A StructValue attribute: the label readers see for a ChoiceBlock child's value.

    An unknown or missing value (content saved before a choice existed) reads as
    the label of `default`, the ChoiceBlock's own default, or as "" without one.
    """

    def __init__(self, child, choices, default=None):
        self.child = child
        self.labels = dict(choices)
        self.fallback = self.labels[default] if default else ""

    def __get__(self, value, owner=None):
        if value is None:
            return self
        return self.labels.get(value.get(self.child), self.fallback)


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
        # StructBlock.clean, except that the children that did clean are kept, so
        # the full-validation rules below see typed values (a posted amount is the
        # string "2.6" until its DecimalBlock has cleaned it).
        cleaned, block_errors = {}, {}
        for name, child_value in value.items():
            try:
                cleaned[name] = self.child_blocks[name].clean(child_value)
            except ValidationError as error:
                block_errors[name] = self._specific_error(name, error)

        if not self.is_deferred_validation:
            for name in self._required_rich_text_without_text(cleaned):
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
                if name not in block_errors and not cleaned.get(name):
                    block_errors[name] = blocks.ListBlockValidationError(non_block_errors=[message])
            valid = {name: item for name, item in cleaned.items() if name not in block_errors}
            for name, child_error in self.full_validation_errors(valid).items():
                block_errors.setdefault(name, child_error)

        if block_errors:
            raise blocks.StructBlockValidationError(block_errors)
        return self._to_struct_value(cleaned.items())

    def full_validation_errors(self, value):
        """Return ``{child_name: ValidationError}`` for rules that must not block a draft.

        Called only when validation is not deferred, with a dict of the children
        that cleaned without error, as typed values (Decimal, bool, model
        instances...). A child that failed its own validation is absent, so rules
        use ``value.get(name)`` and skip what is missing.
        """
        return {}

    def _required_rich_text_without_text(self, cleaned):
        # "<p></p>" passes a required check but shows the reader nothing. The editor
        # posts nothing for an empty field; code (an importer) can still store this.
        for name, child in self.child_blocks.items():
            if isinstance(child, blocks.RichTextBlock) and child.required and name in cleaned:
                source = getattr(cleaned[name], "source", "")
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


AMOUNT_HELP = "Digits, with a dot or a comma for decimals, e.g. 2.6 or 2,6."
_PLAIN_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")
_SPACE_GROUPED = re.compile(r"^[+-]?\d{1,3}(\s\d{3})+([.,]\d+)?$")
_GROUPED = {
    # Thousands grouped with one separator, decimals after the other: 1,234.5 / 1.234,5
    ",": re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$"),
    ".": re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$"),
}


def parse_amount(text):
    """The Decimal a writer means by `text`, or None for blank; ValidationError if unclear.

    Accepts "2.6" and "2,6" (a comma is a decimal point in much of the world),
    "1,234.5" and "1.234,5" (grouped thousands), and spaces between groups. A lone
    comma or dot followed by exactly three digits ("1,000") could be either, so it
    is refused with a message asking for the unambiguous form. Units typed after
    the number ("17 mcg") are refused: the unit has a field of its own.
    """
    if text is None:
        return None
    if isinstance(text, Decimal | int | float):
        return Decimal(str(text))
    text = str(text).strip()
    if not text:
        return None
    if re.search(r"\d\s+\d", text) and not _SPACE_GROUPED.match(text):
        raise ValidationError(f"Enter one number. {AMOUNT_HELP}", code="invalid")
    value = re.sub(r"\s", "", text)
    if re.search(r"\d\s*[^\d\s.,+-]+$", text):
        raise ValidationError(
            "Enter only the number; the unit has its own field or comes from the nutrient.",
            code="unit_typed",
        )
    for separator, grouped in _GROUPED.items():
        if grouped.match(value):
            decimal_separator = "." if separator == "," else ","
            whole, _, fraction = value.replace(separator, "").partition(decimal_separator)
            if fraction or not re.fullmatch(r"[+-]?\d{1,3}[.,]\d{3}", value):
                return Decimal(f"{whole}.{fraction}" if fraction else whole)
            as_decimal = Decimal(value.replace(separator, ".")).normalize()
            raise ValidationError(
                f"“{text}” is unclear: it could mean {whole} or {as_decimal:f}. "
                f"Write {whole} without the separator, or {as_decimal:f} for the decimal.",
                code="ambiguous",
            )
    if not _PLAIN_NUMBER.match(value):
        raise ValidationError(f"Enter a number. {AMOUNT_HELP}", code="invalid")
    return Decimal(value.replace(",", "."))


class AmountField(forms.DecimalField):
    """DecimalField that reads amounts the way writers type them (see `parse_amount`)."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        return parse_amount(value)


class AmountBlock(blocks.DecimalBlock):
    """A DecimalBlock whose editor input accepts "2,6" as well as "2.6" (see `parse_amount`).

    Stored and rendered as a Decimal exactly like DecimalBlock; only what the
    editor accepts, and the error for what it cannot read, differ.
    """

    def __init__(self, required=True, help_text=None, decimal_places=None, **kwargs):
        super().__init__(required=required, help_text=help_text, **kwargs)
        self.field = AmountField(
            required=required,
            help_text=help_text,
            decimal_places=decimal_places,
            widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        )

    def to_python(self, value):
        # Stored content written by code (the importer, an older version) may hold a
        # string such as "2,6": read it the way the editor would.
        try:
            return parse_amount(value)
        except ValidationError:
            return None


def format_amount(amount):
    """Show an amount as written ("17", "2.6"), whatever numeric type it arrived as."""
    if amount is None:
        return ""
    # str() first: a float such as 2.6 would otherwise expand to 2.6000000000000000888...
    return f"{Decimal(str(amount)).normalize():f}"
