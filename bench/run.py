"""Reader-site benchmark: seed fresh databases, serve them with gunicorn, print one table.

    make bench                                   # 1,000 articles, SQLite and PostgreSQL
    make bench BENCH_ARGS="--quick"              # 100 articles, short runs
    make bench BENCH_ARGS="--databases postgres --articles 200 --search-articles 10000"

For each database (an SQLite file in a temporary directory; a PostgreSQL database
created on --pg-url and dropped afterwards):

1. migrate, then seed --articles articles holding every block type, signed off
   and published through the publish gate (bench/seed.py says how), plus
   --search-articles short articles for the search measurement;
2. measure in-process with Django's test client (bench/inprocess.py): queries per
   request and median render time, with the page cache off and on, with every
   object cache off, and cold (every cache emptied before each request);
3. start gunicorn (production settings, 2 workers, 127.0.0.1 only) with the page
   cache off (PAGE_CACHE=off), then again off with the routing cache and the
   article fragment cache off too (nothing cached but Wagtail's own caches), then
   on, and load each page with bench/load.py: requests per second, p50, p99.
   A bare Django view returning 5 KB (bench/urls.py) runs on the cached server as
   the ceiling for cached pages;
4. load the article and the blog index on the cached server again while
   bench/churn.py publishes another article every --publish-every seconds
   (default 2) through the publish gate: per-page invalidation should keep the
   article's cached copy and refresh the index.

Only 127.0.0.1 is contacted. Results are also written to bench/results/ (ignored
by git).
"""

import argparse
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import load  # noqa: E402

PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
SEARCH_QUERY = "/search/?q=vitamin+deficiency"


def log(message):
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def base_env(database_url, workdir, **extra):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "SECRET_KEY": "bench-only-secret-key-not-for-production-use-0123456789",
        "DATABASE_URL": database_url,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "off",
        "DB_CONN_MAX_AGE": "60",
        "MEDIA_ROOT": str(workdir / "media"),
        "STATIC_ROOT": str(workdir / "static"),
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "PAGE_CACHE_GENERATION_DIR": str(workdir / "page-cache-generation"),
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("REDIS_URL", None)
    env.update(extra)
    return env


def run_json(args, env):
    completed = subprocess.run(
        [PYTHON, *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])


def start_script(module, env, *options):
    """Start ``python -m module options`` in the background; its stdout is piped for its JSON."""
    return subprocess.Popen(
        [PYTHON, "-m", module, *options], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
    )


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


