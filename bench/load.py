"""A small HTTP load generator: threads, http.client, bounded in requests and time.

Only talks to 127.0.0.1. One new connection per request (gunicorn's sync workers
close the connection after each response anyway).
"""

import http.client
import statistics
import threading
import time


def _percentile(sorted_values, fraction):
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, round(fraction * (len(sorted_values) - 1)))
    return sorted_values[index]


def get(port, path, timeout=30):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Host": "127.0.0.1"})
        response = connection.getresponse()
        body = response.read()
        return response.status, dict(response.getheaders()), body
    finally:
        connection.close()


def run(port, path, *, duration, max_requests, concurrency, warm_up=5):
    """Hammer `path` for `duration` seconds or `max_requests` requests; return the figures.

    `path` may be a list of paths, requested in turn (readers browsing several pages).
    """
    paths = [path] if isinstance(path, str) else list(path)
    for _ in range(warm_up):
        for each in paths:
            status, _headers, _body = get(port, each)
            if status != 200:
                raise RuntimeError(f"GET {each} answered {status}")
    latencies, errors = [], []
    lock = threading.Lock()
    deadline = time.perf_counter() + duration

    def worker(offset):
        turn = offset
        while time.perf_counter() < deadline:
            with lock:
                if len(latencies) + len(errors) >= max_requests:
                    return
            turn += 1
            started = time.perf_counter()
            try:
                status, _headers, _body = get(port, paths[turn % len(paths)])
            except OSError as error:
                with lock:
                    errors.append(repr(error))
                continue
            elapsed = time.perf_counter() - started
            with lock:
                if status == 200:
                    latencies.append(elapsed)
                else:
                    errors.append(status)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    latencies.sort()
    return {
        "requests": len(latencies),
        "errors": len(errors),
        "rps": round(len(latencies) / wall, 1) if wall else 0.0,
        "p50_ms": round(_percentile(latencies, 0.50) * 1000, 2),
        "p99_ms": round(_percentile(latencies, 0.99) * 1000, 2),
        "mean_ms": round(statistics.fmean(latencies) * 1000, 2) if latencies else None,
    }
