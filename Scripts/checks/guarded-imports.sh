#!/usr/bin/env bash
# The core builds beyond Linux only if no file imports a C library unconditionally: every
# `import Glibc`, `import Musl` or `import Darwin` must sit directly under
# `#if canImport(<same>)` or `#elseif canImport(<same>)`.
set -euo pipefail
cd "$(dirname "$0")/../.."

found=$(find Sources Examples Backends Benchmarks Tests -name '*.swift' -not -path '*/.build/*' \
  -print0 | xargs -0 awk '
      FNR == 1 { previous = "" }
      /^[[:space:]]*(@_exported[[:space:]]+)?import[[:space:]]+(Glibc|Musl|Darwin)[[:space:]]*$/ {
        name = $NF
        if (previous !~ ("^[[:space:]]*#(if|elseif)[[:space:]]+canImport\\(" name "\\)"))
          print FILENAME ":" FNR ": " $0
      }
      { previous = $0 }')
if [ -n "$found" ]; then
  echo "$found"
  echo "check: a C library is imported without #if canImport (see above)" >&2
  exit 1
fi
echo "guarded-imports: ok"
