#!/usr/bin/env python3
"""Large imports against an unrelated read (standard library only).

1. publishes a catalogue (if none), creates `big` with --items evidence items (batches of
   1,000) and `reader` with a few; exports `big` in the lines form (application/x-ndjson)
   and as JSON, and prints both sizes
2. baseline: GET /v1/users/reader/estimates in a loop for --seconds; p50, p99
3. the same read while --imports threads each import the lines form again and again
   (under ids imp-N, replace=true); p50, p99, imports done and timed out (503: an import
   waiting for the import gate counts against the request deadline), the load average

Every request carries `Authorization: Bearer $SELFMODEL_TOKEN` when that variable is set.
Only loopback is used; every phase is bounded in time. Prints one JSON object per phase.
"""
import argparse
import http.client
import json
import os
import threading
import time

TOKEN = os.environ.get("SELFMODEL_TOKEN")
CATALOGUE = {
    "format": "selfmodel.catalogue", "formatVersion": 1, "version": 1, "policy": {},
    "retiredBeliefs": [], "retiredSources": [],
    "beliefs": [{"key": "preference.concise", "statement": "Prefers concise answers",
                 "outcomes": ["true", "false"], "baseRates": [0.5, 0.5]}],
    "sources": [{"id": "user", "kind": "userStated", "reliability": 0.9}],
}


def request(conn, method, path, body=None, content_type="application/json", accept=None):
    headers = {"Content-Type": content_type}
    if TOKEN:
        headers["Authorization"] = f"Bearer {TOKEN}"
    if accept:
        headers["Accept"] = accept
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    return response.status, response.read()


def setup(conn, items):
    status, body = request(conn, "GET", "/v1/catalogue")
    if status != 200 or json.loads(body).get("version", 0) < 1:
        status, body = request(conn, "PUT", "/v1/catalogue", json.dumps(CATALOGUE))
        assert status == 200, (status, body[:300])
    for user, count in (("big", items), ("reader", 20)):
        request(conn, "DELETE", f"/v1/users/{user}")
        status, body = request(conn, "POST", "/v1/users", json.dumps({"user": user}))
        assert status == 201, (status, body[:300])
        for start in range(0, count, 1000):
            batch = [{"id": f"e{n}", "belief": "preference.concise",
                      "content": {"outcome": "true" if n % 3 else "false"}, "source": "user",
                      "observedAt": "2025-12-31T00:00:00.123456Z"}
                     for n in range(start, min(count, start + 1000))]
            status, body = request(conn, "POST", f"/v1/users/{user}/evidence",
                                   json.dumps({"evidence": batch}))
            assert status in (200, 201), (status, body[:300])
    status, lines = request(conn, "GET", "/v1/users/big/export", accept="application/x-ndjson")
    assert status == 200, (status, lines[:300])
    status, whole = request(conn, "GET", "/v1/users/big/export")
    assert status == 200
    print(json.dumps({"phase": "setup", "items": items, "ndjsonBytes": len(lines),
                      "jsonBytes": len(whole)}), flush=True)
    return lines


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else None


def reads(host, port, seconds):
    conn = http.client.HTTPConnection(host, port, timeout=60)
    latencies = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        start = time.perf_counter()
        status, _ = request(conn, "GET", "/v1/users/reader/estimates")
        latencies.append((time.perf_counter() - start) * 1000)
        assert status == 200, status
        time.sleep(0.005)
    return latencies


def importer(host, port, index, lines, stop, counts, timeouts):
    conn = http.client.HTTPConnection(host, port, timeout=120)
    body = lines.replace(b'"user":"big"', f'"user":"imp-{index}"'.encode(), 1)
    while not stop.is_set():
        status, reply = request(conn, "POST", "/v1/imports?replace=true", body,
                                content_type="application/x-ndjson")
        assert status in (201, 503), (status, reply[:300])
        counts[index] += 1 if status == 201 else 0
        timeouts[index] += 1 if status == 503 else 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8089)
    parser.add_argument("--items", type=int, default=62000)
    parser.add_argument("--imports", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=20)
    args = parser.parse_args()
    assert args.host in ("127.0.0.1", "localhost", "::1"), "loopback only"
    lines = setup(http.client.HTTPConnection(args.host, args.port, timeout=120), args.items)
    alone = reads(args.host, args.port, args.seconds / 2)
    print(json.dumps({"phase": "read alone", "reads": len(alone),
                      "p50ms": round(percentile(alone, 0.5), 2),
                      "p99ms": round(percentile(alone, 0.99), 2)}), flush=True)
    stop, counts, timeouts = threading.Event(), [0] * args.imports, [0] * args.imports
    threads = [threading.Thread(target=importer,
                                args=(args.host, args.port, i, lines, stop, counts, timeouts))
               for i in range(args.imports)]
    for thread in threads:
        thread.start()
    loaded = reads(args.host, args.port, args.seconds)
    stop.set()
    for thread in threads:
        thread.join()
    print(json.dumps({"phase": f"read during {args.imports} imports", "reads": len(loaded),
                      "p50ms": round(percentile(loaded, 0.5), 2),
                      "p99ms": round(percentile(loaded, 0.99), 2),
                      "maxms": round(max(loaded), 2), "importsDone": sum(counts),
                      "importsTimedOut": sum(timeouts),
                      "loadAverage": os.getloadavg()}), flush=True)


if __name__ == "__main__":
    main()
