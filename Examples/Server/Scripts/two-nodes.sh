#!/usr/bin/env bash
# Two selfmodel-server processes on one PostgreSQL database lose no acknowledged write when
# one of them is killed with SIGKILL. Run it under a throwaway PostgreSQL server:
#
#   Scripts/with-postgres Examples/Server/Scripts/two-nodes.sh
#
# (from the repository root; it builds selfmodel-server in debug, in SELFMODEL_SCRATCH if set,
# with SELFMODEL_SWIFT_FLAGS, as .ci/run does). On loopback only, in under 90 s once built:
#   1. node A (--postgres URL) and node B (--postgres env: libpq's PGHOST, PGPORT, ...) on two
#      ports, one tokens file, one database; the tenant acme-eu lives in schema selfmodel_acme_eu
#   2. a scripted session across the nodes: catalogue and users through A, seen through B; a
#      write through B read back through A
#   3. a write load through both nodes; A gets SIGKILL mid-load, B keeps taking writes
#   4. every acknowledged (200) write is read back through B, then through a restarted A, and
#      both nodes export the same evidence for every user
# Exits non-zero on any lost write or disagreement.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${PGHOST:-}" ] || [ -z "${PGPORT:-}" ]; then
  echo "two-nodes.sh: run it under Scripts/with-postgres (PGHOST and PGPORT are not set)" >&2
  exit 2
