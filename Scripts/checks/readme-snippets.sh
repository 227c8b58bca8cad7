#!/usr/bin/env bash
# README's ```swift blocks, as written, are the `ReadmeSnippets` executable
# (Tests/ReadmeSnippets/main.swift, regenerated here): this builds it with the root package's
# own build and runs it twice in a fresh folder after `Quickstart` ran there, as a newcomer
# would (Quickstart first, then the README's code), and checks the values README's comments
# say its `print`s print. A stale committed copy fails the check
# after being rewritten, so the next commit carries the README's current code.
# Usage: Scripts/checks/readme-snippets.sh [swift build flags...]
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
target=Tests/ReadmeSnippets/main.swift

generated=$(mktemp)
{
  echo "// swift-format-ignore-file"
  echo "// Generated from README.md's swift code blocks by Scripts/checks/readme-snippets.sh;"
  echo "// edit README.md, not this file."
  awk '/^```swift[[:space:]]*$/ { inside = 1; next } /^```/ { inside = 0; next } inside' README.md
} >"$generated"
stale=0
if ! cmp -s "$generated" "$target"; then
  cp "$generated" "$target"
  stale=1
fi
rm -f "$generated"

swift build "$@" --product Quickstart
swift build "$@" --product ReadmeSnippets
bin=$(swift build "$@" --show-bin-path)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
"$bin/Quickstart" >quickstart.log 2>&1 || { cat quickstart.log; echo "check: Quickstart failed" >&2; exit 1; }
for run in 1 2; do
  if ! "$bin/ReadmeSnippets" >"readme-$run.log" 2>&1; then
    cat "readme-$run.log"
    echo "check: README's code failed on run $run, after Quickstart, in the same folder" >&2
    exit 1
  fi
done
cat readme-1.log
cd "$root"
# Each `print` whose comment ends in a value (`// 0.2307...`, `// 1 1`) must print it: exactly,
# or as a prefix when the comment ends in "...".
python3 - README.md "$work/readme-1.log" <<'PY'
import re, sys
readme, log = sys.argv[1], sys.argv[2]
blocks = re.findall(r"^```swift\n(.*?)^```", open(readme).read(), re.S | re.M)
prints = [line for block in blocks for line in block.splitlines() if line.lstrip().startswith("print(")]
output = open(log).read().splitlines()
failed = False
for index, line in enumerate(prints):
    match = re.search(r"//.*?([0-9][0-9. ]*?)(\.\.\.)?$", line)
    if not match:
        continue
    expected, prefix = match.group(1).strip(), match.group(2) is not None
    got = output[index] if index < len(output) else "<nothing>"
    if (prefix and not got.startswith(expected)) or (not prefix and got != expected):
        print(f"README says {expected}{'...' if prefix else ''} for `{line.strip()}`, it printed {got}")
        failed = True
sys.exit(1 if failed else 0)
PY
if [ "$stale" = 1 ]; then
  echo "check: $target was stale and has been regenerated from README.md; commit it" >&2
  exit 1
fi
echo "readme-snippets: ok"
