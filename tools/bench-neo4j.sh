#!/usr/bin/env bash
# Neo4j import and full load at 100,000 people, builds alternated in one run (issue 17).
#
#   tools/bench-neo4j.sh NEO4J_URL ROUNDS APP_DIR [APP_DIR…]
#
# Each APP_DIR holds a built JourneyOrg.Web.dll (e.g. `dotnet build src/JourneyOrg.Web -c Release -o /tmp/after`, and the
# same at an older commit into /tmp/before). Per round and build: `bench --store` (read, check and import the generated
# 100,000-person workspace into the store in one transaction, replacing what it holds), then `analyze --store --json`
# (a full load plus the analysis, whole process). Prints wall, user and sys CPU and peak memory of the command, the
# Neo4j server's own CPU seconds meanwhile (from /proc, when the server runs on this machine from .ci/neo4j.sh's
# cache: set JOURNEYORG_NEO4J_CACHE as for that script), and the load average before and after. The analysis output of
# every build is kept in /tmp/bench-neo4j-<n>.json, so `cmp` shows that a change altered nothing.
# The store is overwritten: use a scratch server.
set -euo pipefail
url="$1"; rounds="$2"; shift 2
cache="${JOURNEYORG_NEO4J_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/journeyorg}"
pidfile="$cache/neo4j-community-3.1.1/run/neo4j.pid"
tick=$(getconf CLK_TCK)
server_cpu() { if [[ -r "$pidfile" ]]; then awk -v t="$tick" '{print ($14+$15)/t}' "/proc/$(cat "$pidfile")/stat"; else echo 0; fi; }

measure() {
  local label="$1"; shift
  local before after load1
  before=$(server_cpu); load1=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f "$label: %e s wall, %U s user, %S s sys, %M KB peak" "$@"
  after=$(server_cpu)
  echo "$label: Neo4j server CPU $(echo "$after - $before" | bc) s; load average $load1 -> $(cut -d' ' -f1 /proc/loadavg)" >&2
}

for ((round = 1; round <= rounds; round++)); do
  n=0
  for app in "$@"; do
    n=$((n + 1))
    measure "round $round, $app, import" dotnet "$app/JourneyOrg.Web.dll" bench --store "neo4j:$url" | grep -v '^$'
    measure "round $round, $app, load" dotnet "$app/JourneyOrg.Web.dll" analyze --store "neo4j:$url" --json > "/tmp/bench-neo4j-$n.json"
  done
done
