#!/usr/bin/env bash
# Instructions per record on the per-record paths, counted by callgrind: a figure that does
# not move with the machine's load (Docs/Performance.md, "Instruction counts").
#
#   Scripts/instructions.sh            build the benchmarks in release, print the table
#   Scripts/instructions.sh --no-build use the binary already built
#
# It runs the benchmark package's own code, not a copy: `SelfModelBenchmarks --only B1` and
# `--only B4c` with a small `--count`, under `valgrind --tool=callgrind`, collecting only inside
# one function at a time (`--toggle-collect`):
#   B1      B1InMemoryUpdate.appendAll: `append(_:at:)` on the 300-belief model
#   B1b     B1InMemoryUpdate.recordAll: `record(_:at:)`, the same items
#   replay  UserFiles.replay: decode each journal record and fold it into the model (B4c)
#   load    UserFiles.load: the whole load B4c times (snapshot, journal read and checksums,
#           then the replay)
# The counts are totals over the items (B1: B1_COUNT, default 20,000; B4c: REPLAY_COUNT,
# default 20,000, one round), divided by the item count. Needs valgrind (Debian's package:
# `apt-get install valgrind`). Takes about a minute after the build; the first run also makes the
# REPLAY_COUNT-record journal fixture once (kept in Benchmarks/.build/fixtures).
set -euo pipefail
cd "$(dirname "$0")/.."

b1_count=${B1_COUNT:-20000}
replay_count=${REPLAY_COUNT:-20000}
binary=Benchmarks/.build/release/SelfModelBenchmarks

if ! command -v valgrind > /dev/null; then
  echo "instructions.sh: valgrind is not installed (apt-get install valgrind)" >&2
  exit 2
fi
if [[ "${1:-}" != "--no-build" ]]; then
  nice -n 19 swift build -c release --package-path Benchmarks --product SelfModelBenchmarks \
    > /dev/null
fi
# The journal fixture, made without valgrind (slow under it).
nice -n 19 "$binary" --only B4c --count "$replay_count" > /dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Prints the instructions collected inside functions matching $1 while running the rest.
collected() {
  local pattern=$1
  shift
  nice -n 19 valgrind --tool=callgrind --callgrind-out-file="$work/out" \
    "--toggle-collect=$pattern" "$binary" --main-thread-waits "$@" > "$work/log" 2>&1 || {
    cat "$work/log" >&2
    exit 1
  }
  sed -n 's/^==[0-9]*== Collected : \([0-9]*\)$/\1/p' "$work/log"
}

row() {
  local name=$1 count=$2 pattern=$3
  shift 3
  local total
  total=$(collected "$pattern" "$@")
  printf '%-7s %12s %8s %10s\n' "$name" "$total" "$count" "$((total / count))"
}

printf '%-7s %12s %8s %10s\n' "path" "instructions" "records" "per record"
row B1 "$b1_count" '*B1InMemoryUpdateO9appendAll*' --only B1 --count "$b1_count"
row B1b "$b1_count" '*B1InMemoryUpdateO9recordAll*' --only B1 --count "$b1_count"
row replay "$replay_count" '*9UserFilesV6replay_5after4into*' --only B4c --count "$replay_count"
row load "$replay_count" '*9UserFilesV4load9catalogue*' --only B4c --count "$replay_count"
