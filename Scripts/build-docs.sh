#!/usr/bin/env bash
# Builds the DocC documentation of every module that has a catalog at Sources/<M>/<M>.docc,
# with the toolchain's `docc` (no plugin) and warnings treated as errors.
#
# Usage: Scripts/build-docs.sh [Module ...]   (default: every module with a catalog)
# Output: .build/docs/<M>.doccarchive; symbol graphs in .build/sg/<M>.
# Exits non-zero on any compiler or docc warning.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$#" -gt 0 ]; then
  modules=("$@")
else
  modules=()
  for catalog in Sources/*/*.docc; do
    [ -d "$catalog" ] || continue
    module=$(basename "$(dirname "$catalog")")
    [ "$(basename "$catalog")" = "$module.docc" ] || continue
    modules+=("$module")
  done
fi

if [ "${#modules[@]}" -eq 0 ]; then
  echo "build-docs: no Sources/<M>/<M>.docc catalog found" >&2
  exit 1
fi

# Builds one module with symbol graphs in .build/sg/<M>; fails on an error or a warning.
build_symbol_graph() {
  local module=$1 log status=0
  log=$(mktemp)
  swift build --target "$module" \
    -Xswiftc -emit-symbol-graph -Xswiftc -emit-symbol-graph-dir -Xswiftc ".build/sg/$module" \
    >"$log" 2>&1 || status=$?
  if [ "$status" -ne 0 ]; then
    cat "$log"
    rm -f "$log"
    echo "build-docs: building $module failed" >&2
    exit 1
  fi
  if grep -E "warning:" "$log"; then
    rm -f "$log"
    echo "build-docs: building $module printed warnings" >&2
    exit 1
  fi
  rm -f "$log"
}

mkdir -p .build/docs
for module in "${modules[@]}"; do
  catalog="Sources/$module/$module.docc"
  if [ ! -d "$catalog" ]; then
    echo "build-docs: $catalog does not exist" >&2
    exit 1
  fi

  echo "-- $module: symbol graph"
  # Start from an empty folder so no stale graph is read. The compiler writes the graph only
  # when it compiles the module: if the module was up to date, delete its object files so that
  # SwiftPM compiles it again.
  rm -rf ".build/sg/$module"
  build_symbol_graph "$module"
  if [ ! -f ".build/sg/$module/$module.symbols.json" ]; then
    rm -f "$(swift build --show-bin-path)/$module.build/"*.o
    build_symbol_graph "$module"
  fi
  if [ ! -f ".build/sg/$module/$module.symbols.json" ]; then
    echo "build-docs: no symbol graph for $module in .build/sg/$module" >&2
    exit 1
  fi

  echo "-- $module: docc convert"
  rm -rf ".build/docs/$module.doccarchive"
  docc convert "$catalog" \
    --additional-symbol-graph-dir ".build/sg/$module" \
    --output-path ".build/docs/$module.doccarchive" \
    --warnings-as-errors
  echo "-- $module: .build/docs/$module.doccarchive"
done
