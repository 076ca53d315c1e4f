"""Page models readers visit. Article content rules live in health_content."""

from .article import ArticleAuthor, ArticlePage, ArticlePageTag, ArticleReference
from .pages import BlogIndexPage, HomePage, StandardPage
from .policies import PolicyPages

__all__ = [
    "ArticleAuthor",
    "ArticlePage",
    "ArticlePageTag",
    "ArticleReference",
    "BlogIndexPage",
    "HomePage",
    "PolicyPages",
    "StandardPage",
]
