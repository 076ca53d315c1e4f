"""The admin views of gated pages: Wagtail's, with the sign-off dialog bound to its signer.

Wagtail builds a workflow action's form from the request's POST data alone. The
medical sign-off is an electronic signature, so its form must know who is signing
(to check their password, through the sign-in throttle) and which review step they
sign. These views hand the form the request and the task state; every other page
view is Wagtail's own.
"""

import functools

from django.shortcuts import redirect
from wagtail.admin import messages
from wagtail.admin.views.pages.workflow import CollectWorkflowActionDataView, WorkflowActionView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import TaskState

from .models import SignOffRefused
from .models.review import already_reviewed_message


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

    def get_form_class(self):
        form_class = super().get_form_class()
        # Other tasks' forms (the editorial step's comment) take POST data only.
        if not getattr(form_class, "binds_signer", False):
            return form_class
        return functools.partial(
            form_class, request=self.request, user=self.request.user, task_state=self.task_state
        )


class SignerBoundWorkflowActionView(_SigningViewMixin, WorkflowActionView):
    pass


class SignerBoundCollectWorkflowActionDataView(_SigningViewMixin, CollectWorkflowActionDataView):
    pass


class ReviewedPageViewSet(PageViewSet):
    """Wagtail's page viewset for page models under the publish gate."""

    workflow_action_view_class = SignerBoundWorkflowActionView
    collect_workflow_action_data_view_class = SignerBoundCollectWorkflowActionDataView
