"""The admin's "Import article" view: upload one file, land in the new draft's editor.

Open to users who may add articles under a blog index (Writers, Editors,
superusers). The upload is checked before anything is written (extension, size,
readable text); any failure re-shows the form with the reason and the chosen
options kept (browsers never keep a chosen file, so the message says to choose
it again). On success the import report is shown as messages on the edit page.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.html import format_html, format_html_join
from wagtail.admin.messages import render as render_message

from blog.models import BlogIndexPage

from .document import ImportFailed
from .pages import can_create_articles, import_file
from .readers import MAIN_EXTENSIONS, MAX_DOCX_SIZE, MAX_FILE_SIZE, is_supported, max_size, validate

CHOOSE_AGAIN = "Choose the file again before importing."


def importable_indexes(user):
    """The blog indexes `user` may add articles under, in tree order."""
    return [
        index
        for index in BlogIndexPage.objects.order_by("path")
        if can_create_articles(user, index)
    ]


def can_import(user):
    return bool(importable_indexes(user))


class ImportArticleForm(forms.Form):
    file = forms.FileField(
        label="Article file",
        help_text=f"A {', '.join(MAIN_EXTENSIONS)} file of one article: text files up to "
        f"{MAX_FILE_SIZE // 1024} KB saved as UTF-8, Word documents up to "
        f"{MAX_DOCX_SIZE // (1024 * 1024)} MB.",
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(MAIN_EXTENSIONS)}),
    )
    index = forms.ModelChoiceField(
        queryset=BlogIndexPage.objects.none(),
        label="Blog section",
        empty_label=None,
        help_text="The draft is created here.",
    )
    update = forms.BooleanField(
        required=False,
        label="Update the existing article with the same title",
        help_text="Saves the import as a new draft revision of that article instead of "
        "refusing. A live article stays live, unchanged, until the revision is reviewed.",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        indexes = importable_indexes(user)
        self.fields["index"].queryset = BlogIndexPage.objects.filter(
            pk__in=[index.pk for index in indexes]
        ).order_by("path")
        self.only_index = indexes[0] if len(indexes) == 1 else None
        if self.only_index is not None:
            # Nothing to choose: the field is hidden and defaults to the one index.
            self.fields["index"].required = False
            self.fields["index"].widget = forms.HiddenInput()

    def clean_index(self):
        return self.cleaned_data["index"] or self.only_index

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not is_supported(upload.name):
            raise forms.ValidationError(
                f"“{upload.name}” is not a {', '.join(MAIN_EXTENSIONS)} file. {CHOOSE_AGAIN}"
            )
        limit = max_size(upload.name)
        if upload.size > limit:
            raise forms.ValidationError(
                f"The file is {upload.size // 1024} KB; the limit is {limit // 1024} KB. "
                "Import a smaller file: one article per file."
            )
        data = upload.read()
        try:
            validate(upload.name, data)
        except ImportFailed as error:
            raise forms.ValidationError(f"{error} {CHOOSE_AGAIN}") from error
        self.cleaned_data["data"] = data
        return upload


def _detail(items):
    return format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((i,) for i in items)))


def show_report(request, report):
    """The report as messages on the next page: a summary, then one message per list."""
    summary = format_html(
        "Import report for “{}”: draft {}. Blocks: {}. References: {}.",
        report.source,
        report.action,
        report.blocks_summary(),
        report.references,
    )
    messages.success(request, render_message(summary, None))
    levels = {"warnings": messages.warning, "notes": messages.info}
    for heading, items in report.sections():
        add = levels.get(heading, messages.info)
        title = format_html("Import report, {} ({}):", heading, len(items))
        add(request, render_message(title, None, detail=_detail(items)))


def import_article(request):
    """GET: the upload form. POST: import, then go to the new draft's editor."""
    if not can_import(request.user):
        raise PermissionDenied
    # The blog index's header button links here with ?index=<id>.
    initial = {"index": request.GET["index"]} if request.GET.get("index") else {}
    form = ImportArticleForm(
        request.POST or None, request.FILES or None, user=request.user, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        index = form.cleaned_data["index"].specific
        if not can_create_articles(request.user, index):
            raise PermissionDenied
        report = import_file(
            form.cleaned_data["file"].name,
            form.cleaned_data["data"],
            index=index,
            owner=request.user,
            update=form.cleaned_data["update"],
        )
        if not report.failed:
            show_report(request, report)
            return redirect("wagtailadmin_pages:edit", report.page_id)
        form.add_error("file", f"{report.error} {CHOOSE_AGAIN}")
    return TemplateResponse(
        request,
        "blog/admin/import_article.html",
        {"form": form, "header_icon": "upload"},
    )
