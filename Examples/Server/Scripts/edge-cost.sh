#!/usr/bin/env bash
# B10: what the HTTP edge costs, as ratios from one run. Three servers, one at a time, each on
# a fresh copy of one seeded data folder (a catalogue and 200 users), in turns for ROUNDS rounds:
#   auth   selfmodel-server with bearer authentication (the service as deployed)
#   open   selfmodel-server --no-authentication (the same service, authentication off)
#   floor  selfmodel-edge-baseline (one Hummingbird route that decodes and calls store.record)
# Each turn: wrk, 2 threads, 64 connections, SECONDS_PER_TURN seconds, every request POSTs one evidence
# item (Scripts/evidence.lua, read share 0). A turn with a non-2xx answer or a socket error
# fails the script. Prints each turn's requests/s, each server's median, and the ratios
# auth/open (bar >= 0.9) and auth/floor (bar >= 0.8). Not part of CI.
# With EDGE_POSTGRES=1, under Scripts/with-postgres, a fourth server in each round:
#   pg     two selfmodel-server nodes with bearer authentication on one PostgreSQL database
#          (--postgres env, ports PORT and PORT+1), seeded afresh each turn (the tenant's schema
#          dropped), one wrk with 32 connections on each node at once; the turn's rate is the sum
# and the ratio pg/auth (no bar: what two nodes on PostgreSQL give against one on FileStore).
# Usage: Examples/Server/Scripts/edge-cost.sh   (ROUNDS=3 SECONDS_PER_TURN=15 PORT=8091 by default;
#   SERVER_BIN and BASELINE_BIN skip the release build)
#   Scripts/with-postgres env EDGE_POSTGRES=1 Examples/Server/Scripts/edge-cost.sh
#   (set PORT and the others after `env`: with-postgres uses a variable PORT of its own)
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=${ROUNDS:-3}
seconds=${SECONDS_PER_TURN:-15}
port=${PORT:-8091}
work=$(mktemp -d /tmp/selfmodel-edge.XXXXXX)
server=""
second=""
servers=(auth open floor)
if [ "${EDGE_POSTGRES:-0}" = 1 ]; then
  [ -n "${PGHOST:-}" ] || { echo "EDGE_POSTGRES=1 needs Scripts/with-postgres (no PGHOST)" >&2; exit 1; }
  servers+=(pg)
fi
SELFMODEL_TOKEN=$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')
export SELFMODEL_TOKEN
(umask 077 && printf '{"tenants": [{"tenant": "local", "tokens": ["%s"]}]}\n' "$SELFMODEL_TOKEN" \
  >"$work/tokens.json")

stop_server() {
  for pid in $server $second; do
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid"
      wait "$pid" || true
    fi
  done
  server="" second=""
}

wait_listening() {
  for _ in $(seq 1 300); do
    if curl -s -o /dev/null "http://127.0.0.1:$1/"; then return 0; fi
    sleep 0.1
  done
  echo "the server on port $1 did not start; see $work/*.log" >&2
  exit 1
}

