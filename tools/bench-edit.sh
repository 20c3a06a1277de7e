#!/usr/bin/env bash
# The edit request and the first pages after it, on a generated organisation, signed in, one browser session.
#   tools/bench-edit.sh [PEOPLE] [ROUNDS] [STORE]   (defaults: 100000 people, 5 rounds, a scratch SQLite store)
# STORE may be neo4j:URL (a scratch server: it is overwritten).
# Builds Release, generates `generate --people PEOPLE --seed 1` into the store, serves the app in
# Production mode on 127.0.0.1:${BENCH_EDIT_PORT:-5097}, signs in as admin through the real form, and then, per round,
# posts the matrix's assign form (htmx, as the browser does: one team made accountable, then contributing, on the
# largest journey's first phase), opens the dashboard, the journey map, and the dashboard again. Prints each time as
# curl measured it (whole request on loopback). Needs curl and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
people="${1:-100000}"
rounds="${2:-5}"
work="$(mktemp -d)"
port="${BENCH_EDIT_PORT:-5097}"
base="http://127.0.0.1:$port"
app=""
trap '[[ -n $app ]] && kill $app 2>/dev/null; rm -rf "$work"' EXIT

# BENCH_EDIT_DLL runs another build (an earlier commit's, for a before/after) instead of building this checkout.
dll="${BENCH_EDIT_DLL:-src/JourneyOrg.Web/bin/Release/net10.0/JourneyOrg.Web.dll}"
[[ -n ${BENCH_EDIT_DLL:-} ]] || dotnet build -c Release src/JourneyOrg.Web -v q -nologo >/dev/null
export JOURNEYORG_STORE="${3:-sqlite:$work/edit.db}"
dotnet "$dll" generate --people "$people" --seed 1 --store "$JOURNEYORG_STORE" >/dev/null
JourneyOrg__DemoData=false JOURNEYORG_ADMIN_PASSWORD=bench-edit-Passw0rd ASPNETCORE_ENVIRONMENT=Production \
  dotnet "$dll" --urls "$base" >"$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 120); do curl -fs "$base/healthz" >/dev/null && break; sleep 1; done

token() { curl -fs -b "$work/jar" -c "$work/jar" "$base$1" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -1; }
curl -fs -b "$work/jar" -c "$work/jar" -o /dev/null --data-urlencode "userName=admin" --data-urlencode "password=bench-edit-Passw0rd" \
  --data-urlencode "returnUrl=/" --data-urlencode "__RequestVerificationToken=$(token /account/signin)" "$base/account/signin"

# The journey with the most phases, its first phase, the team with the most members (from an export, so any store works).
dotnet "$dll" export "$work/export.json" --store "$JOURNEYORG_STORE" >/dev/null
read -r journey phase team < <(python3 - "$work/export.json" <<'PY'
import json, sys
w = json.load(open(sys.argv[1]))
journey = max(w["journeys"], key=lambda j: len(j.get("phases", [])))
team = max(w["teams"], key=lambda t: len(t.get("members", [])))
print(journey["id"], journey["phases"][0]["id"], team["id"])
PY
)
# The server's CPU time in ms (all its threads, the background work an edit starts included): on a shared, loaded
# machine this is the figure that does not depend on the other processes.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$app/stat"; }
time_of() { curl -s -o "$work/last" -w '%{http_code} %{time_total}' -b "$work/jar" -c "$work/jar" "$@"; }
ms() { awk '{ printf "%s %6.0f", $1, $2 * 1000 }'; }

# Warm every screen of the round once (JIT, the analysis of the starting revision).
for path in / "/journeys/$journey" "/matrix?journey=$journey"; do curl -fs -o /dev/null -b "$work/jar" "$base$path"; done
form=$(token "/matrix?journey=$journey")
printf '%-6s %-18s %-18s %-18s %-18s %s\n' round "edit (POST, ms)" "dashboard after" "journey map after" "dashboard again" "server CPU ms: edit, all four"
for round in $(seq 1 "$rounds"); do
  kind=$([[ $((round % 2)) == 1 ]] && echo accountable || echo contributing)
  revision=$(curl -fs -b "$work/jar" "$base/matrix?journey=$journey" | sed -n 's/.*name="Revision" value="\([0-9]*\)".*/\1/p' | head -1)
  sleep 2 # let the previous round's background work finish, so each round's CPU is its own
  cpu0=$(cpu_ms)
  edit=$(time_of -H "HX-Request: true" --data-urlencode "TeamId=$team" --data-urlencode "TargetId=$phase" --data-urlencode "Kind=$kind" \
    --data-urlencode "Revision=$revision" --data-urlencode "__RequestVerificationToken=$form" "$base/matrix/owners?journey=$journey" | ms)
  [[ $edit == 200* ]] || { echo "the edit answered ${edit%% *}:"; sed 's/<[^>]*>//g' "$work/last" | grep -i -m3 'error\|refused\|notice'; exit 1; }
  cpu1=$(cpu_ms)
  dashboard=$(time_of "$base/" | ms)
  map=$(time_of "$base/journeys/$journey" | ms)
  again=$(time_of "$base/" | ms)
  sleep 2
  cpu2=$(cpu_ms)
  printf '%-6s %-18s %-18s %-18s %-18s %s\n' "$round" "$edit" "$dashboard" "$map" "$again" "$((cpu1 - cpu0)), $((cpu2 - cpu0))"
done
