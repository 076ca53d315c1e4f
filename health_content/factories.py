"""factory_boy factories for the medical-content models, and the review path for any gated page.

The one test-data layer: the tests, the demo content (blog.demo) and the
benchmark (bench/seed.py) build people and reference data with these factories
and take pages live with `publish_through_review`, which runs the real "Health
article review" workflow: a writer submits, an editor approves, a medical
reviewer signs off with their password, and the gate publishes. Nothing here
sets ``live=True`` or creates a SignOff by hand.
"""

import itertools
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import WorkflowState

from .checks import warning_findings
from .forms import ATTESTATIONS, acknowledgement_field
from .models import AuthorProfile, Disclaimer, NutrientReference, ReviewerProfile, Topic
from .roles import EDITORS, MEDICAL_REVIEWERS, WRITERS

#: The password factory-made users have unless given another.
PASSWORD = "a-long-test-password"
#: Every attestation of the medical sign-off, ticked.
ATTESTED = dict.fromkeys(ATTESTATIONS, True)


class UserFactory(DjangoModelFactory):
    """A user; ``groups`` takes group names: ``UserFactory(groups=[WRITERS])``."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def groups(self, create, names, **kwargs):
        if create and names:
            self.groups.add(*Group.objects.filter(name__in=names))


class AuthorProfileFactory(DjangoModelFactory):
    class Meta:
        model = AuthorProfile

    display_name = factory.Sequence(lambda n: f"Ada Author {n}")
    slug = factory.Sequence(lambda n: f"author-{n}")
    job_title = "Health writer"


class ReviewerProfileFactory(DjangoModelFactory):
    """An active medical reviewer's profile, with a user in the Medical reviewers group."""

    class Meta:
        model = ReviewerProfile

    user = factory.SubFactory(
        UserFactory,
        username=factory.Sequence(lambda n: f"reviewer{n}"),
        groups=[MEDICAL_REVIEWERS],
    )
    display_name = factory.LazyAttribute(lambda profile: f"Dr {profile.user.username.title()}")
    slug = factory.LazyAttribute(lambda profile: profile.user.username)
    credentials = "MD"
    specialty = "General practice"
    registration_body = "General Medical Council"
    registration_number = factory.Sequence(lambda n: f"GMC{n:06d}")


class TopicFactory(DjangoModelFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Vitamin B12 {n}")
    slug = factory.Sequence(lambda n: f"vitamin-b12-{n}")
    kind = Topic.Kind.NUTRIENT


class DisclaimerFactory(DjangoModelFactory):
    class Meta:
        model = Disclaimer

    name = factory.Sequence(lambda n: f"General {n}")
    text = "<p>This article is general information, not medical advice.</p>"
    is_default = True


def default_disclaimer():
    """The site's default disclaimer, created if there is none yet."""
    return Disclaimer.objects.default() or DisclaimerFactory()


class NutrientReferenceFactory(DjangoModelFactory):
    """Vitamin B12 as on the FDA's Daily Value table (2.4 mcg), unless told otherwise."""

    class Meta:
        model = NutrientReference
        django_get_or_create = ("name",)

    name = "Vitamin B12"
    unit = "mcg"
    daily_value = Decimal("2.4")
    dv_basis = "The DV for vitamin B12 is 2.4 mcg for adults and children age 4 years and older."
    source = "U.S. Food and Drug Administration"
    source_url = "https://www.fda.gov/food/nutrition-facts-label/daily-value-nutrition-facts-label"


_casts = itertools.count(1)


class Cast:
    """The people and reference data a live article needs, each cast with its own names.

    A writer, an editor and a medical reviewer (user and active profile), author
    profiles, topics, the default disclaimer, vitamin B12 reference data and hero
    images. ``topic_names`` and ``images`` replace the single default topic and
    image (the benchmark passes its own).
    """

    def __init__(self, *, authors=1, topic_names=None, images=None):
        n = next(_casts)
        self.writer = UserFactory(username=f"writer{n}", groups=[WRITERS])
        self.editor = UserFactory(username=f"editor{n}", groups=[EDITORS])
        self.reviewer = ReviewerProfileFactory(
            user__username=f"reviewer{n}",
            display_name=f"Dr Rhea Reviewer {n}",
            slug=f"rhea-reviewer-{n}",
            specialty="Haematology",
            bio="<p>Consultant haematologist.</p>",
        )
        self.reviewer_user = self.reviewer.user
        self.authors = AuthorProfileFactory.create_batch(authors)
        self.author = self.authors[0]
        self.topics = (
            [TopicFactory(name=name, slug=slugify(name)) for name in topic_names]
            if topic_names
            else [TopicFactory()]
        )
        self.topic = self.topics[0]
        self.disclaimer = default_disclaimer()
        self.nutrient = NutrientReferenceFactory()
        self.images = images or [
            get_image_model().objects.create(
                title=f"Clams {n}", file=get_test_image_file(f"clams{n}.png", size=(1600, 900))
            )
        ]
        self.image = self.images[0]


def refreshed(page):
    return page.specific_class.objects.get(pk=page.pk)


def submit(page, user):
    """Start the review workflow on the page's latest revision, as the admin's Submit does.

    If a review is already running (a re-review asked for by a change of reference
    data), it is restarted on the latest revision, as the admin's "Resubmit" does.
    """
    page = refreshed(page)
    running = WorkflowState.objects.for_instance(page).active().first()
    if running is not None:
        running.cancel(user=user)
    page.get_workflow().start(page, user)
    return refreshed(page)


def act(page, user, action, **data):
    """Take `action` ("approve" or "reject") on the page's current workflow step as `user`."""
    page = refreshed(page)
    page.current_workflow_task.on_action(page.current_workflow_task_state, user, action, **data)
    return refreshed(page)


def acknowledged(page):
    """Tick boxes acknowledging every content-check warning on the revision in review."""
    warnings = warning_findings(page.current_workflow_task_state.revision)
    return {acknowledgement_field(number): "on" for number in range(len(warnings))}


def sign_off(page, reviewer, comment="Checked against sources.", password=PASSWORD):
    """Approve the medical step as the admin's dialog does: attestations, password, every
    content-check warning acknowledged. The signed revision goes live."""
    return act(
        page,
        reviewer,
        "approve",
        comment=comment,
        password=password,
        **ATTESTED,
        **acknowledged(refreshed(page)),
    )


def publish_through_review(
    page, writer, editor, reviewer, comment="Checked against sources.", password=PASSWORD
):
    """Submit, approve the editorial step, sign off the medical step: the page goes live."""
    page = submit(page, writer)
    page = act(page, editor, "approve")
    return sign_off(page, reviewer, comment=comment, password=password)
