#!/usr/bin/env bash
# The whole test suite, from a fresh clone: restore, npm packages, Chromium, a real Neo4j test server,
# then every test project. Ends with one line of totals: "N passed, N failed, N skipped".
#
#   bash tests/run.sh            # everything
#   KVGRAPH_NO_NEO4J=1 bash tests/run.sh   # without starting Neo4j (its tests then say why they skip)
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RESULTS=$(mktemp -d "${TMPDIR:-/tmp}/kvgraph-results.XXXXXX")
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Playwright must use Debian's Chromium; it never downloads a browser.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 KVGRAPH_CHROMIUM=/usr/bin/chromium

step() { printf '\n== %s\n' "$*"; }

step "Chromium (for the browser tests)"
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || echo "warning: could not install chromium; browser tests will say they are skipped"
  elif command -v sudo >/dev/null; then
    (sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || echo "warning: could not install chromium; browser tests will say they are skipped"
  fi
fi
[ -x /usr/bin/chromium ] && /usr/bin/chromium --version || true

step "npm packages"
for dir in tests/neo4j/server tests/cypher-lint src/KvGraph.Web; do
  if [ -f "$dir/package.json" ]; then
    echo "$dir"
    (cd "$dir" && { [ -f package-lock.json ] && npm ci --no-audit --no-fund --loglevel=error || npm install --no-audit --no-fund --loglevel=error; }) \
      || echo "warning: npm install failed in $dir"
  fi
done

step "restore and build"
dotnet restore KvGraph.sln || exit 1
dotnet build KvGraph.sln --no-restore -c Release -warnaserror || { echo "0 passed, 1 failed"; exit 1; }

# The native executable (README), once: NativeExecutableTests runs the same commands with it and with the JIT build.
# About 4 minutes of one core's work (ILCompiler and the linker). A failed publish is not fatal here: the path is still
# exported, and those tests then fail, naming it; the publish's output is above.
step "native publish"
NATIVE_DIR="$RESULTS/native"
start=$SECONDS
dotnet publish src/KvGraph.Cli -c Release -r linux-x64 -p:PublishAot=true -o "$NATIVE_DIR" 2>&1 | tail -n 30 \
  || echo "warning: the native publish failed"
echo "native publish: $((SECONDS - start)) s"
export KVGRAPH_NATIVE="$NATIVE_DIR/kvgraph"

NEO4J_STARTED=0
if [ -z "${KVGRAPH_NO_NEO4J:-}" ] && [ -f tests/neo4j/start.sh ]; then
  step "Neo4j test server"
  # start.sh prints "export KVGRAPH_TEST_NEO4J_URL=…" once the server logs "Remote interface available".
  if neo4j_env=$(bash tests/neo4j/start.sh); then
    NEO4J_STARTED=1
    eval "$neo4j_env"
    echo "Neo4j at ${KVGRAPH_TEST_NEO4J_URL:-?}"
  else
    echo "warning: Neo4j test server did not start; its tests will say why they are skipped"
  fi
fi
cleanup() { [ "$NEO4J_STARTED" = 1 ] && bash tests/neo4j/stop.sh >/dev/null 2>&1 || true; }
trap cleanup EXIT

step "tests"
status=0
for proj in tests/*.Tests/*.csproj; do
  name=$(basename "$proj" .csproj)
  echo "-- $name"
  dotnet test "$proj" --no-build -c Release --logger "trx;LogFileName=$RESULTS/$name.trx" \
    --logger "console;verbosity=normal" 2>&1 | grep -vE '^\s*$' | tail -n 60 || true
  [ -f "$RESULTS/$name.trx" ] || { echo "no results for $name"; status=1; }
done

passed=0; failed=0; skipped=0
for trx in "$RESULTS"/*.trx; do
  [ -f "$trx" ] || continue
  line=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$line"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$line")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$line")
  # xunit's skipped tests are neither executed nor counted as notExecuted in the counters: total − executed counts them.
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$line"); x=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$line")
  s=$(( ${t:-0} - ${x:-0} ))
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0})); skipped=$((skipped + ${s:-0}))
done
# Each failed test by name, with the first lines of its message: the per-project output above keeps only its tail.
if [ "$failed" -gt 0 ]; then
  echo
  echo "== failed tests"
  for trx in "$RESULTS"/*.trx; do
    [ -f "$trx" ] || continue
    if command -v python3 >/dev/null; then
      python3 - "$trx" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for r in ET.parse(sys.argv[1]).findall(".//t:UnitTestResult", ns):
    if r.get("outcome") not in ("Passed", "NotExecuted"):
        m = r.find(".//t:Message", ns)
        print("FAILED", r.get("testName"))
        print("\n".join("    " + line for line in ((m.text or "") if m is not None else "").splitlines()[:12]))
PY
    else
      grep -o '<UnitTestResult [^>]*outcome="Failed"[^>]*>' "$trx" | sed -n 's/.*testName="\([^"]*\)".*/FAILED \1/p'
    fi
  done
fi
[ "$failed" -gt 0 ] && status=1
[ "$passed" -eq 0 ] && status=1
echo
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
