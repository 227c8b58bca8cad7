#!/usr/bin/env bash
# The descriptor budget in a child process: selfmodel-server runs
# at `ulimit -n 256`, so its budget is 86 connections and 90 open users.
#   1. a flood of 1,500 idle connections for 10 s: the process must stay up (it used to die
#      in libdispatch once descriptors ran out)
#   2. after the flood, /v1/health answers 200 within 10 s
#   3. 300 users created and written to, more than the store keeps open: every call 2xx, and
#      health still ok (no store failed on EMFILE)
# Usage: Examples/Server/Scripts/descriptors.sh (after `swift build --package-path Examples/Server`)
set -euo pipefail
cd "$(dirname "$0")/.."

port=${PORT:-8093}
work=$(mktemp -d /tmp/selfmodel-descriptors.XXXXXX)
server=""
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then kill -TERM "$server"; wait "$server" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

token=$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')
(umask 077 && printf '{"tenants": [{"tenant": "acme", "tokens": ["%s"]}]}\n' "$token" >"$work/tokens.json")
build=(swift build ${SELFMODEL_SCRATCH:+--scratch-path "$SELFMODEL_SCRATCH"} ${SELFMODEL_SWIFT_FLAGS:-})
bin="$("${build[@]}" --show-bin-path)/selfmodel-server"
(ulimit -n 256 && exec "$bin" --data "$work/data" --tokens-file "$work/tokens.json" \
  --port "$port" --request-timeout 3 --drain-seconds 0 --log-level notice) >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/v1/health" >/dev/null 2>&1 && break
  sleep 0.1
done
grep -m1 "descriptor limit" "$work/server.log" || true

python3 - "$port" "$token" "$server" <<'PY'
import http.client, json, os, socket, sys, time
port, token, pid = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])

def alive():
    try:
        os.kill(pid, 0)
        return True
    except OSError:
        return False

flood = []
for _ in range(1500):
    s = socket.socket()
    s.setblocking(False)
    s.connect_ex(("127.0.0.1", port))
    flood.append(s)
for _ in range(20):
    time.sleep(0.5)
    assert alive(), "the server died during the flood"
for s in flood:
    s.close()
print("flood: 1500 idle connections for 10 s, server alive")

start = time.time()
while True:
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        c.request("GET", "/v1/health")
        r = c.getresponse()
        assert r.status == 200, r.status
        break
    except (OSError, http.client.HTTPException):
        assert time.time() - start < 10, "health did not answer within 10 s of the flood"
        time.sleep(0.2)
print(f"health after the flood: 200 in {time.time() - start:.1f} s")

headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
def call(method, path, body):
    c.request(method, path, json.dumps(body), headers)
    r = c.getresponse()
    data = r.read()
    assert 200 <= r.status < 300, (method, path, r.status, data[:300])
call("PUT", "/v1/catalogue", {"format": "selfmodel.catalogue", "formatVersion": 1, "version": 1,
    "policy": {}, "beliefs": [{"key": "b", "statement": "B", "outcomes": ["true", "false"],
    "baseRates": [0.5, 0.5]}], "sources": [{"id": "user", "kind": "userStated", "reliability": 1}]})
for index in range(300):
    call("POST", "/v1/users", {"user": f"u{index}"})
for index in range(300):
    call("POST", f"/v1/users/u{index}/evidence", {"evidence": [{"id": "e1", "belief": "b",
        "content": {"outcome": "true"}, "source": "user", "observedAt": "2026-01-01T00:00:00Z"}]})
c.request("GET", "/v1/health")
r = c.getresponse()
body = r.read()
assert r.status == 200, (r.status, body)
print("300 users created and written at ulimit -n 256: all 2xx, health ok")
PY
kill -0 "$server"
echo "== descriptors passed"
