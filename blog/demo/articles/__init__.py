"""The demo articles, in the order they are created (related articles come first).

Each module holds one article as plain data: page fields, a body in StreamField's
stored format built with blog.factories' block builders (with placeholders from
..refs for database objects; food tables and daily amounts come from
..reference_data), references and the review state it is left in: "live",
"due_soon" and "overdue" (signed off and published through the real review
workflow), "medical_review" and "editorial_review" (submitted, waiting at that
step) or "draft".
"""

from . import folate, iron, numbness, vitamin_b12, vitamin_c, vitamin_d

ARTICLES = [
    vitamin_d.ARTICLE,
    iron.ARTICLE,
    vitamin_b12.ARTICLE,
    folate.ARTICLE,
    vitamin_c.ARTICLE,
    numbness.ARTICLE,
]
