#!/usr/bin/env bash
# The contract test: schemathesis against the live service, from the service's own OpenAPI
# document (Sources/SelfModelHTTP/openapi.json), with a bearer token.
#   1. builds selfmodel-server (debug, the build `swift test` made) and starts it on loopback
#      with a temporary data folder and a temporary tokens file (two tenants, random tokens)
#   2. publishes a catalogue (`preference.concise` lists the context `surface:onboarding`, the
#      document's example context) and creates the user `user-1` (the document's example
#      user), so generated requests reach the handlers behind the 404s as well
#   3. runs schemathesis on every operation, positive and negative inputs, with the checks
#      not_a_server_error, status_code_conformance, content_type_conformance,
#      response_schema_conformance, a bounded number of examples and a time limit
#   4. checks that the second tenant, `other`, sees none of the first's users, then runs a
#      shorter schemathesis as `other` (a separate identity, with no catalogue and no user)
#   5. stops the server (trap), and fails if schemathesis found anything or the server died
# schemathesis is installed into Examples/Server/.venv-contract (git-ignored) when missing.
# Usage: Examples/Server/Scripts/contract.sh
#   CONTRACT_EXAMPLES=20  examples per operation and phase (the documented full run: 100)
#   CONTRACT_SECONDS=150  schemathesis's time budget (--max-time) for the first tenant
#   CONTRACT_OTHER_EXAMPLES=5, CONTRACT_OTHER_SECONDS=45  the same for the second tenant
#   PORT=8091
set -euo pipefail
cd "$(dirname "$0")/.."

port=${PORT:-8091}
examples=${CONTRACT_EXAMPLES:-20}
budget=${CONTRACT_SECONDS:-150}
venv=.venv-contract
schemathesis_version="4.32.5"
checks=not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance

if ! [ -x "$venv/bin/schemathesis" ]; then
  echo "== installing schemathesis $schemathesis_version into Examples/Server/$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "schemathesis==$schemathesis_version"
fi
"$venv/bin/schemathesis" --version

work=$(mktemp -d /tmp/selfmodel-contract.XXXXXX)
server=""
cleanup() {
  local status=$?
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill -TERM "$server"
    wait "$server" || true
  fi
  if [ "$status" != 0 ] && [ -f "$work/server.log" ]; then
    echo "== the server's log (last 60 lines)"
    tail -n 60 "$work/server.log"
  fi
  rm -rf "$work"
}
trap cleanup EXIT

token=$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')
other=$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')
(umask 077 && printf '{"tenants": [{"tenant": "contract", "tokens": ["%s"]}, {"tenant": "other", "tokens": ["%s"]}]}\n' \
  "$token" "$other" >"$work/tokens.json")

echo "== build"
# The build `swift test` made (the same scratch folder and flags as .ci/runs, when it sets
# SELFMODEL_SCRATCH and SELFMODEL_SWIFT_FLAGS): nothing to do after it.
build=(swift build ${SELFMODEL_SCRATCH:+--scratch-path "$SELFMODEL_SCRATCH"} ${SELFMODEL_SWIFT_FLAGS:-})
"${build[@]}" --build-tests 2>&1 | tail -n 1
bin="$("${build[@]}" --show-bin-path)/selfmodel-server"
"$bin" --data "$work/data" --tokens-file "$work/tokens.json" --port "$port" \
  --request-timeout 10 --log-level error >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 300); do
  if curl -sf "http://127.0.0.1:$port/v1/health" >/dev/null 2>&1; then break; fi
  sleep 0.1
done
curl -sf "http://127.0.0.1:$port/v1/health" >/dev/null || {
  cat "$work/server.log"
  echo "contract: the server did not start" >&2
  exit 1
}

echo "== seed: a catalogue and user-1"
auth=(-H "Authorization: Bearer $token" -H "Content-Type: application/json")
curl -sf "${auth[@]}" -X PUT "http://127.0.0.1:$port/v1/catalogue" -d '{
  "format": "selfmodel.catalogue", "formatVersion": 1, "version": 1, "policy": {},
  "beliefs": [
    {"key": "preference.concise", "statement": "Prefers concise answers",
     "outcomes": ["true", "false"], "baseRates": [0.5, 0.5], "tags": ["style"],
     "contexts": {"surface:onboarding": {"baseRates": [0.8, 0.2]}}},
    {"key": "preference.tone", "statement": "Preferred tone",
     "outcomes": ["formal", "casual", "playful"], "baseRates": [0.4, 0.4, 0.2]}],
  "sources": [{"id": "user", "kind": "userStated", "reliability": 0.9}]}' >/dev/null
curl -sf "${auth[@]}" -X POST "http://127.0.0.1:$port/v1/users" -d '{"user": "user-1"}' >/dev/null
curl -sf "${auth[@]}" -X POST "http://127.0.0.1:$port/v1/users/user-1/evidence" -d '{"evidence": [
  {"id": "e1", "belief": "preference.concise", "content": {"outcome": "true"}, "source": "user",
   "observedAt": "2026-01-01T00:00:00Z"}]}' >/dev/null

# run_schemathesis NAME TOKEN EXAMPLES SECONDS: one run as one tenant (its own bearer token).
status=0
run_schemathesis() {
  echo "== schemathesis as the tenant $1: $3 examples per operation and phase, at most ${4}s"
  "$venv/bin/schemathesis" run Sources/SelfModelHTTP/openapi.json \
    --url "http://127.0.0.1:$port" \
    --header "Authorization: Bearer $2" \
    --checks "$checks" \
    --max-examples "$3" \
    --max-time "$4" \
    --seed 14 \
    --workers 1 \
    --request-timeout 20 \
    --generation-database none \
    --no-color || status=$?
}

# The first tenant, seeded above, with most of the budget.
run_schemathesis contract "$token" "$examples" "$budget"

# The second tenant is a separate identity on the same server: it sees none of the first's
# users (404 and an empty list, whatever the first run created), then gets a run of its own,
# on a tenant with no catalogue and no user.
echo "== tenant isolation: the tenant other does not see contract's users"
seen=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $other" \
  "http://127.0.0.1:$port/v1/users/user-1")
listed=$(curl -sf -H "Authorization: Bearer $other" "http://127.0.0.1:$port/v1/users")
if [ "$seen" != 404 ] || ! grep -q '"users":\[\]' <<<"$listed"; then
  echo "contract: the tenant other saw contract's user (GET user-1: $seen; list: $listed)" >&2
  exit 1
fi
run_schemathesis other "$other" "${CONTRACT_OTHER_EXAMPLES:-5}" "${CONTRACT_OTHER_SECONDS:-45}"

if ! kill -0 "$server" 2>/dev/null; then
  cat "$work/server.log"
  echo "contract: the server died during the run" >&2
  exit 1
fi
if [ "$status" != 0 ]; then
  tail -n 40 "$work/server.log"
  echo "contract: schemathesis reported failures (exit $status)" >&2
  exit "$status"
fi
echo "== contract passed"
