"""Admin registration of the managed medical-content data, grouped under one menu."""

from django.contrib import messages
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import publish_gate
from .authenticator import authenticator_setup
from .checks_admin import PreviewFindingsView, findings_json
from .dashboard import review_panels
from .evidence_admin import changes_since_sign_off, evidence_pack_download, header_buttons
from .models import AuthorProfile, Disclaimer, NutrientReference, ReviewerProfile, Topic
from .reports import ReviewsDueViewSet
from .viewsets import ReviewedPageViewSet


class DisclaimerViewSet(SnippetViewSet):
    model = Disclaimer
    icon = "warning"
    list_display = ["name", "is_default"]


class NutrientViewSet(SnippetViewSet):
    model = NutrientReference
    icon = "table"
    list_display = ["name", "unit", "daily_value", "source"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "kind"]
    list_filter = ["kind"]


class AuthorProfileViewSet(SnippetViewSet):
    model = AuthorProfile
    icon = "user"
    list_display = ["display_name", "job_title", "user"]


class ReviewerProfileViewSet(SnippetViewSet):
    model = ReviewerProfile
    icon = "success"
    list_display = ["display_name", "credentials", "specialty", "active"]
    list_filter = ["active"]


class MedicalContentGroup(SnippetViewSetGroup):
    menu_label = "Medical content"
    menu_icon = "doc-full-inverse"
    menu_order = 250
    items = (
        DisclaimerViewSet,
        NutrientViewSet,
        TopicViewSet,
        AuthorProfileViewSet,
        ReviewerProfileViewSet,
    )


register_snippet(MedicalContentGroup)


@hooks.register("register_admin_viewset")
def register_reviewed_page_viewsets():
    return [
        ReviewedPageViewSet(f"reviewed_{model._meta.label_lower}", model=model)
        for model in publish_gate.reviewed_page_models()
    ]


@hooks.register("register_admin_viewset")
def register_reviews_due_report():
    return ReviewsDueViewSet()


class SignOffFormatter(LogFormatter):
    """The page history line of a sign-off: the electronic signature's manifestation."""

    label = "Medical sign-off"

    def format_message(self, log_entry):
        data = log_entry.data or {}
        if "meaning" not in data:
            return "Medically signed off"
        how = data.get("authentication") or "signed"
        return (
            f"Electronically signed by {data['reviewer']} ({how}), "
            f"meaning: “{data['meaning']}” Content fingerprint {data['fingerprint'][:12]}…, "
            f"whole signed scope {data.get('scope_fingerprint', '')[:12]}…"
        )


@hooks.register("register_log_actions")
def register_review_log_actions(actions):
    actions.register_action("health_content.sign_off")(SignOffFormatter)
    actions.register_action(
        "health_content.publish_refused",
        "Publish refused",
        "Publish refused: no matching medical sign-off",
    )
    actions.register_action(
        "health_content.rereview_requested",
        "Medical re-review requested",
        "Medical re-review requested",
    )


@hooks.register("before_publish_page")
def refuse_unreviewed_publish(request, page):
    """Stop the editor's Publish before Wagtail publishes; the draft revision is already saved."""
    page = page.specific
    if not isinstance(page, publish_gate.MedicallyReviewedPageMixin):
        return None
    revision = page.get_latest_revision()
    try:
        publish_gate.check_publishable(page, revision, user=request.user)
    except publish_gate.PublishRefused as refusal:
        messages.error(request, f"Not published; your changes are saved as a draft. {refusal}")
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("insert_editor_js")
def editor_scripts():
    """Typed text saved on submit; the server's content-check findings in the Checks panel."""
    return format_html_join(
        "\n",
        '<script src="{}"></script>',
        (
            (static(f"health_content/js/{name}"),)
            for name in ("save-typed-text.js", "content-checks-panel.js")
        ),
    )


@hooks.register("construct_homepage_panels")
def add_review_panels(request, panels):
    panels.extend(review_panels(request.user))


@hooks.register("register_admin_urls")
def register_review_urls():
    return [
        path(
            "content-checks/<int:page_id>/",
            findings_json,
            name="health_content_content_checks",
        ),
        path(
            "content-checks/<int:page_id>/preview/",
            PreviewFindingsView.as_view(),
            name="health_content_content_checks_preview",
        ),
        path("account/authenticator/", authenticator_setup, name="health_content_authenticator"),
        path(
            "reviewed-pages/<int:page_id>/changes-since-sign-off/",
            changes_since_sign_off,
            name="health_content_changes_since_sign_off",
        ),
        path(
            "reviewed-pages/<int:page_id>/evidence-pack/",
            evidence_pack_download,
            name="health_content_evidence_pack",
        ),
    ]


@hooks.register("register_page_header_buttons")
def review_evidence_buttons(page, user, next_url=None, view_name=None):
    yield from header_buttons(page)


@hooks.register("insert_global_admin_css")
def scope_diff_css():
    return format_html(
        '<link rel="stylesheet" href="{}">', static("health_content/css/scope-diff.css")
    )


@hooks.register("register_account_menu_item")
def authenticator_account_item(request):
    return {
        "url": reverse("health_content_authenticator"),
        "label": "Authenticator for sign-offs",
        "help_text": "Sign-offs also ask for a one-time code from an app, besides your password.",
    }
