"""Writing imported articles: a new draft, or a new draft revision of an existing article.

Imported articles are never live. A new article is created unpublished, as the
admin's "Save draft" creates it; an update (same slug under the same index) only
adds a revision, and for a live article leaves the live content untouched, so
the import reaches readers only through review and sign-off (publish_gate).
The management command and the admin upload view both call `import_file`.
"""

from urllib.parse import urlparse

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils.html import strip_tags
from django.utils.text import slugify
from wagtail.models import Page, Site

from blog.models import ArticleAuthor, ArticlePage, ArticleReference, BlogIndexPage
from health_content.checks import run_checks
from health_content.models import AuthorProfile, Disclaimer
from health_content.roles import EDITORS, WRITERS

from .convert import ImportContext, convert
from .document import ImportFailed
from .images import save_image
from .readers import read_document
from .report import ImportReport


def resolve_index(value=None):
    """The BlogIndexPage given by id or slug, else the first one; ImportFailed if none matches."""
    indexes = BlogIndexPage.objects.order_by("path")
    if value in (None, ""):
        index = indexes.first()
        if index is None:
            raise ImportFailed("There is no blog index page to import into: create one first.")
        return index
    value = str(value)
    matches = indexes.filter(pk=int(value)) if value.isdigit() else indexes.filter(slug=value)
    if not matches:
        raise ImportFailed(f"No blog index page has the id or slug “{value}”.")
    if len(matches) > 1:
        ids = ", ".join(str(index.pk) for index in matches)
        raise ImportFailed(f"Several blog index pages have the slug “{value}”: use an id ({ids}).")
    return matches[0]


def can_create_articles(user, index):
    """Whether `user` may add ArticlePages under `index` (Writers, Editors, superusers)."""
    return (
        user.is_active
        and ArticlePage in index.specific_class.allowed_subpage_models()
        and index.permissions_for_user(user).can_add_subpage()
    )


def eligible_owners(index):
    users = get_user_model().objects.filter(is_active=True)
    candidates = users.filter(
        Q(is_superuser=True) | Q(groups__name__in=[WRITERS, EDITORS])
    ).distinct()
    return [user for user in candidates.order_by("username") if can_create_articles(user, index)]


def resolve_owner(username, index):
    """The user who will own the imported drafts; ImportFailed (naming who could) otherwise."""
    names = ", ".join(user.get_username() for user in eligible_owners(index)) or "nobody yet"
    if not username:
        raise ImportFailed(
            f"Choose who owns the imported drafts with --owner USERNAME (one of: {names})."
        )
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise ImportFailed(f"No user is called “{username}” (choose one of: {names}).")
    if not can_create_articles(user, index):
        raise ImportFailed(
            f"“{username}” may not add articles under “{index.title}” (choose one of: {names})."
        )
    return user


def resolve_author(slug):
    if not slug:
        return None
    author = AuthorProfile.objects.filter(slug=slug).first()
    if author is None:
        raise ImportFailed(f"No author profile has the slug “{slug}”.")
    return author


def find_article(title):
    """An article with this title (live or draft title), for "[See also: ...]" links."""
    return (
        ArticlePage.objects.filter(Q(title__iexact=title) | Q(draft_title__iexact=title))
        .order_by("-live", "pk")
        .first()
    )


def site_context(store_image=None):
    hosts = {host.lower() for host in Site.objects.values_list("hostname", flat=True)}
    admin_host = urlparse(getattr(settings, "WAGTAILADMIN_BASE_URL", "")).hostname
    if admin_host:
        hosts.add(admin_host.lower())
    return ImportContext(
        find_article=find_article,
        disclaimer=Disclaimer.objects.default(),
        site_hosts=frozenset(hosts),
        store_image=store_image,
    )


def _existing(index, slug):
    page = Page.objects.child_of(index).filter(slug=slug).first()
    if page is not None and not isinstance(page.specific, ArticlePage):
        raise ImportFailed(f"A page that is not an article already uses the slug “{slug}”.")
    return page.specific if page is not None else None


def _check_can_update(page, user):
    if not page.permissions_for_user(user).can_edit():
        raise ImportFailed(f"{user.get_username()} may not edit “{page.title}”.")
    if page.workflow_in_progress:
        task = page.current_workflow_task
        step = f" (step “{task.name}”)" if task else ""
        raise ImportFailed(
            f"“{page.title}” is in review{step}: re-import it after the review ends or is "
            "cancelled, so reviewers never see content change under them."
        )
    lock = page.get_lock()
    if lock is not None and lock.for_user(user):
        raise ImportFailed(f"“{page.title}” is locked: {strip_tags(lock.get_message(user))}")


