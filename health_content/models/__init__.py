"""Managed medical-content data: disclaimers, nutrients, topics and people."""

from .audit import AuditChainError, AuditEntry
from .disclaimers import Disclaimer
from .nutrients import NutrientReference
from .profiles import AuthorProfile, ReviewerProfile
from .rereview import ReReviewRequest
from .review import (
    MedicalReviewTask,
    MedicalReviewTaskState,
    ReviewReminder,
    SignOff,
    SignOffRefused,
    covering_sign_off,
)
from .topics import Topic

__all__ = [
    "AuditChainError",
    "AuditEntry",
    "AuthorProfile",
    "Disclaimer",
    "MedicalReviewTask",
    "MedicalReviewTaskState",
    "NutrientReference",
    "ReReviewRequest",
    "ReviewReminder",
    "ReviewerProfile",
    "SignOff",
    "SignOffRefused",
    "Topic",
    "covering_sign_off",
]
