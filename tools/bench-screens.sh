#!/usr/bin/env bash
# Server-side render times of every screen on a generated organisation, measured with wrk on loopback.
#   tools/bench-screens.sh [PEOPLE]   (default 100000; needs wrk: apt-get install wrk)
# Builds Release, generates the workspace into a scratch SQLite store, starts the app on 127.0.0.1:5099,
# warms each screen once, then runs wrk for each screen (1 connection, 10 s) and prints p50/p95/p99 and size.
set -euo pipefail
cd "$(dirname "$0")/.."
people="${1:-100000}"
work="$(mktemp -d)"
port=5099
trap 'kill $app 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet build -c Release src/JourneyOrg.Web -v q -nologo >/dev/null
dll=src/JourneyOrg.Web/bin/Release/net10.0/JourneyOrg.Web.dll
export JOURNEYORG_STORE="sqlite:$work/bench.db"
dotnet "$dll" generate --people "$people" --store "$JOURNEYORG_STORE" >/dev/null
# Development: plain HTTP on loopback (Production redirects to HTTPS); views are precompiled either way.
ASPNETCORE_ENVIRONMENT=Development JourneyOrg__DemoData=false JOURNEYORG_ADMIN_PASSWORD=bench-screens-Passw0rd \
  dotnet "$dll" --urls "http://127.0.0.1:$port" >"$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 1; done

# Sign in as admin through the real form; wrk then sends the session cookie.
token=$(curl -fs -c "$work/jar" "http://127.0.0.1:$port/account/signin" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p')
curl -fs -b "$work/jar" -c "$work/jar" -o /dev/null --data-urlencode "userName=admin" --data-urlencode "password=bench-screens-Passw0rd" \
  --data-urlencode "returnUrl=/" --data-urlencode "__RequestVerificationToken=$token" "http://127.0.0.1:$port/account/signin"
cookie=$(awk '$6 ~ /^\.?JourneyOrg|AspNetCore/ && $6 !~ /Antiforgery/ {print $6"="$7}' "$work/jar" | paste -sd';' -)
[[ -n $cookie ]] || { echo "sign-in failed"; exit 1; }

journey=$(sqlite3 "$work/bench.db" "SELECT journey_id FROM phases GROUP BY journey_id ORDER BY COUNT(*) DESC LIMIT 1" 2>/dev/null || echo j-0009)
team=$(sqlite3 "$work/bench.db" "SELECT team_id FROM memberships GROUP BY team_id ORDER BY COUNT(*) DESC LIMIT 1" 2>/dev/null || echo "")
person=$(sqlite3 "$work/bench.db" "SELECT manager_id FROM people WHERE manager_id IS NOT NULL GROUP BY manager_id ORDER BY COUNT(*) DESC LIMIT 1" 2>/dev/null || echo "")
# Journey management: the KPI with the longest series, the opportunity on the most units, a step with an insight.
metric=$(sqlite3 "$work/bench.db" "SELECT metric_id FROM metric_points GROUP BY metric_id ORDER BY COUNT(*) DESC LIMIT 1" 2>/dev/null || echo "")
opportunity=$(sqlite3 "$work/bench.db" "SELECT record_id FROM journey_links WHERE field = 'targetIds' AND record_id LIKE 'opp-%' GROUP BY record_id ORDER BY COUNT(*) DESC LIMIT 1" 2>/dev/null || echo "")
step=$(sqlite3 "$work/bench.db" "SELECT p.journey_id || '/steps/' || s.id FROM journey_links l JOIN steps s ON s.id = l.value JOIN phases p ON p.id = s.phase_id WHERE l.record_id LIKE 'ins-%' LIMIT 1" 2>/dev/null || echo "")

cat >"$work/report.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("%d %.1f %.1f %.1f\n", summary.requests,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
LUA

printf '%-34s %10s %9s %9s %9s %9s\n' screen HTML requests "p50 ms" "p95 ms" "p99 ms"
for path in / /journeys "/journeys/$journey" /matrix "/matrix?journey=$journey" /teams "/teams/$team" /org /org/teams \
            "/people/$person" "/org/people/$person/alignment" "/search?q=an" /roles /scenarios /workspace \
            /metrics "/metrics/$metric" /opportunities "/opportunities/$opportunity" "/journeys/$step" /links; do
  url="http://127.0.0.1:$port$path"
  size=$(curl -fs -H "Cookie: $cookie" "$url" | wc -c)
  read -r n p50 p95 p99 < <(wrk -t1 -c1 -d10s -H "Cookie: $cookie" -s "$work/report.lua" "$url" | tail -1)
  printf '%-34s %9sK %9s %9s %9s %9s\n' "$path" "$((size / 1024))" "$n" "$p50" "$p95" "$p99"
done
