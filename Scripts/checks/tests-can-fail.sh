#!/usr/bin/env bash
# A test must be able to fail: `#expect(throws: (any Error).self)` passes on any error and
# `_ = try?` drops one unseen. Each is refused in every test folder (the root package's and
# the sibling packages') unless a comment on the same line or the line before says why (a
# comment before a run of such lines covers the run).
set -euo pipefail
cd "$(dirname "$0")/../.."

folders=(Tests)
for dir in Examples/*/Tests Backends/*/Tests; do [ -d "$dir" ] && folders+=("$dir"); done

found=$(find "${folders[@]}" -name '*.swift' -not -path '*/.build/*' -print0 \
  | xargs -0 awk '
      FNR == 1 { previous = ""; covered = 0 }
      {
        flagged = $0 ~ /#expect\(throws: \(any Error\)\.self\)|_ = try\?/
        said = $0 ~ /\/\/ / || previous ~ /^[[:space:]]*\/\/ / || covered
        if (flagged && !said) print FILENAME ":" FNR ": " $0
        covered = flagged && said
        previous = $0
      }')
if [ -n "$found" ]; then
  echo "$found"
  echo "check: a test accepts any error or drops one without saying why (see above)" >&2
  exit 1
fi
echo "tests-can-fail: ok"
