#!/usr/bin/env bash
# `analyze --workspace FILE --json`, whole process, against the naive Python reference, in interleaved rounds.
#   tools/bench-analyze.sh FILE ROUNDS APP_DIR [APP_DIR ...]
# Each APP_DIR is a `dotnet publish -c Release -o APP_DIR` of some commit. Prints per run the CPU time (user + sys, what
# a loaded shared machine cannot inflate the way it inflates wall clock), the wall clock and the peak resident memory;
# then the mean CPU and wall clock of each and their ratios to the reference. Wall clock is the whole-process time a
# user waits (the issue's measure) and says something only on an otherwise idle machine. Extra environment for an app: APP_ENV_<n>="VAR=value ...".
set -euo pipefail
cd "$(dirname "$0")/.."
file="$1"; rounds="$2"; shift 2
apps=("$@")
declare -A total walls
run() { # label, command...
  local label="$1"; shift
  local out; out=$( { /usr/bin/time -f "%U %S %e %M" "$@" >/dev/null; } 2>&1 | tail -1)
  read -r user sys wall peak <<<"$out"
  local cpu; cpu=$(echo "$user + $sys" | bc)
  total[$label]=$(echo "${total[$label]:-0} + $cpu" | bc)
  walls[$label]=$(echo "${walls[$label]:-0} + $wall" | bc)
  printf '%-40s cpu %5.2f s  wall %6.2f s  peak %4d MB\n' "$label" "$cpu" "$wall" $((peak / 1024))
}
for round in $(seq 1 "$rounds"); do
  echo "round $round (load average $(cut -d' ' -f1 /proc/loadavg))"
  for i in "${!apps[@]}"; do
    envvar="APP_ENV_$i"
    run "${apps[$i]} ${!envvar:-}" env ${!envvar:-} dotnet "${apps[$i]}/JourneyOrg.Web.dll" analyze --workspace "$file" --json
  done
  run "python reference" python3 tools/reference_analyze.py "$file"
done
reference=$(echo "scale=3; ${total[python reference]} / $rounds" | bc)
reference_wall=$(echo "scale=3; ${walls[python reference]} / $rounds" | bc)
for label in "${!total[@]}"; do
  mean=$(echo "scale=3; ${total[$label]} / $rounds" | bc)
  wall=$(echo "scale=3; ${walls[$label]} / $rounds" | bc)
  printf 'mean %-40s cpu %5.2f s  %4.2f× the reference   wall %5.2f s  %4.2f× the reference\n' "$label" \
    "$mean" "$(echo "scale=3; $mean / $reference" | bc)" "$wall" "$(echo "scale=3; $wall / $reference_wall" | bc)"
done