def _fill(page, conversion, author):
    page.title = conversion.title
    page.draft_title = conversion.title
    page.summary = conversion.summary
    page.body = conversion.body
    page.references = [
        ArticleReference(sort_order=position, **fields)
        for position, fields in enumerate(conversion.references)
    ]
    if author is not None:
        page.authors = [ArticleAuthor(author=author, sort_order=0)]


def read_article(name, data, report=None, *, images_owner=None):
    """The unsaved draft ArticlePage that importing file `name` (bytes `data`) would make.

    Nothing is written, unless `images_owner` is given: then the file's pictures
    (Word documents) are saved in the image library, uploaded by that user, and
    the image blocks point to them (`import_file` does this inside its
    transaction). Returns ``(page, conversion, report)``; raises ImportFailed
    for a file that cannot be read. The content checks (``manage.py check_content``)
    and `import_file` both start here, so they see the same draft.
    """
    report = report or ImportReport(source=name)
    document = read_document(name, data)
    store_image = None
    if images_owner is not None:

        def store_image(image, number):
            title = image.alt or f"{document.title} (picture {number})"
            return save_image(image, title, images_owner)

    conversion = convert(document, site_context(store_image), report)
    slug = slugify(conversion.title, allow_unicode=True)[:255]
    if not slug:
        raise ImportFailed("The title has no letters or digits to make a web address from.")
    report.slug = slug
    page = ArticlePage(slug=slug, live=False, has_unpublished_changes=True)
    _fill(page, conversion, author=None)
    report.findings = run_checks(page, dropped_text(report))
    return page, conversion, report


def dropped_text(report):
    """The lines the import left out, checked with the draft: a writer may paste them back."""
    return [(f"dropped.{n}", text) for n, (text, _reason) in enumerate(report.dropped)]


def import_file(name, data, *, index, owner, author=None, update=False, dry_run=False):
    """Import one file (`data` is its bytes) and return its ImportReport.

    Problems with the file or the request (ImportFailed) end up in the report as
    its error, so one bad file never stops a batch.

    A new slug creates a draft owned by `owner`. An existing slug is refused unless
    `update`, which saves a new revision on that article instead. With `dry_run`
    nothing is written.
    """
    report = ImportReport(source=name)
    try:
        # One transaction for the pictures and the page: a failure keeps neither.
        with transaction.atomic():
            _write(name, data, report, index, owner, author, update=update, dry_run=dry_run)
    except ImportFailed as error:
        report.error = str(error)
        report.action = "failed"
        report.images = 0
    return report


def _write(name, data, report, index, owner, author, *, update, dry_run):
    _, conversion, report = read_article(
        name, data, report, images_owner=None if dry_run else owner
    )
    slug = report.slug
    existing = _existing(index, slug)
    if existing is not None and not update:
        raise ImportFailed(
            f"An article with the slug “{slug}” already exists in “{index.title}” "
            f"(page #{existing.pk}). Import it as an update to add a new draft revision "
            "to that article instead."
        )
    if existing is not None:
        _check_can_update(existing, owner)
    if author is None and existing is None:
        author = getattr(owner, "author_profile", None)
        if author is None:
            report.warn("No author was given and the owner has no author profile: add one.")
    if dry_run:
        report.action = "would update" if existing else "would create"
        report.page_id = existing.pk if existing else None
        return
    if existing is not None:
        page = _update(existing, conversion, owner, author, report)
    else:
        page = _create(index, slug, conversion, owner, author)
    report.page_id = page.pk
    report.action = "updated" if existing else "created"
    if report.images:
        report.notes.append(
            f"{report.images} picture(s) from the document were saved in the image library."
        )


def _create(index, slug, conversion, owner, author):
    page = ArticlePage(slug=slug, owner=owner, live=False, has_unpublished_changes=True)
    _fill(page, conversion, author)
    index.add_child(instance=page)
    page.save_revision(user=owner, log_action=True, clean=False)
    return page


def _update(existing, conversion, owner, author, report):
    # Start from the latest draft so fields the import does not set (topics, tags,
    # hero image, review settings) keep the writer's latest values.
    page = existing.get_latest_revision_as_object()
    _fill(page, conversion, author)
    if page.live:
        # The live row keeps the reviewed content; the import is only a revision.
        report.notes.append(
            "The article is live: the import was saved as a new draft revision and the live "
            "version stays as it is until the new one is reviewed and signed off."
        )
    else:
        page.save()
    page.save_revision(user=owner, log_action=True, clean=False)
    return page
