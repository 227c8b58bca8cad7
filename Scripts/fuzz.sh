#!/usr/bin/env bash
# libFuzzer targets for the decoders that read bytes the store did not write itself.
#
#   Scripts/fuzz.sh build            build every target into .build/fuzz
#   Scripts/fuzz.sh smoke            build, then run every target briefly (under 60 s in total)
#   Scripts/fuzz.sh long [TARGET…]   build, then run each target for 1,000,000 inputs
#   Scripts/fuzz.sh run TARGET ARGS  build, then run one target with libFuzzer ARGS
#
# The modules are compiled straight from Sources/ with swiftc -sanitize=fuzzer,address (SwiftPM
# cannot build a libFuzzer binary: each target needs libFuzzer's main, not a Swift one), with
# the package name, so the targets reach the `package` DecoderProbe. Each target is
# Tests/Fuzz/Targets/<name>.swift; its seed corpus is Tests/Fuzz/Corpus/<name>/, read only (new inputs go
# to .build/fuzz/corpus/<name>/). A crash leaves its input in .build/fuzz/crash-*.
set -euo pipefail
cd "$(dirname "$0")/.."

# One line per target.
targets=(
  journal
  snapshot
  export
  evidence
  candidate
  catalogue
)

out=.build/fuzz
flags=(
  -swift-version 6 -package-name selfmodel -O -wmo -g -sanitize=fuzzer,address
  -enable-upcoming-feature ExistentialAny -enable-upcoming-feature InternalImportsByDefault
  -enable-upcoming-feature MemberImportVisibility
  -enable-upcoming-feature NonisolatedNonsendingByDefault
)

module() {  # module NAME: a static library and module from Sources/NAME
  local name=$1
  # -I Sources/CSelfModelHints/include: SelfModel's C header (its module map is committed there,
  # so swiftc finds the module as SwiftPM does; header-only, nothing to link).
  swiftc "${flags[@]}" -parse-as-library -module-name "$name" -I "$out" \
    -I Sources/CSelfModelHints/include \
    -emit-module -emit-module-path "$out/$name.swiftmodule" \
    -emit-library -static -o "$out/lib$name.a" $(find "Sources/$name" -name '*.swift' | sort)
}

up_to_date() {  # every target binary exists and is newer than every source file
  for target in "${targets[@]}"; do
    [ -x "$out/fuzz-$target" ] || return 1
    [ -z "$(find Sources Tests/Fuzz/Targets \( -name '*.swift' -o -name '*.h' -o -name '*.c' -o -name '*.modulemap' \) \
      -newer "$out/fuzz-$target" | head -1)" ] \
      || return 1
  done
}

build() {
  if up_to_date; then echo "== fuzz: targets up to date in $out"; return; fi
  mkdir -p "$out"
  echo "== fuzz: building SelfModel, SelfModelStore, SelfModelStoreFaults and ${#targets[@]} targets into $out"
  module SelfModel
  module SelfModelStore
  module SelfModelStoreFaults
  for target in "${targets[@]}"; do
    # gold warns about every ASan helper symbol it cannot export: harmless, and thousands.
    swiftc "${flags[@]}" -parse-as-library -I "$out" -I Sources/CSelfModelHints/include \
      "Tests/Fuzz/Targets/$target.swift" \
      "$out/libSelfModelStoreFaults.a" "$out/libSelfModelStore.a" "$out/libSelfModel.a" -o "$out/fuzz-$target" 2>&1 \
      | { grep -v "Cannot export local symbol" || true; }
  done
}

run() {  # run TARGET ARGS…
  local target=$1
  shift
  mkdir -p "$out/corpus/$target"
  "$out/fuzz-$target" -artifact_prefix="$out/crash-$target-" -max_len=65536 \
    "$@" "$out/corpus/$target" "Tests/Fuzz/Corpus/$target"
}

case "${1:-smoke}" in
  build) build ;;
  smoke)
    build
    # 50 s of fuzzing in total, shared by the targets.
    per=$((50 / ${#targets[@]}))
    for target in "${targets[@]}"; do
      echo "== fuzz smoke: $target (${per} s)"
      run "$target" -max_total_time="$per" -print_final_stats=1 2>&1 | grep -E "stat::number_of_executed_units|Done|ERROR" || true
      if ls "$out"/crash-"$target"-* >/dev/null 2>&1; then echo "fuzz: $target crashed" >&2; exit 1; fi
    done
    ;;
  long)
    build
    shift
    for target in "${@:-${targets[@]}}"; do
      echo "== fuzz: $target, 1,000,000 inputs"
      run "$target" -runs=1000000 -print_final_stats=1
    done
    ;;
  run)
    build
    shift
    run "$@"
    ;;
  *) echo "usage: Scripts/fuzz.sh build|smoke|long [TARGET…]|run TARGET [ARGS…]" >&2; exit 2 ;;
esac
