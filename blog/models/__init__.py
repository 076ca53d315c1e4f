"""Page models readers visit. Article content rules live in health_content."""

from .article import ArticleAuthor, ArticlePage, ArticlePageTag, ArticleReference
from .feedback import ArticleFeedback, ProblemReport
from .pages import BlogIndexPage, HomePage, StandardPage
from .policies import PolicyPages

__all__ = [
    "ArticleAuthor",
    "ArticleFeedback",
    "ArticlePage",
    "ArticlePageTag",
    "ArticleReference",
    "BlogIndexPage",
    "HomePage",
    "PolicyPages",
    "ProblemReport",
    "StandardPage",
]
