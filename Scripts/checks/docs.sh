#!/usr/bin/env bash
# The docs are reference a reader can follow: Docs/README.md links every page under Docs/
# (Measurements/ too), and no doc, manifest or source comment names a path outside the
# repository (`../shared`), an issue number ("issue 9", "(#12)") or a branch ("branch `x`",
# or one of the project's branch names that reads as nothing else).
set -euo pipefail
cd "$(dirname "$0")/../.."
status=0

while IFS= read -r page; do
  relative=${page#Docs/}
  if ! grep -qF "($relative)" Docs/README.md && ! grep -qF "($relative#" Docs/README.md; then
    echo "Docs/README.md does not link $page"
    status=1
  fi
done < <(find Docs -name '*.md' -not -path Docs/README.md | sort)

pattern='\.\./shared|\bissues? #?[0-9]+|\(#[0-9]+\)|branch[: ]+`[A-Za-z0-9_./-]+`|`[A-Za-z0-9_./-]+` branch'
pattern+='|\b(context-edge|openapi-tight|postgres-b12-draft|store-hostile|core-tests|docs2|loop2)\b'
if grep -rnIiE "$pattern" README.md Docs Package.swift Sources Examples Backends Benchmarks \
  Tests Scripts .ci --include='*.md' --include='*.swift' --include='*.py' --include='*.sh' \
  --include='run' --exclude-dir='.build*' --exclude-dir='.venv*' --exclude-dir=.schemathesis \
  --exclude=docs.sh; then
  echo "check: the lines above name a path outside the repository, an issue or a branch" >&2
  status=1
fi

[ "$status" = 0 ] && echo "docs: ok"
exit "$status"
