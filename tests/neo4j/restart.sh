#!/usr/bin/env bash
# Starts again a test Neo4j that stop.sh stopped with KVGRAPH_NEO4J_KEEP=1: the same home, data and ports, as a server
# that went down and came back (the push fault tests stop it mid-push and bring it back with this). Prints the same
# export line as start.sh. Exit codes: 0 started; 1 no kept server in $KVGRAPH_NEO4J_RUN_DIR, or it did not come up.
set -euo pipefail
run_dir="${KVGRAPH_NEO4J_RUN_DIR:-/tmp/kvgraph-neo4j-test}"
home="$run_dir/neo4j"
log() { echo "[neo4j] $*" >&2; }

if [[ ! -x "$home/bin/neo4j" || ! -f "$run_dir/url" ]]; then
  log "no kept test server in $run_dir (stop it with KVGRAPH_NEO4J_KEEP=1 bash stop.sh)"
  exit 1
fi

url="$(cat "$run_dir/url")"
logfile="$home/logs/neo4j.log"
# The ready line of this start, not of the last one.
: >"$logfile"
log "starting Neo4j again on $url (home $home)"
(cd "$home" && NEO4J_HOME="$home" ./bin/neo4j start >&2)
timeout="${KVGRAPH_NEO4J_START_TIMEOUT:-180}"
for ((i = 0; i < timeout; i++)); do
  if grep -q "Remote interface available" "$logfile" 2>/dev/null; then
    log "ready after ${i}s: $url"
    echo "export KVGRAPH_TEST_NEO4J_URL=$url"
    exit 0
  fi
  sleep 1
done

log "Neo4j did not come up again; log follows"
tail -n 60 "$logfile" >&2 2>/dev/null || true
exit 1
