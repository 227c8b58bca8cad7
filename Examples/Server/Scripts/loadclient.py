#!/usr/bin/env python3
"""A small HTTP/1.1 load client for the reference service (standard library only).

Subcommands:
  setup   publish the load catalogue and create the users (existing ones are kept)
  load    N keep-alive connections posting one evidence item per request (and, with
          --read-share, reading estimates), for a fixed time; prints req/s, p50, p99 as JSON
          and appends every acknowledged evidence id to --acked
  verify  exports every user and counts acknowledged ids that are missing (lost)

Every request carries `Authorization: Bearer $SELFMODEL_TOKEN` when that variable is set
(an environment variable, so the token does not show in the process list).
Only loopback addresses are used; every loop is bounded in time and stops by itself.
"""
import argparse
import asyncio
import json
import os
import random
import sys
import time

CATALOGUE = {
    "format": "selfmodel.catalogue", "formatVersion": 1, "version": 1,
    "policy": {}, "retiredBeliefs": [], "retiredSources": [],
    "beliefs": [], "sources": [],
}


class Connection:
    """One keep-alive HTTP/1.1 connection."""

    token = os.environ.get("SELFMODEL_TOKEN")

    def __init__(self, host, port):
        self.host, self.port = host, port
        self.reader = self.writer = None

    async def open(self):
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)

    async def request(self, method, path, body=None):
        data = b"" if body is None else body.encode()
        auth = f"Authorization: Bearer {self.token}\r\n" if self.token else ""
        head = (f"{method} {path} HTTP/1.1\r\nHost: {self.host}\r\n{auth}"
                f"Content-Length: {len(data)}\r\nContent-Type: application/json\r\n\r\n")
        self.writer.write(head.encode() + data)
        await self.writer.drain()
        header = await self.reader.readuntil(b"\r\n\r\n")
        lines = header.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ")[1])
        length = 0
        for line in lines[1:]:
            if line.lower().startswith("content-length:"):
                length = int(line.split(":", 1)[1])
        payload = await self.reader.readexactly(length) if length else b""
        return status, payload

    def close(self):
        if self.writer:
            self.writer.close()


def evidence_body(evidence_id, n):
    belief, outcome = (("preference.concise", "true" if n % 3 else "false") if n % 2 == 0
                       else ("preference.tone", ("formal", "casual", "playful")[n % 3]))
    item = {"id": evidence_id, "belief": belief, "content": {"outcome": outcome},
            "source": "user" if n % 4 else "clicks", "observedAt": "2026-01-01T00:00:00Z"}
    return json.dumps({"evidence": [item]})


async def setup(args):
    conn = Connection(args.host, args.port)
    await conn.open()
    catalogue = dict(CATALOGUE)
    catalogue["beliefs"] = [
        {"key": "preference.concise", "statement": "Prefers concise answers",
         "outcomes": ["true", "false"], "baseRates": [0.5, 0.5]},
        {"key": "preference.tone", "statement": "Preferred tone",
         "outcomes": ["formal", "casual", "playful"], "baseRates": [1 / 3, 1 / 3, 1 / 3]},
    ]
    catalogue["sources"] = [{"id": "user", "kind": "userStated", "reliability": 0.9},
                            {"id": "clicks", "kind": "behavior", "reliability": 0.6}]
    status, body = await conn.request("GET", "/v1/catalogue")
    if status != 200:
        sys.exit(f"reading the catalogue failed: {status} {body[:300]!r}")
    current = json.loads(body)
    if current.get("version", 0) < 1:
        status, body = await conn.request("PUT", "/v1/catalogue", json.dumps(catalogue))
        if status != 200:
            sys.exit(f"publish failed: {status} {body[:300]!r}")
    for u in range(args.users):
        status, body = await conn.request("POST", "/v1/users", json.dumps({"user": f"u{u}"}))
        if status not in (201, 409):
            sys.exit(f"create u{u} failed: {status} {body[:300]!r}")
    conn.close()
    print(json.dumps({"users": args.users}))


