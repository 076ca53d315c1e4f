"""The admin views of gated pages: Wagtail's, with the sign-off dialog bound to its signer.

Wagtail builds a workflow action's form from the request's POST data alone. The
medical sign-off is an electronic signature, so its form must know who is signing
(to check their password, through the sign-in throttle) and which review step they
sign. These views hand the form the request and the task state, tell the dialog
what is being reviewed and what changed since the last sign-off
(health_content.scope_diff), and after each review action (from the dialog or from
the editor's action menu) say what happens next. Every other page view is Wagtail's own.
"""

import functools

from django.shortcuts import redirect
from django.urls import reverse
from wagtail.admin import messages
from wagtail.admin.utils import get_latest_str
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.workflow import CollectWorkflowActionDataView, WorkflowActionView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page, TaskState

from .models import SignOffRefused
from .models.review import already_reviewed_message
from .scope_diff import changes_since_last_sign_off


def tell_what_happens_next(request, page, task_state):
    """After a review action, say what it did and what comes next, not just "updated"."""
    task_state.refresh_from_db()
    page = Page.objects.get(pk=page.pk).specific
    title = get_latest_str(page)
    if task_state.status == TaskState.STATUS_REJECTED:
        messages.success(request, f"Changes requested: '{title}' goes back to its writer.")
    elif task_state.status != TaskState.STATUS_APPROVED:
        return
    elif page.current_workflow_task is not None:
        step = page.current_workflow_task.name
        if page.current_workflow_task.pk == task_state.task_id:
            # Wagtail approved the revision submitted; a later save needs the step again.
            messages.warning(
                request,
                f"Approved revision {task_state.revision_id}, but '{title}' was saved again "
                f"after it was submitted: its latest revision is now waiting for {step}.",
            )
        else:
            messages.success(request, f"Approved: '{title}' is now waiting for {step}.")
    elif page.live and page.live_revision_id == task_state.revision_id:
        messages.success(request, f"Signed off and published: readers now see '{title}'.")
    else:
        messages.success(request, f"Approved: the review of '{title}' is complete.")


class _SigningViewMixin:
    """Binds the form to its signer, and answers a refused action with a message."""

    def post(self, request, *args, **kwargs):
        try:
            return super().post(request, *args, **kwargs)
        except SignOffRefused as refusal:
            messages.error(request, str(refusal))
            if request.headers.get("x-requested-with") == "XMLHttpRequest":
                return self.render_modal_json(
                    request, {"step": "success", "redirect": self.redirect_url}
                )
            return redirect(self.redirect_url)

    def add_not_in_moderation_error(self):
        # Most often another reviewer acted first: say who and when.
        if self.task_state.status != TaskState.STATUS_IN_PROGRESS:
            messages.error(self.request, already_reviewed_message(self.task_state))
        else:
            super().add_not_in_moderation_error()

    def get_context_data(self, **kwargs):
        # What is being signed: the dialog names the article and revision, and shows
        # the changes since the last sign-off.
        revision = self.task_state.revision
        changes = changes_since_last_sign_off(self.object, revision)
        last_signed = changes.sign_off
        compare_url = None
        if last_signed is not None and last_signed.revision_id != revision.pk:
            compare_url = reverse(
                "wagtailadmin_pages:revisions_compare",
                args=(self.object.pk, last_signed.revision_id, revision.pk),
            )
        return super().get_context_data(
            signing_revision=revision,
            last_signed=last_signed,
            compare_url=compare_url,
            changes=changes,
            **kwargs,
        )

    def get_form_class(self):
        form_class = super().get_form_class()
        # Other tasks' forms (the editorial step's comment) take POST data only.
        if not getattr(form_class, "binds_signer", False):
            return form_class
        return functools.partial(
            form_class, request=self.request, user=self.request.user, task_state=self.task_state
        )


class SignerBoundWorkflowActionView(_SigningViewMixin, WorkflowActionView):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        tell_what_happens_next(request, self.object, self.task_state)
        return response


class SignerBoundCollectWorkflowActionDataView(_SigningViewMixin, CollectWorkflowActionDataView):
    pass


class ReviewedPageEditView(EditView):
    def add_save_confirmation_message(self):
        # Approving or requesting changes from the editor's action menu.
        if self.action_name == "perform_workflow_action":
            tell_what_happens_next(self.request, self.page, self.workflow_state.current_task_state)
        else:
            super().add_save_confirmation_message()


class ReviewedPageViewSet(PageViewSet):
    """Wagtail's page viewset for page models under the publish gate."""

    edit_view_class = ReviewedPageEditView
    workflow_action_view_class = SignerBoundWorkflowActionView
    collect_workflow_action_data_view_class = SignerBoundCollectWorkflowActionDataView
