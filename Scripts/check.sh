#!/usr/bin/env bash
# Everything a change must pass, in order: format, the source checks in Scripts/checks, build
# (warnings are errors), tests, every example, README's code, and the documentation. Run from
# anywhere: `Scripts/check.sh`.
set -euo pipefail
cd "$(dirname "$0")/.."

# One set of compiler flags for build, test and run, so SwiftPM reuses one build.
flags=(-Xswiftc -warnings-as-errors)

echo "== swift format lint --strict"
swift format lint --strict -r -p Package.swift Sources Tests Examples

echo "== source checks (seconds): docs index and references, guarded C imports, tests that can fail"
Scripts/checks/docs.sh
Scripts/checks/guarded-imports.sh
Scripts/checks/tests-can-fail.sh

echo "== swift build --build-tests (warnings are errors)"
swift build --build-tests "${flags[@]}"

echo "== swift test"
swift test "${flags[@]}"

echo "== examples"
for dir in Examples/*/; do
  name=$(basename "$dir")
  [ -f "$dir/main.swift" ] || continue
  echo "-- swift run $name"
  log=$(mktemp)
  if ! swift run "${flags[@]}" "$name" >"$log" 2>&1; then
    cat "$log"
    rm -f "$log"
    echo "check: example $name failed" >&2
    exit 1
  fi
  tail -n 3 "$log"
  rm -f "$log"
done

echo "== README's code, after Quickstart in the same folder (reuses the build: seconds)"
Scripts/checks/readme-snippets.sh "${flags[@]}"

echo "== docs"
Scripts/build-docs.sh

echo "== check passed"
