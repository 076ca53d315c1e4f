"""One publishing loop for bench/newsroom.py: edit, sign off and publish, again and again.

    python -m bench.publisher --loop 0 --loops 2 --seconds 20

Each write is what an editor's publish does, in one transaction (bench/seed.py
``publish_fast``): a writer's new revision of a live article (its summary
changed), the medical sign-off of that revision (``SignOff.objects.record``) and
``Revision.publish()`` through the publish gate, with every signal handler (audit
chain, page-cache invalidation, queued search-index and CDN tasks). Loop k of n
edits the articles whose position is k modulo n, so two loops never edit the same
article. Bounded by --seconds and --max-writes. Prints one JSON object: writes ok,
writes failed, their errors.
"""

import argparse
import collections
import json
import time

import django


def run(loop, loops, seconds, max_writes):
    from django.db import close_old_connections, transaction

    from bench.seed import publish_fast, seeded_cast
    from blog.models import ArticlePage

    cast = seeded_cast()
    ids = list(ArticlePage.objects.live().order_by("pk").values_list("pk", flat=True))
    mine = ids[loop::loops]
    ok, failed, errors = 0, 0, collections.Counter()
    deadline = time.monotonic() + seconds
    n = 0
    while time.monotonic() < deadline and ok + failed < max_writes:
        page = ArticlePage.objects.get(pk=mine[n % len(mine)])
        n += 1
        page.summary = f"Revised summary {n} of {page.title}."
        try:
            with transaction.atomic():
                publish_fast(page, cast)
        except Exception as error:
            failed += 1
            errors[f"{type(error).__name__}: {error}"[:120]] += 1
            close_old_connections()
        else:
            ok += 1
    return {"loop": loop, "writes_ok": ok, "writes_failed": failed, "errors": dict(errors)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loop", type=int, default=0)
    parser.add_argument("--loops", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--max-writes", type=int, default=2000)
    args = parser.parse_args()
    django.setup()
    print(json.dumps(run(args.loop, args.loops, args.seconds, args.max_writes)))


if __name__ == "__main__":
    main()
