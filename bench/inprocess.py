"""Queries per request and median render time, measured in-process with Django's test client.

    python -m bench.inprocess --url article=/articles/x/ --url index=/articles/ ...

Run by bench/run.py against a seeded database (production settings). Each URL is
requested a few times first, so Wagtail's caches and the article body cache are
warm, then measured uncached (page cache off), without the routing and article
fragment caches, cold (those off and every cache, Wagtail's rendition and site
caches included, emptied before each request), and cached (page cache on).
Prints one JSON object.
"""

import argparse
import json
import statistics
import time

import django

WARM_UP = 3


def measure(client, url, repeat, cold=False):
    from django.core.cache import caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def empty_caches():
        if cold:
            for cache in caches.all():
                cache.clear()

    for _ in range(WARM_UP):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    empty_caches()
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    # Count now: the next request's request_started signal empties the query log.
    queries = len(captured)
    times = []
    for _ in range(repeat):
        empty_caches()
        started = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - started) * 1000)
    return {"queries": queries, "median_ms": round(statistics.median(times), 2)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", action="append", default=[], help="name=/path/")
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    django.setup()
    from django.test import Client, override_settings

    client = Client(HTTP_HOST="127.0.0.1")
    urls = dict(item.split("=", 1) for item in args.url)
    results = {}
    modes = {
        "uncached": {"PAGE_CACHE_ENABLED": False},
        "no object caches": {
            "PAGE_CACHE_ENABLED": False,
            "ARTICLE_BODY_CACHE": False,
            "ROUTE_CACHE": False,
        },
        "cold": {"PAGE_CACHE_ENABLED": False, "ARTICLE_BODY_CACHE": False, "ROUTE_CACHE": False},
        "cached": {"PAGE_CACHE_ENABLED": True},
    }
    for mode, overrides in modes.items():
        with override_settings(**overrides):
            for name, url in urls.items():
                if mode in ("no object caches", "cold") and name != "article":
                    continue
                results[f"{name}|{mode}"] = measure(client, url, args.repeat, cold=mode == "cold")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