class Gunicorn:
    """gunicorn serving bench.wsgi on 127.0.0.1 with 2 workers, started and stopped by us."""

    def __init__(self, env, workers=2):
        self.port = free_port()
        self.process = subprocess.Popen(
            [
                GUNICORN,
                "bench.wsgi:application",
                "--workers",
                str(workers),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if load.get(self.port, "/robots.txt", timeout=5)[0] == 200:
                    return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError("gunicorn did not start")

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class PostgresDatabase:
    """A fresh PostgreSQL database, created here and dropped at the end."""

    def __init__(self, admin_url):
        import psycopg

        self.psycopg = psycopg
        self.admin_url = admin_url
        self.name = f"health_bench_{os.getpid()}"
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{self.name}"')
        self.url = admin_url.rsplit("/", 1)[0] + f"/{self.name}"

    def drop(self):
        with self.psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


@contextlib.contextmanager
def postgres_database(admin_url, keep=False):
    """The URL of a fresh PostgreSQL database, dropped afterwards unless `keep`."""
    pg = PostgresDatabase(admin_url)
    try:
        yield pg.url
    finally:
        if keep:
            log(f"kept {pg.url}")
        else:
            pg.drop()


def arguments(doc):
    """A benchmark's argument parser: `doc` (its docstring) as help, and the databases to use."""
    parser = argparse.ArgumentParser(
        description=doc.splitlines()[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--databases", default="sqlite,postgres", help="sqlite,postgres")
    parser.add_argument("--pg-url", default="postgres://postgres@127.0.0.1:5432/postgres")
    return parser


def workdir_with_static(prefix):
    """A new temporary directory holding the collected static files gunicorn serves."""
    workdir = Path(tempfile.mkdtemp(prefix=prefix))
    log(f"working in {workdir}")
    manage(
        base_env(f"sqlite:///{workdir / 'unused.sqlite3'}", workdir),
        "collectstatic",
        "--noinput",
        "-v0",
    )
    return workdir


def markdown_table(headings, rows, numeric):
    """A Markdown table; the columns whose index is in `numeric` are right-aligned."""
    rule = "|".join("---:" if index in numeric else "---" for index in range(len(headings)))
    lines = [f"| {' | '.join(headings)} |", f"|{rule}|"]
    lines += [f"| {' | '.join(str(cell) for cell in row)} |" for row in rows]
    return "\n".join(lines)


def save_results(name, payload):
    """Write `payload` to bench/results/<name>-<time>.json (ignored by git)."""
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / f"{name}-{time.strftime('%Y%m%d-%H%M%S')}.json").write_text(
        json.dumps(payload, indent=2)
    )


CHURN_MODE = "cached, publishing"


def publish_churn(env, urls, args):
    """Load the cached server while bench/churn.py publishes an article every --publish-every s.

    The publisher skips the measured article, so its cached copy survives
    unless a page it shows is published; the blog index lists every article and
    is invalidated by each publish.
    """
    log(f"gunicorn, cached, one publish every {args.publish_every} s")
    names = ["article", "index"]
    server = Gunicorn({**env, "PAGE_CACHE": "on"})
    churn = start_script(
        "bench.churn",
        env,
        f"--interval={args.publish_every}",
        f"--duration={len(names) * (args.duration + 2)}",
        f"--skip={urls['article']}",
    )
    served = {}
    try:
        time.sleep(1)  # the publisher's Django start-up
        for name in names:
            served[f"{name}|{CHURN_MODE}"] = load.run(
                server.port,
                urls[name],
                duration=args.duration,
                max_requests=args.max_requests,
                concurrency=args.concurrency,
            )
        stdout, _ = churn.communicate(timeout=120)
        served["churn"] = json.loads(stdout.strip().splitlines()[-1])
    finally:
        if churn.poll() is None:
            churn.kill()
        server.stop()
    return served


def bench_database(label, database_url, workdir, args):
    env = base_env(database_url, workdir)
    started = time.perf_counter()
    log(f"{label}: migrate")
    manage(env, "migrate", "--noinput", "-v0")
    log(f"{label}: seed {args.articles} articles + {args.search_articles} search articles")
    seed = run_json(
        [
            "-m",
            "bench.seed",
            "--articles",
            str(args.articles),
            "--search-articles",
            str(args.search_articles),
        ],
        {**env, "BENCH_SEARCH_AUTO_UPDATE": "off"},
    )
    log(f"{label}: seeded {json.dumps(seed)}")
    # Seeding skips Wagtail's reference index; per-page invalidation reads it.
    manage(env, "rebuild_references_index", "-v0")
    urls = {"article": seed["article_url"], "index": "/articles/", "search": SEARCH_QUERY}

    log(f"{label}: in-process queries and render times")
    inprocess = run_json(
        ["-m", "bench.inprocess", *[f"--url={name}={url}" for name, url in urls.items()]],
        env,
    )

    served = {}
    servers = [
        ("uncached", {"PAGE_CACHE": "off"}, ["article", "index", "search"]),
        (
            "no object caches",
            {"PAGE_CACHE": "off", "ARTICLE_BODY_CACHE": "off", "ROUTE_CACHE": "off"},
            ["article"],
        ),
        ("cached", {"PAGE_CACHE": "on"}, ["article", "index", "search", "bare"]),
    ]
    for mode, extra, names in servers:
        log(f"{label}: gunicorn, {mode}")
        server = Gunicorn({**env, **extra})
        try:
            for name in names:
                path = "/__bench/bare/" if name == "bare" else urls[name]
                served[f"{name}|{mode}"] = load.run(
                    server.port,
                    path,
                    duration=args.duration,
                    max_requests=args.max_requests,
                    concurrency=args.concurrency,
                )
        finally:
            server.stop()
    served.update(publish_churn(env, urls, args))
    return {
        "database": label,
        "load_average": round(os.getloadavg()[0], 2),
        "seed": seed,
        "inprocess": inprocess,
        "served": served,
        "seconds": round(time.perf_counter() - started, 1),
    }


ROWS = [
    ("article", "uncached"),
    ("article", "no object caches"),
    ("index", "uncached"),
    ("search", "uncached"),
    ("article", "cold"),
    ("article", "cached"),
    ("article", CHURN_MODE),
    ("index", "cached"),
    ("index", CHURN_MODE),
    ("search", "cached"),
    ("bare", "cached"),
]
MODE_LABELS = {
    "uncached": "off",
    "no object caches": "off, route and fragment caches off too",
    "cold": "off, every cache emptied before each request (in-process only)",
    "cached": "on",
    CHURN_MODE: "on, one article published every 2 s",
}
PAGE_NAMES = {
    "article": "article (every block type)",
    "index": "blog index (12 cards)",
    "search": "search (`vitamin deficiency`)",
    "bare": "bare Django view, 5 KB",
}


def table(results):
    rows = []
    for result in results:
        for name, mode in ROWS:
            key = f"{name}|{mode}"
            inproc = result["inprocess"].get(key, {})
            served = result["served"].get(key)
            if served is None and key not in result["inprocess"]:
                continue
            served = served or {"rps": "-", "p50_ms": "-", "p99_ms": "-"}
            rows.append(
                [
                    result["database"],
                    PAGE_NAMES[name],
                    "n/a" if name == "bare" else MODE_LABELS[mode],
                    inproc.get("queries", "-"),
                    inproc.get("median_ms", "-"),
                    served["rps"],
                    served["p50_ms"],
                    served["p99_ms"],
                ]
            )
    headings = ["database", "page", "page cache", "queries", "median render (ms)"]
    headings += ["req/s", "p50 (ms)", "p99 (ms)"]
    return markdown_table(headings, rows, numeric=range(3, 8))


def main():
    parser = arguments(__doc__)
    parser.add_argument("--articles", type=int, default=1000, help="full articles (default 1000)")
    parser.add_argument(
        "--search-articles", type=int, default=0, help="extra short articles for search"
    )
    parser.add_argument("--duration", type=float, default=6.0, help="seconds per load run")
    parser.add_argument("--max-requests", type=int, default=20000, help="cap per load run")
    parser.add_argument(
        "--concurrency", type=int, default=2, help="client threads (default: one per worker)"
    )
    parser.add_argument(
        "--publish-every", type=float, default=2.0, help="seconds between publishes (churn run)"
    )
    parser.add_argument("--quick", action="store_true", help="100 articles, 2 s load runs")
    parser.add_argument(
        "--keep", action="store_true", help="keep the temporary directory and PostgreSQL database"
    )
    args = parser.parse_args()
    if args.quick:
        args.articles, args.duration = min(args.articles, 100), 2.0

    started = time.perf_counter()
    workdir = workdir_with_static("health-bench-")
    results = []
    for database in args.databases.split(","):
        if database == "sqlite":
            results.append(
                bench_database("SQLite", f"sqlite:///{workdir / 'bench.sqlite3'}", workdir, args)
            )
        elif database == "postgres":
            with postgres_database(args.pg_url, keep=args.keep) as url:
                results.append(bench_database("PostgreSQL", url, workdir, args))
        else:
            parser.error(f"unknown database {database!r}")

    if args.keep:
        log(f"kept {workdir}")
    else:
        shutil.rmtree(workdir, ignore_errors=True)

    summary = table(results)
    print(summary)
    for result in results:
        seed = result["seed"]
        print(
            f"\n{result['database']}: {seed['live_articles']} live articles; seeding "
            f"{seed['articles']} full articles took {seed['seed_seconds']} s"
            + (
                f", {seed['search_articles']} search articles {seed['search_seed_seconds']} s"
                if seed.get("search_articles")
                else ""
            )
            + f", update_index {seed['update_index_seconds']} s; whole run {result['seconds']} s;"
            + (
                f" churn run: {result['served']['churn']['publishes']} publishes,"
                f" {result['served']['churn']['failed']} failed,"
                f" median publish {result['served']['churn']['median_publish_ms']} ms;"
            )
            + f" 1-minute load average after the load runs {result['load_average']}"
            f" ({os.cpu_count()} CPUs)."
        )
    print(f"\nTotal {time.perf_counter() - started:.0f} s.")
    save_results("bench", {"args": vars(args), "results": results, "table": summary})


if __name__ == "__main__":
    main()
