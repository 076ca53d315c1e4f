"""Launching Debian's Chromium through Playwright for the browser tests.

`playwright install` cannot download browsers here, so the tests drive the
system Chromium. When it is missing the browser tests skip, unless
REQUIRE_BROWSER is set (CI sets it), in which case they fail.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def launch_chromium(playwright):
    if not CHROMIUM.exists():
        message = f"Chromium not found at {CHROMIUM}; install Debian's chromium package."
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


def inject_axe(page, axe_source):
    """Load axe-core into `page`.

    Evaluated through the DevTools protocol: an inline <script> would be refused by
    the reader pages' Content-Security-Policy, which the browser tests keep on.
    """
    page.evaluate(f"() => {{ {axe_source}\n }}")


def acknowledge_warnings(dialog):
    """Tick the sign-off dialog's box for each content-check warning, as the reviewer does."""
    for box in dialog.locator("input[name^='acknowledge_']").all():
        box.check()


def open_editor(page, url):
    """Open a Wagtail edit view and wait until it watches for edits, as a person would.

    Wagtail's unsaved-changes controller takes its "before" snapshot of the form two
    seconds after load (w-unsaved:watch-edits); an edit made sooner becomes part of
    that snapshot, so neither the preview nor the Checks panel would see it change.
    """
    page.add_init_script(
        "document.addEventListener('w-unsaved:watch-edits', () => { window.editsWatched = true; });"
    )
    page.goto(url)
    page.wait_for_function("() => window.editsWatched === true")
