"""Placeholders that let demo content name database objects before they exist.

Article bodies are written as plain data in StreamField's stored format; where a
block needs an object (a nutrient, an image, another article, the disclaimer) the
data holds one of these markers, and `resolve` swaps in the object's id when the
article is created.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Nutrient:
    name: str


@dataclass(frozen=True)
class Image:
    key: str


@dataclass(frozen=True)
class Article:
    slug: str


@dataclass(frozen=True)
class DefaultDisclaimer:
    pass


DISCLAIMER = DefaultDisclaimer()


def resolve(value, lookup):
    """`value` with every placeholder replaced by ``lookup(placeholder)`` (an id), recursively."""
    if isinstance(value, Nutrient | Image | Article | DefaultDisclaimer):
        return lookup(value)
    if isinstance(value, dict):
        return {key: resolve(item, lookup) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [resolve(item, lookup) for item in value]
    return value