fi
SECONDS=0
work=$(mktemp -d /tmp/selfmodel-two-nodes.XXXXXX)
node_a="" node_b="" load_a="" load_b=""
cleanup() {
  for pid in $load_a $load_b $node_a $node_b; do
    if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
  done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
port_a=$(free_port)
port_b=$(free_port)
token=$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')
(umask 077 && printf '{"tenants": [{"tenant": "acme-eu", "tokens": ["%s"]}]}\n' "$token" >"$work/tokens.json")
export SELFMODEL_TOKEN="$token"
# The throwaway server trusts loopback, so the password is ignored: it is there to check that
# no log shows it.
password="pw-$(python3 -c 'import secrets; print(secrets.token_hex(8))')"
url="postgres://${PGUSER:-postgres}:$password@127.0.0.1:$PGPORT/${PGDATABASE:-selfmodel}?sslmode=disable"

build=(swift build --package-path . ${SELFMODEL_SCRATCH:+--scratch-path "$SELFMODEL_SCRATCH"} ${SELFMODEL_SWIFT_FLAGS:-})
# An incremental debug build: links at most, after `swift build` or the services' tests.
"${build[@]}" --product selfmodel-server >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
bin="$("${build[@]}" --show-bin-path)/selfmodel-server"
echo "selfmodel-server built; ${SECONDS} s"

# start_node NAME PORT POSTGRES: starts a node in the background; its pid is in $started.
# A URL goes through SELFMODEL_POSTGRES_URL (its password stays out of the process list);
# `env` through the flag, for libpq's variables.
start_node() {
  local where=(--postgres env)
  [ "$3" = env ] || where=()
  SELFMODEL_POSTGRES_URL="$3" "$bin" "${where[@]}" --tokens-file "$work/tokens.json" --port "$2" --drain-seconds 0 \
    --postgres-connections 8 --log-level notice >>"$work/$1.log" 2>&1 &
  started=$!
}
wait_ready() {
  for _ in $(seq 1 200); do
    curl -sf "http://127.0.0.1:$1/v1/ready" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "node on port $1 not ready within 20 s" >&2
  cat "$work"/*.log >&2
  exit 1
}

start_node a "$port_a" "$url"
node_a=$started
wait_ready "$port_a"
start_node b "$port_b" env
node_b=$started
wait_ready "$port_b"
echo "node A :$port_a (SELFMODEL_POSTGRES_URL, with a password), node B :$port_b (--postgres env); ${SECONDS} s"
if grep -q "$password" "$work"/*.log; then
  echo "FAIL: a log shows the password" >&2
  exit 1
fi

# 2. The scripted session.
client=(python3 Scripts/loadclient.py --users 50)
"${client[@]}" --port "$port_a" setup >/dev/null
auth=(-H "Authorization: Bearer $token" -H "Content-Type: application/json")
version=$(curl -sf "${auth[@]}" "http://127.0.0.1:$port_b/v1/catalogue" | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])')
[ "$version" = 1 ] || { echo "FAIL: B sees catalogue version $version, not 1" >&2; exit 1; }
curl -sf "${auth[@]}" "http://127.0.0.1:$port_b/v1/users/u7" >/dev/null \
  || { echo "FAIL: B does not see the user A created" >&2; exit 1; }
curl -sf "${auth[@]}" -X POST "http://127.0.0.1:$port_b/v1/users/u7/evidence" -d \
  '{"evidence": [{"id": "session-1", "belief": "preference.concise", "content": {"outcome": "true"}, "source": "user", "observedAt": "2026-01-01T00:00:00Z"}]}' >/dev/null
curl -sf "${auth[@]}" "http://127.0.0.1:$port_a/v1/users/u7/export" | grep -q '"session-1"' \
  || { echo "FAIL: A does not see the write made through B" >&2; exit 1; }
echo "scripted session: catalogue and users through A seen by B, a write through B seen by A"

# 3. The load: 16 connections on each node; A is killed 4 s in, B goes on for 12 s.
"${client[@]}" --port "$port_a" --connections 16 --seconds 12 --run a --seed 1 \
  --acked "$work/acked-a.txt" load >"$work/load-a.json" &
load_a=$!
"${client[@]}" --port "$port_b" --connections 16 --seconds 12 --run b --seed 2 \
  --acked "$work/acked-b.txt" load >"$work/load-b.json" &
load_b=$!
sleep 4
kill -KILL "$node_a"
wait "$node_a" 2>/dev/null || true
echo "node A killed with SIGKILL mid-load; ${SECONDS} s"
wait "$load_a"
wait "$load_b"
load_a="" load_b=""
python3 - "$work/load-a.json" "$work/load-b.json" <<'PY'
import json, sys
for name, path in zip("AB", sys.argv[1:]):
    r = json.load(open(path))
    print(f"load through {name}: {r['acknowledged']} acknowledged writes, {r['errors']} errors, "
          f"{r['broken_connections']} broken connections, {r['req_per_s']} req/s")
PY
b_acked=$(wc -l <"$work/acked-b.txt")
[ "$b_acked" -gt 0 ] || { echo "FAIL: B acknowledged no write" >&2; exit 1; }
cat "$work/acked-a.txt" "$work/acked-b.txt" >"$work/acked.txt"
echo "u7 session-1" >>"$work/acked.txt"

# 4. Every acknowledged write, through B, then through a restarted A; both agree on all users.
echo -n "read through B: "
"${client[@]}" --port "$port_b" --acked "$work/acked.txt" verify
start_node a "$port_a" "$url"
node_a=$started
wait_ready "$port_a"
echo -n "read through the restarted A: "
"${client[@]}" --port "$port_a" --acked "$work/acked.txt" verify
python3 - "$port_a" "$port_b" <<'PY'
import http.client, json, os, sys
ports = [int(p) for p in sys.argv[1:]]
headers = {"Authorization": f"Bearer {os.environ['SELFMODEL_TOKEN']}"}
def get(port, path):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    c.request("GET", path, headers=headers)
    r = c.getresponse()
    body = r.read()
    assert r.status == 200, (port, path, r.status, body[:300])
    return json.loads(body)
users = [u["id"] if isinstance(u, dict) else u for u in get(ports[1], "/v1/users?limit=1000")["users"]]
assert len(users) == 50, f"B lists {len(users)} users, not 50"
differ = 0
for user in users:
    a, b = (get(port, f"/v1/users/{user}/export")["snapshot"] for port in ports)
    if a != b:
        differ += 1
        print(f"FAIL: A and B export different snapshots of {user}")
print(f"agreement: {len(users)} users, {differ} differ")
sys.exit(1 if differ else 0)
PY

for pid in $node_a $node_b; do
  kill -TERM "$pid"
  wait "$pid" || { echo "FAIL: a node did not stop cleanly on SIGTERM" >&2; exit 1; }
done
node_a="" node_b=""
echo "== two nodes passed in ${SECONDS} s"
