#!/usr/bin/env bash
# B10: the reference service under load, then kill -9 under load, on this machine's loopback.
#   1. release build of selfmodel-server; a fresh data folder; a temporary tokens file with one
#      tenant and a random token, which every request carries; 200 users
#   2. POST evidence, 64 connections (wrk, if installed, then the Python client)
#   3. a mix with 20% reads (GET estimates), 64 connections (wrk, then Python)
#   4. graceful restart (SIGTERM), then check every acknowledged evidence id is present
#   5. kill -9 the server under write load, restart it, check again: lost must be 0
# Every phase is bounded in time and stops by itself. Not part of CI.
# Usage: Examples/Server/Scripts/load.sh   (LOAD_SECONDS=20 PORT=8089 by default)
# To compare with a build from before authentication (B10's unauthenticated baseline), set
# SERVER_BIN to that build's selfmodel-server and NO_TOKENS_FLAG=1: the server is then started
# without --tokens-file (the clients still send the token, which such a server ignores).
set -euo pipefail
cd "$(dirname "$0")/.."

port=${PORT:-8089}
seconds=${LOAD_SECONDS:-20}
work=$(mktemp -d /tmp/selfmodel-load.XXXXXX)
data=$work/data
acked=$work/acked.txt
server=""
client=(python3 Scripts/loadclient.py --port "$port" --acked "$acked")
SELFMODEL_TOKEN=$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')
export SELFMODEL_TOKEN
(umask 077 && printf '{"tenants": [{"tenant": "load", "tokens": ["%s"]}]}\n' "$SELFMODEL_TOKEN" \
  >"$work/tokens.json")
server_args=(--tokens-file "$work/tokens.json")
if [ "${NO_TOKENS_FLAG:-0}" = 1 ]; then server_args=(); fi

cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then kill -TERM "$server"; wait "$server" || true; fi
  echo "== work folder (data, acknowledged ids, server log): $work"
}
trap cleanup EXIT

start_server() {
  "$bin" --data "$data" --port "$port" --log-level warning ${server_args[@]+"${server_args[@]}"} \
    >>"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 300); do
    if curl -sf "http://127.0.0.1:$port/v1/health" >/dev/null 2>&1; then return 0; fi
    sleep 0.1
  done
  echo "server did not start; see $work/server.log" >&2
  exit 1
}

echo "== machine"
echo "nproc: $(nproc)"
lscpu | head -n 15
echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "${SERVER_BIN:-}" ]; then
  bin=$SERVER_BIN
  echo "== server: $bin"
else
  echo "== release build"
  swift build -c release --product selfmodel-server 2>&1 | tail -n 2
  bin="$(swift build -c release --show-bin-path)/selfmodel-server"
fi

start_server
"${client[@]}" setup

if command -v wrk >/dev/null; then
  echo "== wrk: POST evidence, 64 connections, ${seconds}s"
  wrk -t2 -c64 -d"${seconds}s" --latency -s Scripts/evidence.lua "http://127.0.0.1:$port" -- 0 wrk-post "$SELFMODEL_TOKEN"
  echo "== wrk: 80% POST evidence, 20% GET estimates, 64 connections, ${seconds}s"
  wrk -t2 -c64 -d"${seconds}s" --latency -s Scripts/evidence.lua "http://127.0.0.1:$port" -- 0.2 wrk-mix "$SELFMODEL_TOKEN"
else
  echo "== wrk is not installed (apt-get install -y wrk); the Python client alone follows"
fi

echo "== python client: POST evidence, 64 connections, ${seconds}s"
"${client[@]}" load --run py-post --seconds "$seconds"
echo "== python client: 80% POST, 20% GET estimates, 64 connections, ${seconds}s"
"${client[@]}" load --run py-mix --seconds "$seconds" --read-share 0.2

echo "== graceful restart (SIGTERM), then every acknowledged id must be present"
kill -TERM "$server"
wait "$server"
start_server
"${client[@]}" verify

echo "== kill -9 under load: 64 connections posting; the server is killed after 8 s"
"${client[@]}" load --run crash --seconds 30 &
load_pid=$!
sleep 8
kill -9 "$server"
wait "$server" 2>/dev/null || true
wait "$load_pid"
start_server
echo "== after kill -9 and restart: every acknowledged id must be present (lost = 0)"
"${client[@]}" verify
echo "== load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
