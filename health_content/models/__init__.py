"""Managed medical-content data: disclaimers, nutrients, topics and people."""

from .disclaimers import Disclaimer
from .nutrients import NutrientReference
from .profiles import AuthorProfile, ReviewerProfile
from .review import (
    MedicalReviewTask,
    MedicalReviewTaskState,
    ReviewReminder,
    SignOff,
    SignOffRefused,
)
from .topics import Topic

__all__ = [
    "AuthorProfile",
    "Disclaimer",
    "MedicalReviewTask",
    "MedicalReviewTaskState",
    "NutrientReference",
    "ReviewReminder",
    "ReviewerProfile",
    "SignOff",
    "SignOffRefused",
    "Topic",
]
