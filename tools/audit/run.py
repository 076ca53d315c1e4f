"""`make audit` and `make screenshots`: Lighthouse and axe-core on a local production-like server.

Builds a throwaway site (temporary SQLite database and media, demo content,
collected static files), serves it with gunicorn under tools/audit/settings.py
(DEBUG off, WhiteNoise), then on the home page, a live article and search:

* Lighthouse (tools/audit/node_modules, mobile profile, Debian's Chromium), the
  median of --runs runs (3) per page:
  performance, accessibility, best-practices and SEO scores;
* axe-core (tests/js/node_modules, through Playwright) at 390 and 1280 px wide:
  every violation, whatever its impact;
* axe-core on the article's history page too;
* with --screenshots, PNG screenshots of each page at both widths into docs/,
  and of the article's feedback section and history page.

Exits 1 if any score is below --min-score (95) or axe reports any violation.
Search result pages are kept out of search engines on purpose (noindex and
robots.txt), so Lighthouse's "is-crawlable" audit is skipped there only.
"""

import argparse
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = Path(sys.executable)
LIGHTHOUSE = ROOT / "tools" / "audit" / "node_modules" / "lighthouse" / "cli" / "index.js"
AXE = ROOT / "tests" / "js" / "node_modules" / "axe-core" / "axe.min.js"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
WIDTHS = (390, 1280)
LIGHTHOUSE_ATTEMPTS = 3
#: Lighthouse's performance metrics, printed beside the scores (simulated mobile).
METRICS = {
    "FCP": "first-contentful-paint",
    "LCP": "largest-contentful-paint",
    "TBT": "total-blocking-time",
    "CLS": "cumulative-layout-shift",
    "SI": "speed-index",
}
#: The demo article audited: live, with a symptom list (three care levels), a table and references.
ARTICLE_SLUG = "iron-deficiency-anemia-signs-causes-and-what-to-eat"
#: Screenshots are cut at this height (CSS px) to keep each PNG small.
SCREENSHOT_MAX_HEIGHT = 2400


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Site:
    """A demo site in a temporary directory, served by gunicorn until `stop()`."""

    def __init__(self, workdir):
        self.workdir = Path(workdir)
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tools.audit.settings",
            "SECRET_KEY": secrets.token_urlsafe(40),
            "DATABASE_URL": f"sqlite:///{self.workdir / 'db.sqlite3'}",
            "MEDIA_ROOT": str(self.workdir / "media"),
            "STATIC_ROOT": str(self.workdir / "static"),
            "PAGE_CACHE_GENERATION_DIR": str(self.workdir / "page-cache-versions"),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "WAGTAILADMIN_BASE_URL": self.base_url,
            "LOG_LEVEL": "WARNING",
        }
        self.server = None

    def manage(self, *args):
        subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def build(self):
        print("Building the demo site (migrate, load_demo, collectstatic)...", flush=True)
        self.manage("migrate", "--noinput")
        self.manage("load_demo", "--force")
        self.manage("collectstatic", "--noinput")

    def start(self):
        gunicorn = PYTHON.parent / "gunicorn"
        self.server = subprocess.Popen(
            [gunicorn, "health_content.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{self.port}"],
            cwd=ROOT,
            env=self.env,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.base_url + "/", timeout=5):
                    return
            except OSError:
                time.sleep(0.5)
        raise RuntimeError("The audit server did not answer within 60 s.")

    def stop(self):
        if self.server is not None:
            self.server.terminate()
            self.server.wait(timeout=30)


def audited_pages():
    return {
        "home": "/",
        "article": f"/articles/{ARTICLE_SLUG}/",
        "search": "/search/?q=vitamin",
    }


def lighthouse(url, report_path, skip_audits=()):
    """Run Lighthouse (mobile, its default) on `url`; return {category: score out of 100}."""
    command = [
        "node",
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report_path}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ]
    if skip_audits:
        command.append(f"--skip-audits={','.join(skip_audits)}")
    # On a busy machine Lighthouse now and then fails to record the trace
    # (NO_NAVSTART); such a run says nothing about the page, so it is retried.
    for attempt in range(1, LIGHTHOUSE_ATTEMPTS + 1):
        finished = subprocess.run(command, check=False, env={**os.environ, "CHROME_PATH": CHROME})
        if finished.returncode == 0:
            break
        if attempt == LIGHTHOUSE_ATTEMPTS:
            finished.check_returncode()
        print(f"Lighthouse failed on {url} (attempt {attempt}); retrying.", flush=True)
    report = json.loads(Path(report_path).read_text())
    scores = {name: round((report["categories"][name]["score"] or 0) * 100) for name in CATEGORIES}
    metrics = {name: report["audits"][audit]["displayValue"] for name, audit in METRICS.items()}
    return scores, metrics


