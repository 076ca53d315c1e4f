"""The endpoints the article's feedback forms post to.

Article pages are stored whole in the page cache (blog.cache) and served to every
reader, so their HTML cannot carry a per-reader CSRF token, and setting the CSRF
cookie would make every article uncacheable. These endpoints are therefore
CSRF-exempt. CSRF protects a signed-in user's authority; these posts carry none
(they never read the session, and a signed-in editor posting is a reader like any
other), so the risk left is spam, which the same-origin check, the honeypot, the
size limits and the per-address rate limit (blog.feedback.spam) answer. Plain
form posts, so they work without JavaScript: success redirects back to the
article (post/redirect/get) with a thank-you; a form with errors is shown again
with everything the reader typed.
"""

from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Revision

from blog.models import ArticlePage

from .forms import HelpfulForm, ProblemReportForm
from .spam import is_same_origin, over_rate_limit

#: The query parameter and fragment the article page reads to thank the reader.
THANKS = {"helpful": "feedback", "report": "report"}


def _live_article(page_id):
    page = get_object_or_404(ArticlePage.objects.live().public(), pk=page_id)
    if not page.went_live_through_gate():
        raise Http404("This article has not been published through medical review.")
    return page


def _seen_revision(page, revision_id):
    """The revision the reader was shown: the posted one if it is this page's, else the live one."""
    if revision_id:
        revision = Revision.page_revisions.filter(object_id=str(page.pk), pk=revision_id).first()
        if revision is not None:
            return revision
    return page.live_revision


def _thanks_url(request, page, kind):
    anchor = THANKS[kind]
    return f"{page.get_url(request)}?{anchor}=thanks#{anchor}"


def _handle(request, page_id, form_class, kind):
    page = _live_article(page_id)
    context = {"page": page, "kind": kind}
    if not is_same_origin(request):
        return TemplateResponse(
            request, "blog/feedback/refused.html", {**context, "reason": "origin"}, status=403
        )
    form = form_class(request.POST)
    if form.is_spam():
        # Look like success, so the bot learns nothing; store nothing.
        return HttpResponseRedirect(_thanks_url(request, page, kind))
    if over_rate_limit(request):
        return TemplateResponse(
            request, "blog/feedback/refused.html", {**context, "reason": "rate"}, status=429
        )
    if not form.is_valid():
        return TemplateResponse(
            request, "blog/feedback/form_errors.html", {**context, "form": form}, status=400
        )
    item = form.save(commit=False)
    item.page = page
    item.revision = _seen_revision(page, form.cleaned_data.get("revision"))
    item.save()
    return HttpResponseRedirect(_thanks_url(request, page, kind))


@csrf_exempt
@require_POST
@never_cache
def helpful(request, page_id):
    """Store a "Was this page helpful?" answer."""
    return _handle(request, page_id, HelpfulForm, "helpful")


@csrf_exempt
@require_POST
@never_cache
def report_problem(request, page_id):
    """Store a reader's problem report for the editors' queue."""
    return _handle(request, page_id, ProblemReportForm, "report")
