#!/usr/bin/env bash
# 50 signed-in users browsing every main screen while another process writes to the store every 10 s.
#   tools/load.sh [PEOPLE] [SECONDS] [STORE]   (defaults: 100000 people, 60 s, sqlite; STORE may be a neo4j:URL)
# Publishes the Release build, generates the organisation into a scratch store (SQLite unless STORE is given), adds a
# few stored scenarios, serves the published app in Production mode on 127.0.0.1:5098 (loopback only, plain HTTP),
# signs in once through the real form, checks every screen answers 200, then runs wrk (2 threads, 50 connections,
# each request the next screen of the list) while a writer process runs `import --merge` (renames a team) every 10 s.
# Prints p50/p95/p99, the requests that did not answer 200, the writes, and the server's peak working set.
# Needs wrk (apt-get install wrk), sqlite3, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
people="${1:-100000}"
seconds="${2:-60}"
work="${LOAD_WORK:-$(mktemp -d)}"
port=5098
base="http://127.0.0.1:$port"
app=""
writer=""
sampler=""
cleanup() {
  for pid in $writer $sampler $app; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [[ -n ${LOAD_KEEP:-} ]] || rm -rf "$work"
}
trap cleanup EXIT

echo "publishing Release into $work/app ..."
dotnet publish src/JourneyOrg.Web -c Release -o "$work/app" -nologo -v q >/dev/null
dll="$work/app/JourneyOrg.Web.dll"
store="${3:-sqlite:$work/load.db}"
export JOURNEYORG_STORE="$store"
echo "generating $people people into $store ..."
dotnet "$dll" generate --people "$people" --seed 1 --store "$store" >/dev/null
db="$work/load.db"

# Five stored scenarios of 20 changes each (renames, moves, new managers), so /scenarios has something to list.
python3 - "$db" "$work" <<'PY'
import json, random, sqlite3, sys
db, work = sys.argv[1], sys.argv[2]
con = sqlite3.connect(db)
teams = [r[0] for r in con.execute("SELECT id FROM teams ORDER BY id")]
people = [r[0] for r in con.execute("SELECT id FROM people ORDER BY id LIMIT 5000")]
rng = random.Random(7)
for n in range(1, 6):
    ops = []
    for i in range(20):
        kind = i % 3
        if kind == 0: ops.append({"op": "renameTeam", "teamId": rng.choice(teams), "name": f"Load {n}.{i}"})
        elif kind == 1: ops.append({"op": "setManager", "personId": rng.choice(people[1000:]), "managerId": rng.choice(people[:50])})
        else: ops.append({"op": "setTeamLead", "teamId": rng.choice(teams), "personId": rng.choice(people)})
    json.dump({"name": f"Load scenario {n}", "description": "tools/load.sh", "operations": ops}, open(f"{work}/scenario-{n}.json", "w"))
PY
for n in 1 2 3 4 5; do dotnet "$dll" scenarios import "$work/scenario-$n.json" --store "$store" >/dev/null; done

JourneyOrg__DemoData=false JOURNEYORG_ADMIN_PASSWORD=load-script-Passw0rd ASPNETCORE_ENVIRONMENT=Production \
  dotnet "$dll" --urls "$base" >"$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 120); do curl -fs "$base/healthz" >/dev/null && break; sleep 1; done
curl -fs "$base/healthz" >/dev/null || { echo "the app did not start:"; tail -20 "$work/app.log"; exit 1; }

