"""A small newsroom under load: readers and two publishing loops at once, no failed write.

    .venv/bin/python bench/newsroom.py                          # SQLite and PostgreSQL, 20 s each
    .venv/bin/python bench/newsroom.py --databases sqlite --sqlite-defaults --seconds 10

For each database (an SQLite file in a temporary directory; a PostgreSQL database
created on --pg-url and dropped afterwards): migrate, seed --articles signed-off
articles holding every block type (bench/seed.py), then serve them with gunicorn
(production settings, 2 workers, page cache off so every read reaches the
database) beside the task worker (`db_worker`, which runs the search-index and
CDN tasks each publish queues), and for --seconds at once:

* --readers client threads GET an article, the blog index and a search page in
  turn (bench/load.py);
* --publishers processes each publish an article again and again (bench/publisher.py:
  new revision, medical sign-off, publish through the gate, in one transaction).

Prints, per database: writes ok and failed (with the errors), publishes per
second, reader requests per second, reader errors, and the tasks the worker ran.
``--sqlite-defaults`` adds a run on SQLite as Django configures it out of the box
(no WAL, 5 s busy timeout, deferred transactions) for comparison.
Only 127.0.0.1 is contacted.
"""

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import load  # noqa: E402
from bench.run import (  # noqa: E402
    PYTHON,
    SEARCH_QUERY,
    Gunicorn,
    arguments,
    base_env,
    log,
    manage,
    markdown_table,
    postgres_database,
    run_json,
    save_results,
    start_script,
    workdir_with_static,
)

TASK_COUNTS = (
    "import django, json; django.setup(); "
    "from django.db.models import Count; from django_tasks_db.models import DBTaskResult; "
    "print(json.dumps(dict(DBTaskResult.objects.values_list('status')"
    ".annotate(n=Count('id')).order_by())))"
)


def newsroom(label, database_url, workdir, args, **extra_env):
    env = base_env(database_url, workdir, PAGE_CACHE="off", **extra_env)
    log(f"{label}: migrate")
    manage(env, "migrate", "--noinput", "-v0")
    log(f"{label}: seed {args.articles} articles")
    seed = run_json(
        ["-m", "bench.seed", "--articles", str(args.articles), "--workflow-articles", "2"],
        {**env, "BENCH_SEARCH_AUTO_UPDATE": "off"},
    )
    paths = [seed["article_url"], "/articles/", SEARCH_QUERY]
    server = Gunicorn(env)
    worker = subprocess.Popen(
        [PYTHON, "manage.py", "db_worker", "--no-reload", "--interval=0.2", "-v0"],
        cwd=ROOT,
        env=env,
    )
    try:
        for path in paths:  # warm up before the load
            load.get(server.port, path, timeout=120)
        log(f"{label}: {args.readers} readers and {args.publishers} publishing loops")
        publishers = [
            start_script(
                "bench.publisher",
                env,
                f"--loop={n}",
                f"--loops={args.publishers}",
                f"--seconds={args.seconds}",
            )
            for n in range(args.publishers)
        ]
        readers = load.run(
            server.port,
            paths,
            duration=args.seconds,
            max_requests=args.max_requests,
            concurrency=args.readers,
            warm_up=0,
        )
        loops = [json.loads(p.communicate(timeout=300)[0].splitlines()[-1]) for p in publishers]
        deadline = time.monotonic() + 120  # let the worker finish the publishes' tasks
        while run_json(["-c", TASK_COUNTS], env).get("READY") and time.monotonic() < deadline:
            time.sleep(2)
    finally:
        worker.terminate()
        worker.wait(timeout=60)
        server.stop()
    tasks = run_json(["-c", TASK_COUNTS], env)
    ok = sum(loop["writes_ok"] for loop in loops)
    failed = sum(loop["writes_failed"] for loop in loops)
    errors = {}
    for loop in loops:
        for message, count in loop["errors"].items():
            errors[message] = errors.get(message, 0) + count
    result = {
        "database": label,
        "writes_ok": ok,
        "writes_failed": failed,
        "publishes_per_s": round(ok / args.seconds, 1),
        "write_errors": errors,
        "reader_rps": readers["rps"],
        "reader_requests": readers["requests"],
        "reader_errors": readers["errors"],
        "reader_p99_ms": readers["p99_ms"],
        "tasks": tasks,
    }
    log(f"{label}: {json.dumps(result)}")
    return result


def table(results):
    headings = ["database", "writes ok", "writes failed", "publishes/s", "reader req/s"]
    headings += ["reader errors", "reader p99 (ms)", "worker tasks"]
    rows = [
        [
            *(r[key] for key in ("database", "writes_ok", "writes_failed", "publishes_per_s")),
            *(r[key] for key in ("reader_rps", "reader_errors", "reader_p99_ms")),
            ", ".join(f"{n} {status.lower()}" for status, n in sorted(r["tasks"].items())) or "-",
        ]
        for r in results
    ]
    return markdown_table(headings, rows, numeric=range(1, 7))


def main():
    parser = arguments(__doc__)
    parser.add_argument("--articles", type=int, default=20, help="live articles (default 20)")
    parser.add_argument("--seconds", type=float, default=20.0, help="length of the load run")
    parser.add_argument("--readers", type=int, default=4, help="reader threads (default 4)")
    parser.add_argument("--publishers", type=int, default=2, help="publishing loops (default 2)")
    parser.add_argument("--max-requests", type=int, default=50000, help="cap on reader requests")
    parser.add_argument(
        "--sqlite-defaults",
        action="store_true",
        help="also run SQLite with Django's default options, for comparison",
    )
    args = parser.parse_args()

    workdir = workdir_with_static("health-newsroom-")
    results = []
    try:
        for database in args.databases.split(","):
            if database == "sqlite":
                if args.sqlite_defaults:
                    results.append(
                        newsroom(
                            "SQLite, Django's defaults",
                            f"sqlite:///{workdir / 'defaults.sqlite3'}",
                            workdir,
                            args,
                            BENCH_SQLITE_DEFAULTS="on",
                        )
                    )
                results.append(
                    newsroom(
                        "SQLite (WAL, busy timeout, IMMEDIATE)",
                        f"sqlite:///{workdir / 'newsroom.sqlite3'}",
                        workdir,
                        args,
                    )
                )
            elif database == "postgres":
                with postgres_database(args.pg_url) as url:
                    results.append(newsroom("PostgreSQL", url, workdir, args))
            else:
                parser.error(f"unknown database {database!r}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    print(table(results))
    for r in results:
        if r["write_errors"]:
            print(f"\n{r['database']} write errors: {json.dumps(r['write_errors'])}")
    print(
        f"\n{args.readers} reader threads, {args.publishers} publishing loops, "
        f"{args.seconds:g} s, {args.articles} articles, gunicorn 2 workers + 1 task worker."
    )
    save_results("newsroom", {"args": vars(args), "results": results})


if __name__ == "__main__":
    main()