def median_lighthouse(url, report_dir, name, runs, skip_audits=()):
    """Lighthouse `runs` times on `url`: the run with the median performance score.

    Performance varies from run to run with the machine's load (Lighthouse's own
    advice is to take the median of several runs); the other three categories do not.
    """
    results = []
    for run in range(runs):
        report_path = report_dir / f"lighthouse-{name}-{run + 1}.json"
        results.append(lighthouse(url, report_path, skip_audits))
    results.sort(key=lambda result: result[0]["performance"])
    return results[len(results) // 2]


def browse(site, pages, screenshots_dir=None, run_axe=True):
    """axe-core violations per (page, width); screenshots into `screenshots_dir` if given."""
    from playwright.sync_api import sync_playwright

    axe_source = AXE.read_text() if run_axe else None
    violations = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROME, args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            for width in WIDTHS:
                context = browser.new_context(
                    viewport={"width": width, "height": 900}, bypass_csp=True
                )
                page = context.new_page()
                for name, path in pages.items():
                    page.goto(site.base_url + path, wait_until="load")
                    if run_axe:
                        violations[(name, width)] = axe_violations(page, axe_source)
                    if screenshots_dir is not None:
                        save_screenshot(page, screenshots_dir / f"{name}-{width}.png")
                reader_parts(page, site.base_url + pages["article"], screenshots_dir)
                if run_axe:
                    violations[("history", width)] = axe_violations(page, axe_source)
                if screenshots_dir is not None:
                    save_screenshot(page, screenshots_dir / f"history-{width}.png")
                context.close()
        finally:
            browser.close()
    return violations


def axe_violations(page, axe_source):
    """axe-core's violations on the page, one line each with up to three offending nodes."""
    page.add_script_tag(content=axe_source)
    return page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']}))"
        ".violations.map(v => `${v.id} (${v.impact}): ${v.help} -> `"
        " + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join('; '))"
    )


def reader_parts(page, article_url, screenshots_dir):
    """The article's reader section, then its history page (left open in `page`).

    The feedback forms and the history link sit below the article, past the top
    SCREENSHOT_MAX_HEIGHT px, so they get a screenshot of their own, from the
    disclaimer down, with "Report a problem" opened to show its choices.
    """
    page.goto(article_url, wait_until="load")
    if screenshots_dir is not None:
        page.evaluate("() => { document.querySelector('.report-problem').open = true; }")
        top = page.evaluate("() => document.querySelector('.disclaimer').offsetTop - 24")
        width = page.viewport_size["width"]
        save_screenshot(page, screenshots_dir / f"article-feedback-{width}.png", top=top)
    page.click(".article-history-link a")
    page.wait_for_load_state("load")


def save_screenshot(page, path, top=0):
    """SCREENSHOT_MAX_HEIGHT px of the page from `top`, palette-quantised to stay small."""
    from PIL import Image

    height = min(
        page.evaluate("() => document.documentElement.scrollHeight") - top, SCREENSHOT_MAX_HEIGHT
    )
    width = page.viewport_size["width"]
    raw = path.with_suffix(".raw.png")
    page.screenshot(
        path=raw, full_page=True, clip={"x": 0, "y": top, "width": width, "height": height}
    )
    with Image.open(raw) as image:
        image.convert("RGB").quantize(colors=128, method=Image.Quantize.MEDIANCUT).save(
            path, optimize=True
        )
    raw.unlink()


def check_tools(need_lighthouse, need_axe):
    missing = []
    if need_lighthouse and not LIGHTHOUSE.exists():
        missing.append(f"Lighthouse ({LIGHTHOUSE}): npm ci --prefix tools/audit")
    if need_axe and not AXE.exists():
        missing.append(f"axe-core ({AXE}): npm ci --prefix tests/js")
    if not Path(CHROME).exists():
        missing.append(f"Chromium ({CHROME}): apt-get install chromium")
    if missing:
        sys.exit("Missing: " + "; ".join(missing))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min-score", type=int, default=95)
    parser.add_argument(
        "--screenshots", type=Path, help="also save screenshots into this directory (e.g. docs)"
    )
    parser.add_argument(
        "--runs", type=int, default=3, help="Lighthouse runs per page; the median counts (3)"
    )
    parser.add_argument("--reports", type=Path, help="keep Lighthouse's JSON reports here")
    parser.add_argument(
        "--screenshots-only", action="store_true", help="only take screenshots (no Lighthouse, axe)"
    )
    args = parser.parse_args()
    audit = not args.screenshots_only
    check_tools(need_lighthouse=audit, need_axe=audit)
    for directory in (args.screenshots, args.reports):
        if directory:
            directory.mkdir(parents=True, exist_ok=True)

    workdir = tempfile.mkdtemp(prefix="health-blog-audit-")
    site = Site(workdir)
    try:
        site.build()
        site.start()
        pages = audited_pages()
        violations = browse(site, pages, screenshots_dir=args.screenshots, run_axe=audit)
        if not audit:
            print(f"Screenshots saved in {args.screenshots}/.")
            return 0
        scores, metrics = {}, {}
        for name, path in pages.items():
            skip = ("is-crawlable",) if name == "search" else ()
            scores[name], metrics[name] = median_lighthouse(
                site.base_url + path, args.reports or Path(workdir), name, args.runs, skip
            )
    finally:
        site.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    return report(pages, scores, metrics, violations, args.min_score)


def report(pages, scores, metrics, violations, min_score):
    failed = False
    print(f"\nLighthouse (mobile, median run), minimum {min_score}:")
    print(f"  {'page':<8} " + " ".join(f"{c:>14}" for c in CATEGORIES) + "   path")
    for name, path in pages.items():
        row = scores[name]
        failed |= any(score < min_score for score in row.values())
        print(f"  {name:<8} " + " ".join(f"{row[c]:>14}" for c in CATEGORIES) + f"   {path}")
    print("\nPerformance metrics (simulated mobile):")
    for name, row in metrics.items():
        print(f"  {name:<8} " + "  ".join(f"{metric} {value}" for metric, value in row.items()))
    print("\naxe-core violations:")
    for (name, width), found in violations.items():
        failed |= bool(found)
        print(f"  {name:<8} {width:>4} px: {len(found)}")
        for line in found:
            print(f"      {line}")
    print("\nAudit " + ("FAILED" if failed else "passed") + ".")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
