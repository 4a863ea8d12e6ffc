#!/usr/bin/env bash
# Stops the test Neo4j started by start.sh (by its own pid file) and removes its data.
# Safe to run when nothing is running.
set -uo pipefail
run_dir="${KVGRAPH_NEO4J_RUN_DIR:-/tmp/kvgraph-neo4j-test}"
home="$run_dir/neo4j"
if [[ -x "$home/bin/neo4j" && -f "$home/run/neo4j.pid" ]]; then
  pid="$(cat "$home/run/neo4j.pid")"
  (cd "$home" && NEO4J_HOME="$home" ./bin/neo4j stop >&2) || true
  # neo4j stop waits for the process; make sure, by our own pid only.
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    sleep 2
    kill -9 "$pid" 2>/dev/null || true
  fi
fi
if [[ "${KVGRAPH_NEO4J_KEEP:-}" != "1" ]]; then
  rm -rf "$run_dir"
fi
exit 0
