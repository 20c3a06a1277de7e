#!/usr/bin/env python3
"""A naive reference for a full Entra directory sync: the yardstick for `journeyorg sync` (issue 17).

It does what any sync must do and nothing more: page through users delta and groups delta (the same $select as the
real sync), follow @odata.nextLink, wait out a 429/503 for its Retry-After, parse every page with json.loads, and keep
the same mirror in memory (each user's fields and manager, each group's name, description, and user and group
members, with @removed entries applied). It writes nothing: no store, no plan, no validation, no checks.

    python3 tools/reference_sync.py GRAPH_BASE_URL [TOKEN]

GRAPH_BASE_URL is e.g. http://127.0.0.1:5000/v1.0 (the loopback Graph stand-in the benchmark starts). Prints one JSON
line: users, groups, member references, pages, retries, wall seconds, CPU seconds and peak memory (ru_maxrss).
"""
import json
import resource
import sys
import time
import urllib.error
import urllib.request

USER_SELECT = "id,displayName,mail,userPrincipalName,jobTitle,department,employeeId,employeeType,officeLocation,accountEnabled,manager"
GROUP_SELECT = "displayName,description,members"


def get(url, token, counters):
    while True:
        request = urllib.request.Request(url, headers={"Authorization": "Bearer " + token, "Accept": "application/json"})
        try:
            with urllib.request.urlopen(request) as response:
                return json.loads(response.read())
        except urllib.error.HTTPError as error:
            if error.code in (429, 503):
                counters["retries"] += 1
                time.sleep(float(error.headers.get("Retry-After") or 1))
                continue
            raise


def pages(url, token, counters):
    while url:
        page = get(url, token, counters)
        counters["pages"] += 1
        yield page.get("value", [])
        url = page.get("@odata.nextLink")


def main():
    base = sys.argv[1].rstrip("/")
    token = sys.argv[2] if len(sys.argv) > 2 else "test-token"
    started, cpu = time.time(), time.process_time()
    counters = {"pages": 0, "retries": 0}

    users = {}
    for batch in pages(f"{base}/users/delta?$select={USER_SELECT}", token, counters):
        for user in batch:
            if "@removed" in user:
                users.pop(user["id"], None)
                continue
            mirror = users.setdefault(user["id"], {})
            for key, value in user.items():
                if key == "manager@delta":
                    manager = value[0] if value else None
                    mirror["manager"] = None if manager is None or "@removed" in manager else manager["id"]
                elif not key.startswith("@"):
                    mirror[key] = value

    groups = {}
    for batch in pages(f"{base}/groups/delta?$select={GROUP_SELECT}", token, counters):
        for group in batch:
            if "@removed" in group:
                groups.pop(group["id"], None)
                continue
            mirror = groups.setdefault(group["id"], {"users": set(), "groups": set()})
            for key in ("displayName", "description"):
                if key in group:
                    mirror[key] = group[key]
            for member in group.get("members@delta", []):
                kind = "groups" if member.get("@odata.type") == "#microsoft.graph.group" else "users"
                if "@removed" in member:
                    mirror[kind].discard(member["id"])
                else:
                    mirror[kind].add(member["id"])

    print(json.dumps({
        "users": len(users),
        "groups": len(groups),
        "memberReferences": sum(len(g["users"]) + len(g["groups"]) for g in groups.values()),
        "pages": counters["pages"],
        "retries": counters["retries"],
        "wallSeconds": round(time.time() - started, 3),
        "cpuSeconds": round(time.process_time() - cpu, 3),
        "peakKb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }))


if __name__ == "__main__":
    main()