# Sign in as admin through the real form; wrk then sends the session cookie on every request.
token=$(curl -fs -c "$work/jar" "$base/account/signin" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p')
curl -fs -b "$work/jar" -c "$work/jar" -o /dev/null --data-urlencode "userName=admin" --data-urlencode "password=load-script-Passw0rd" \
  --data-urlencode "returnUrl=/" --data-urlencode "__RequestVerificationToken=$token" "$base/account/signin"
cookie=$(awk '$6 ~ /^\.?JourneyOrg|AspNetCore/ && $6 !~ /Antiforgery/ {print $6"="$7}' "$work/jar" | paste -sd';' -)
[[ -n $cookie ]] || { echo "sign-in failed"; exit 1; }

q() { sqlite3 "$db" "$1"; }
journey=$(q "SELECT journey_id FROM phases GROUP BY journey_id ORDER BY COUNT(*) DESC LIMIT 1")
team=$(q "SELECT team_id FROM memberships GROUP BY team_id ORDER BY COUNT(*) DESC LIMIT 1")
person=$(q "SELECT manager_id FROM people WHERE manager_id IS NOT NULL GROUP BY manager_id ORDER BY COUNT(*) DESC LIMIT 1")
metric=$(q "SELECT metric_id FROM metric_points GROUP BY metric_id ORDER BY COUNT(*) DESC LIMIT 1")
opportunity=$(q "SELECT record_id FROM journey_links WHERE field = 'targetIds' AND record_id LIKE 'opp-%' GROUP BY record_id ORDER BY COUNT(*) DESC LIMIT 1")
step=$(q "SELECT p.journey_id || '/steps/' || s.id FROM journey_links l JOIN steps s ON s.id = l.value JOIN phases p ON p.id = s.phase_id WHERE l.record_id LIKE 'ins-%' LIMIT 1")
scenario=$(q "SELECT id FROM scenarios LIMIT 1")
cat >"$work/paths" <<PATHS
/
/journeys
/journeys/$journey
/matrix
/matrix?journey=$journey
/teams
/teams/$team
/org
/org/teams
/people/$person
/org/people/$person/alignment
/search?q=an
/roles
/scenarios
/scenarios/$scenario
/workspace
/metrics
/metrics/$metric
/opportunities
/opportunities/$opportunity
/journeys/$step
/links
/api/analysis
PATHS
# Every screen must answer 200 before the run (a redirect to sign-in would make the figures meaningless).
while read -r path; do
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base$path")
  [[ $status == 200 ]] || { echo "$path answered $status before the run"; exit 1; }
done <"$work/paths"

# The writer: another process changes the workspace every 10 s (a team renamed by `import --merge`), a bounded number of times.
renamed=$(q "SELECT id FROM teams ORDER BY id LIMIT 1")
(
  # Writes start on a 10 s clock (at 10, 20, … s of the run), however long each takes, so the run gets all of them.
  began=$(date +%s.%N)
  for i in $(seq 1 $((seconds / 10))); do
    wait_for=$(echo "$began + 10 * $i - $(date +%s.%N)" | bc)
    [[ $wait_for == -* ]] || sleep "$wait_for"
    printf '{"format":"journeyorg/v1","teams":[{"id":"%s","name":"Renamed by the load writer %d","parentId":null,"leadId":null,"members":[]}]}' "$renamed" "$i" >"$work/write.json"
    start=$(date +%s.%N)
    if dotnet "$dll" import "$work/write.json" --merge --store "$store" >/dev/null 2>>"$work/writer.err"; then result=ok; else result="failed($?)"; fi
    echo "write $i $result $(echo "$(date +%s.%N) - $start" | bc) s"
  done
) >"$work/writer.log" &
writer=$!

# Peak working set of the server, sampled every 0.5 s.
( peak=0; while kill -0 "$app" 2>/dev/null; do
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$app/status" 2>/dev/null || echo 0)
    (( rss > peak )) && { peak=$rss; echo "$peak" >"$work/peak"; }
    sleep 0.5
  done ) &
sampler=$!

cpu_ticks() { awk '{print $14 + $15}' "/proc/$app/stat"; }
cpu_before=$(cpu_ticks)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "running wrk: 50 connections, ${seconds} s, $(wc -l <"$work/paths") screens, a write every 10 s ..."
LOAD_PATHS="$work/paths" wrk -t2 -c50 -d"${seconds}s" --timeout 10s -H "Cookie: $cookie" -s tools/load.lua "$base/" | tee "$work/wrk.out"
cpu_after=$(cpu_ticks)
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
requests=$(sed -n 's/^RESULT requests=\([0-9]*\).*/\1/p' "$work/wrk.out")
# Server CPU per request: what the figures would be on an idle machine depends on it, not on other processes' load.
echo "server CPU during the run: $(( (cpu_after - cpu_before) * 1000 / $(getconf CLK_TCK) )) ms, $(( (cpu_after - cpu_before) * 1000 / $(getconf CLK_TCK) / (requests > 0 ? requests : 1) )) ms per request"
wait "$writer" || true
cat "$work/writer.log"
echo "server peak working set: $(( $(cat "$work/peak") / 1024 )) MB"
grep -c ' fail: \|Exception' "$work/app.log" | sed 's/^/server log lines with errors: /' || true
