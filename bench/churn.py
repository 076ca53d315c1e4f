"""Publish one article every --interval seconds, as a busy newsroom does. Run by bench/run.py.

    python -m bench.churn --interval 2 --duration 20 [--skip /articles/x/]

Each publish takes the benchmark's documented fast path (bench/seed.py
`publish_fast`): the writer saves a revision with a new summary, a SignOff is
recorded for it, and an editor publishes it through the publish gate, so every
publish sends Wagtail's page_published signal and its cache invalidation. The
articles are picked in turn among the live ones, skipping the --skip URLs (the
pages being measured). Prints one JSON object: publishes, failures, and the
median time a publish took.
"""

import argparse
import json
import statistics
import time

import django


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interval", type=float, default=2.0)
    parser.add_argument("--duration", type=float, default=20.0)
    parser.add_argument("--skip", action="append", default=[], help="URL path not to publish")
    args = parser.parse_args()
    django.setup()
    from bench.seed import publish_fast, seeded_cast
    from blog.models import ArticlePage

    cast = seeded_cast()

    candidates = [
        page.pk for page in ArticlePage.objects.live().order_by("pk") if page.url not in args.skip
    ]
    timings, failures = [], []
    deadline = time.monotonic() + args.duration
    n = 0
    while time.monotonic() < deadline and candidates:
        started = time.monotonic()
        page = ArticlePage.objects.get(pk=candidates[n % len(candidates)])
        page.summary = f"Updated summary number {n}."
        try:
            publish_fast(page, cast)
            timings.append((time.monotonic() - started) * 1000)
        except Exception as error:  # counted and reported: the loop goes on
            failures.append(repr(error))
        n += 1
        time.sleep(max(0.0, args.interval - (time.monotonic() - started)))
    print(
        json.dumps(
            {
                "publishes": len(timings),
                "failed": len(failures),
                "failures": failures[:5],
                "median_publish_ms": round(statistics.median(timings), 1) if timings else None,
            }
        )
    )


if __name__ == "__main__":
    main()
