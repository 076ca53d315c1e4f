"""Serializer fields of the read API (blog/api.py): an article as it was signed.

Every field reads the same accessors as the reader page (`ArticlePage.reader_body`,
`reader_authors`, `reader_topics`, `covering_sign_off`), so an API client sees
exactly what the medical reviewer signed, whatever has been edited since.
"""

from rest_framework import serializers

from health_content.cadence import ReviewStatus


def _signed(page):
    # The pinned body reads the scope that get_context() sets for the HTML page.
    sign_off = page.covering_sign_off
    if sign_off is not None:
        page._body_scope = sign_off.scope
    return sign_off


class SignedBodyField(serializers.Field):
    """The body's blocks as JSON, with snippets (disclaimer, nutrients) as signed."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        _signed(page)
        body = page.reader_body
        return body.stream_block.get_api_representation(body, self.context)


class SignedAuthorsField(serializers.Field):
    """The byline in order, each author's name and job title as signed."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        return [
            {"name": author.display_name, "slug": author.slug, "job_title": author.job_title}
            for author in page.reader_authors()
        ]


class SignedTopicsField(serializers.Field):
    """The article's topics, names as signed."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        return [{"name": topic.name, "slug": topic.slug} for topic in page.reader_topics()]


class ReferencesField(serializers.Field):
    """The cited sources in their numbered order."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        return [
            {
                "number": number,
                "authors": ref.authors,
                "title": ref.title,
                "publication": ref.publication,
                "year": ref.year,
                "doi": ref.doi,
                "doi_url": ref.doi_url,
                "pmid": ref.pmid,
                "url": ref.url,
                "accessed": ref.accessed.isoformat() if ref.accessed else None,
            }
            for number, ref in enumerate(page.references.all(), start=1)
        ]


class SignOffField(serializers.Field):
    """Who signed the live content, when, and when it is next due for review."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        sign_off = _signed(page)
        if sign_off is None:
            return None
        review = ReviewStatus(page=page, sign_off=sign_off)
        return {
            "reviewer_name": sign_off.reviewer_name,
            "reviewer_credentials": sign_off.reviewer_credentials,
            "signed_at": serializers.DateTimeField().to_representation(sign_off.signed_at),
            "last_reviewed": review.last_reviewed.isoformat(),
            "next_review_due": review.next_review_due.isoformat(),
            "overdue": review.is_overdue(),
        }
