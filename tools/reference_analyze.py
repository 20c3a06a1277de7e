#!/usr/bin/env python3
"""A naive reference for `journeyorg analyze --workspace FILE --json`: json.load, then the SPEC §3 rules written
straight from the text, the analysis JSON on standard output. It is the yardstick the command line is measured
against (docs/performance.md); it does no validation, no data-quality checks and no cost figures.

    python3 tools/reference_analyze.py WORKSPACE.json > analysis.json
"""
import json
import sys


def r4(x):
    return round(x + 0.0, 4)


def analyse(w):
    journeys = {j["id"]: j for j in w["journeys"]}
    accountable = {}
    contributing = set()
    for o in w.get("ownership", []):
        if o.get("kind", "accountable") == "accountable":
            accountable.setdefault(o["targetId"], set()).add(o["teamId"])
        else:
            contributing.add(o["teamId"])

    def A(x):
        return accountable.get(x, set())

    def chain(j):
        seen = set()
        while j is not None and j not in seen:
            seen.add(j)
            if A(j):
                return A(j)
            j = journeys[j].get("parentId") if j in journeys else None
        return set()

    units_out, phases_out, journeys_out = [], [], []
    unit_owners = {}          # journey id -> list of (unit id, phase id, frozenset owners)
    for j in w["journeys"]:
        seq = []
        for p in j["phases"]:
            if p["steps"]:
                for s in p["steps"]:
                    e = A(s["id"]) or (chain(s["subjourneyId"]) if s.get("subjourneyId") else set()) or A(p["id"]) or chain(j["id"])
                    seq.append((s["id"], p["id"], frozenset(e)))
            else:
                seq.append((p["id"], p["id"], frozenset(A(p["id"]) or chain(j["id"]))))
        unit_owners[j["id"]] = seq

    fte = {}
    for t in w["teams"]:
        fte[t["id"]] = sum(m["allocation"] for m in t["members"])
    team_units, team_journey_units, upstream, downstream = {}, {}, {}, {}
    for jid, seq in unit_owners.items():
        for _, _, e in seq:
            for t in e:
                team_units[t] = team_units.get(t, 0) + 1
                key = (t, jid)
                team_journey_units[key] = team_journey_units.get(key, 0) + 1
        for (_, _, a), (_, _, b) in zip(seq, seq[1:]):
            if a and b and a != b:
                for x in a:
                    for t in b:
                        if x != t:
                            upstream.setdefault(t, set()).add(x)
                            downstream.setdefault(x, set()).add(t)

    def share(e):
        return sum(fte.get(t, 0.0) / team_units[t] for t in e)

    for j in w["journeys"]:
        seq = unit_owners[j["id"]]
        j_fte = 0.0
        for p in j["phases"]:
            mine = [u for u in seq if u[1] == p["id"]]
            unowned = sum(1 for u in mine if not u[2])
            overlapping = sum(1 for u in mine if len(u[2]) >= 2)
            status = ("overlapping" if overlapping else "unowned" if unowned == len(mine)
                      else "partial" if unowned else "owned")
            p_fte = sum(share(u[2]) for u in mine)
            j_fte += p_fte
            phases_out.append({"id": p["id"], "journeyId": j["id"], "units": len(mine), "unownedUnits": unowned,
                               "overlappingUnits": overlapping, "status": status, "fte": r4(p_fte)})
        for uid, pid, e in seq:
            units_out.append({"id": uid, "journeyId": j["id"], "phaseId": pid, "owners": sorted(e)})
        owned = sum(1 for u in seq if u[2])
        handoffs = sum(1 for a, b in zip(seq, seq[1:]) if a[2] and b[2] and a[2] != b[2])
        journeys_out.append({"id": j["id"], "units": len(seq), "ownedUnits": owned,
                             "coverage": r4(owned / len(seq)) if seq else 1.0, "handoffs": handoffs,
                             "teams": sorted(set().union(*[u[2] for u in seq])) if seq else [], "fte": r4(j_fte)})

    teams_out = []
    for t in w["teams"]:
        tid = t["id"]
        n = team_units.get(tid, 0)
        per_journey = [c for (x, _), c in team_journey_units.items() if x == tid]
        teams_out.append({"id": tid, "units": n, "journeys": len(per_journey),
                          "focus": r4(max(per_journey) / n) if n else 0.0, "fte": r4(fte[tid]),
                          "upstream": sorted(upstream.get(tid, ())), "downstream": sorted(downstream.get(tid, ())),
                          "unaligned": fte[tid] > 0 and n == 0 and tid not in contributing})

    counted = {p["id"]: p for p in w["people"] if p.get("accountEnabled", True)}
    span = {}
    for p in counted.values():
        m = p.get("managerId")
        if m is not None:
            span[m] = span.get(m, 0) + 1
    managers = [m for m in span if m in counted]
    depth = {}
    for pid in counted:
        path, x = [], pid
        while x in counted and x not in depth and x not in path:
            path.append(x)
            x = counted[x].get("managerId")
        base = depth.get(x, 0) if x in counted else 0
        for y in reversed(path):
            base += 1
            depth[y] = base
    spans = [span[m] for m in managers]
    org = {"people": len(counted), "managers": len(managers), "avgSpan": r4(sum(spans) / len(spans)) if spans else 0.0,
           "maxSpan": max(spans) if spans else 0, "layers": max(depth.values()) if depth else 0}
    return {"units": units_out, "phases": phases_out, "journeys": journeys_out, "teams": teams_out, "org": org}


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        workspace = json.load(f)
    json.dump(analyse(workspace), sys.stdout, indent=1)
    sys.stdout.write("\n")