# start_pg: two nodes on a fresh schema, seeded through the first; both listening.
start_pg() {
  local psql
  psql=$(command -v psql || ls -d /usr/lib/postgresql/*/bin/psql | sort -V | tail -n 1)
  "$psql" -qAt \
    -c "SET client_min_messages = warning; DROP SCHEMA IF EXISTS selfmodel_local CASCADE" >/dev/null
  "$server_bin" --postgres env --port "$port" --log-level warning \
    --tokens-file "$work/tokens.json" >>"$work/pg.log" 2>&1 &
  server=$!
  wait_listening "$port"
  python3 Scripts/loadclient.py --port "$port" --acked "$work/seed-acked.txt" setup >/dev/null
  "$server_bin" --postgres env --port $((port + 1)) --log-level warning \
    --tokens-file "$work/tokens.json" >>"$work/pg.log" 2>&1 &
  second=$!
  wait_listening $((port + 1))
}
trap 'stop_server; echo "== work folder (logs): $work"' EXIT

# start NAME DATA: starts the server NAME on the folder DATA, waits until it accepts connections.
start() {
  case $1 in
    auth) "$server_bin" --data "$2" --port "$port" --log-level warning \
      --tokens-file "$work/tokens.json" >>"$work/$1.log" 2>&1 & ;;
    open) "$server_bin" --data "$2" --port "$port" --log-level warning --no-authentication \
      >>"$work/$1.log" 2>&1 & ;;
    floor) "$baseline_bin" --data "$2" --port "$port" >>"$work/$1.log" 2>&1 & ;;
  esac
  server=$!
  for _ in $(seq 1 300); do
    if curl -s -o /dev/null "http://127.0.0.1:$port/"; then return 0; fi
    sleep 0.1
  done
  echo "$1 did not start; see $work/$1.log" >&2
  exit 1
}

if [ -z "${SERVER_BIN:-}" ] || [ -z "${BASELINE_BIN:-}" ]; then
  echo "== release build"
  swift build -c release --product selfmodel-server 2>&1 | tail -n 1
  swift build -c release --product selfmodel-edge-baseline 2>&1 | tail -n 1
fi
bin=$(swift build -c release --show-bin-path)
server_bin=${SERVER_BIN:-$bin/selfmodel-server}
baseline_bin=${BASELINE_BIN:-$bin/selfmodel-edge-baseline}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }

echo "== seed: a catalogue and 200 users"
start auth "$work/seed"
python3 Scripts/loadclient.py --port "$port" --acked "$work/seed-acked.txt" setup
stop_server

echo "== nproc $(nproc), load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A rates
for round in $(seq 1 "$rounds"); do
  for name in "${servers[@]}"; do
    if [ "$name" = pg ]; then
      start_pg
      wrk -t1 -c32 -d"${seconds}s" -s Scripts/evidence.lua "http://127.0.0.1:$((port + 1))" \
        -- 0 "edge-pg-b-$round" "$SELFMODEL_TOKEN" >"$work/wrk-b.txt" &
      out=$(wrk -t1 -c32 -d"${seconds}s" -s Scripts/evidence.lua "http://127.0.0.1:$port" \
        -- 0 "edge-pg-a-$round" "$SELFMODEL_TOKEN")
      wait $!
      out="$out
$(cat "$work/wrk-b.txt")"
    else
      rm -rf "$work/run" && cp -a "$work/seed" "$work/run"
      start "$name" "$work/run"
      out=$(wrk -t2 -c64 -d"${seconds}s" -s Scripts/evidence.lua "http://127.0.0.1:$port" \
        -- 0 "edge-$name-$round" "$SELFMODEL_TOKEN")
    fi
    stop_server
    if grep -q -E "Non-2xx|Socket errors" <<<"$out"; then
      echo "$out"
      echo "== $name, round $round: errors; the figures would be meaningless" >&2
      exit 1
    fi
    rate=$(awk '/^Requests\/sec:/ { sum += $2 } END { printf "%.2f", sum }' <<<"$out")
    rates[$name]="${rates[$name]:-} $rate"
    echo "round $round  $name  $rate req/s  (load $(cut -d' ' -f1 /proc/loadavg))"
  done
done

median() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
auth=$(median "${rates[auth]}")
open=$(median "${rates[open]}")
floor=$(median "${rates[floor]}")
echo "== medians over $rounds rounds: auth $auth, open $open, floor $floor req/s"
if [ "${EDGE_POSTGRES:-0}" = 1 ]; then
  pg=$(median "${rates[pg]}")
  awk -v a="$auth" -v p="$pg" 'BEGIN {
    printf "== pg (two nodes on PostgreSQL) %s req/s; pg / auth = %.2f\n", p, p / a }'
fi
awk -v a="$auth" -v o="$open" -v f="$floor" 'BEGIN {
  printf "== auth / open  = %.2f (bar >= 0.90)\n", a / o
  printf "== auth / floor = %.2f (bar >= 0.80)\n", a / f
}'
echo "== load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