async def worker(index, args, deadline, stats, acked, rng):
    conn = Connection(args.host, args.port)
    try:
        await conn.open()
    except OSError:
        stats["connect_errors"] += 1
        return
    n = 0
    while time.monotonic() < deadline:
        user = f"u{rng.randrange(args.users)}"
        read = rng.random() < args.read_share
        n += 1
        start = time.perf_counter()
        try:
            if read:
                status, _ = await conn.request("GET", f"/v1/users/{user}/estimates")
            else:
                evidence_id = f"{args.run}-{index}-{n}"
                status, _ = await conn.request(
                    "POST", f"/v1/users/{user}/evidence", evidence_body(evidence_id, n))
        except (OSError, asyncio.IncompleteReadError, ConnectionError):
            stats["broken"] += 1
            break  # the server went away (kill -9): this request is not acknowledged
        elapsed = time.perf_counter() - start
        kind = "reads" if read else "writes"
        if status == 200:
            stats[kind].append(elapsed)
            if not read:
                acked.append(f"{user} {evidence_id}")
        else:
            stats["errors"] += 1
    conn.close()


def percentile(values, q):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


async def load(args):
    stats = {"writes": [], "reads": [], "errors": 0, "broken": 0, "connect_errors": 0}
    acked = []
    deadline = time.monotonic() + args.seconds
    rng = random.Random(args.seed)
    started = time.monotonic()
    await asyncio.gather(*(worker(i, args, deadline, stats, acked, random.Random(rng.random()))
                           for i in range(args.connections)))
    elapsed = time.monotonic() - started
    with open(args.acked, "a") as out:
        out.write("".join(line + "\n" for line in acked))
    everything = stats["writes"] + stats["reads"]
    report = {
        "phase": args.run, "connections": args.connections, "seconds": round(elapsed, 2),
        "requests": len(everything), "req_per_s": round(len(everything) / elapsed),
        "p50_ms": percentile(everything, 0.50), "p99_ms": percentile(everything, 0.99),
        "writes": len(stats["writes"]), "write_p50_ms": percentile(stats["writes"], 0.5),
        "write_p99_ms": percentile(stats["writes"], 0.99),
        "reads": len(stats["reads"]), "read_p50_ms": percentile(stats["reads"], 0.5),
        "read_p99_ms": percentile(stats["reads"], 0.99),
        "errors": stats["errors"], "broken_connections": stats["broken"],
        "acknowledged": len(acked),
    }
    for key, value in report.items():
        if isinstance(value, float):
            report[key] = round(value, 2)
    print(json.dumps(report))


async def verify(args):
    wanted = {}
    with open(args.acked) as source:
        for line in source:
            user, evidence_id = line.split()
            wanted.setdefault(user, set()).add(evidence_id)
    conn = Connection(args.host, args.port)
    await conn.open()
    lost = 0
    for user, ids in sorted(wanted.items()):
        status, body = await conn.request("GET", f"/v1/users/{user}/export")
        if status != 200:
            sys.exit(f"export {user} failed: {status}")
        held = {item["id"] for item in json.loads(body)["snapshot"]["evidence"]}
        lost += len(ids - held)
    conn.close()
    total = sum(len(ids) for ids in wanted.values())
    print(json.dumps({"acknowledged": total, "users": len(wanted), "lost": lost}))
    return lost


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["setup", "load", "verify"])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--read-share", type=float, default=0.0)
    parser.add_argument("--run", default="run")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--acked", default="acked.txt")
    args = parser.parse_args()
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("loopback only")
    if args.command == "setup":
        asyncio.run(setup(args))
    elif args.command == "load":
        asyncio.run(load(args))
    else:
        sys.exit(1 if asyncio.run(verify(args)) else 0)


if __name__ == "__main__":
    main()
