#!/usr/bin/env bash
# npm run test:e2e — Inferra end to end in a real VS Code (code-server + Chromium):
#   1. build the bundles (npm run build) and stage the native runtime into dist/node_modules;
#   2. package the VSIX (vsce, --no-dependencies) unless E2E_MODE=link;
#   3. build the workspace fixture (sample notebook + data + a generated large CSV);
#   4. start code-server with the VSIX installed, run the UI spec, then the extension-host mocha tests;
#   5. print "N passed, N failed" over everything; screenshots and logs go to test/e2e/artifacts/.
# env: E2E_MODE=vsix|link (default vsix), E2E_SKIP_BUILD=1, E2E_EXT_HOST_TESTS=0 to skip the mocha part,
#      E2E_UI=0 to skip the UI spec,
#      INFERRA_CODE_SERVER_DIR (install cache, default ~/.cache/inferra-code-server).
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
ART="$HERE/artifacts"
MODE="${E2E_MODE:-vsix}"
log() { echo "[e2e $(date +%H:%M:%S)] $*" >&2; }
cd "$ROOT"
mkdir -p "$ART"
rm -f "$ART"/*.png "$ART"/*.log

if [ -z "${E2E_SKIP_BUILD:-}" ]; then
  log "build"
  npm run build --silent || { echo "0 passed, 1 failed (build)"; exit 1; }
fi
node "$HERE/stage-native.mjs" || { echo "0 passed, 1 failed (stage native runtime)"; exit 1; }

VSIX=""
if [ "$MODE" = "vsix" ]; then
  log "package VSIX"
  VSIX="$ROOT/dist/inferra.vsix"
  rm -f "$VSIX"
  if ! npx --no-install vsce package --target "$(node -p "process.platform + '-' + process.arch")" --no-dependencies -o "$VSIX" > "$ART/vsce.log" 2>&1; then
    cat "$ART/vsce.log" >&2
    echo "0 passed, 1 failed (vsce package)"; exit 1
  fi
  log "VSIX $(du -h "$VSIX" | cut -f1): $(unzip -l "$VSIX" | tail -1 | awk '{print $2}') files"
fi

FIXTURE="$(mktemp -d /tmp/inferra-e2e-fixture.XXXXXX)"
trap 'rm -rf "$FIXTURE"' EXIT
cp "$HERE"/fixture/* "$FIXTURE/"
cp "$ROOT/samples/penguins.inferra" "$ROOT/samples/penguins.csv" "$FIXTURE/"
# The researchers' files samples (#13): an Excel workbook and an SPSS file with their notebooks.
cp "$ROOT/samples/survey-excel.inferra" "$ROOT/samples/survey.xlsx" "$ROOT/samples/survey-spss.inferra" "$ROOT/samples/survey.sav" "$FIXTURE/"
node "$HERE/make-big-csv.mjs" "$FIXTURE/big.csv" "${E2E_BIG_ROWS:-2000000}"

# Supabase (local test stack: PostgreSQL + PostgREST + auth/storage gateway) for the provenance
# check, when PostgreSQL is reachable: the user settings of code-server point the extension at it
# (the inferra.supabase.* settings are application-scoped: a workspace's .vscode/settings.json cannot set them).
STACK_PID=""
if [ "${E2E_SUPABASE:-1}" != "0" ] && pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  STACK_JSON="$FIXTURE/../$(basename "$FIXTURE")-supabase.json"
  node --import tsx scripts/supabase-test-stack.ts start --user e2e@example.test:e2e-password-1 --json-file "$STACK_JSON" \
    > "$ART/supabase-stack.log" 2>&1 &
  STACK_PID=$!
  for _ in $(seq 1 300); do [ -f "$STACK_JSON" ] && break; kill -0 "$STACK_PID" 2>/dev/null || break; sleep 0.1; done
  if [ -f "$STACK_JSON" ]; then
    E2E_USER_SETTINGS="$FIXTURE/../$(basename "$FIXTURE")-user-settings.json"
    node -e 'const s=require(process.argv[1]); console.log(JSON.stringify({"inferra.supabase.url": s.url, "inferra.supabase.anonKey": s.anonKey, "inferra.supabase.retentionDays": 30}, null, 2))' \
      "$STACK_JSON" > "$E2E_USER_SETTINGS"
    export E2E_SUPABASE_JSON="$STACK_JSON" E2E_USER_SETTINGS
    log "Supabase test stack up"
  else
    log "Supabase test stack did not start (see $ART/supabase-stack.log)"
  fi
fi
# A PostgreSQL table for "Choose Dataset…" (a table in a database): the penguins sample in a schema
# of this run's own, dropped at the end.
E2E_PG_SCHEMA=""
if [ "${E2E_SUPABASE:-1}" != "0" ] && pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  E2E_PG_SCHEMA="inferra_e2e_$$"
  if node --import tsx scripts/load-sample-postgres.ts samples/penguins.csv "postgres://postgres@127.0.0.1:5432/test?table=$E2E_PG_SCHEMA.penguins" > "$ART/load-postgres.log" 2>&1; then
    export E2E_PG_SERVER="postgres://postgres@127.0.0.1:5432/test" E2E_PG_TABLE="$E2E_PG_SCHEMA.penguins"
    log "PostgreSQL table $E2E_PG_SCHEMA.penguins loaded"
  else
    log "PostgreSQL table not loaded (see $ART/load-postgres.log)"
  fi
fi
drop_pg_schema() { [ -n "$E2E_PG_SCHEMA" ] && psql -h 127.0.0.1 -U postgres -d test -qc "DROP SCHEMA IF EXISTS $E2E_PG_SCHEMA CASCADE" > /dev/null 2>&1; }
trap '[ -n "$STACK_PID" ] && kill "$STACK_PID" 2>/dev/null && wait "$STACK_PID" 2>/dev/null; drop_pg_schema; rm -rf "$FIXTURE" "${STACK_JSON:-}" "${E2E_USER_SETTINGS:-}"' EXIT

export INFERRA_CODE_SERVER_DIR="${INFERRA_CODE_SERVER_DIR:-$HOME/.cache/inferra-code-server}"
export E2E_EXT="$ROOT" E2E_FIXTURE="$FIXTURE" E2E_OUT="$ART"
[ -n "$VSIX" ] && export E2E_VSIX="$VSIX"
if [ "${E2E_EXT_HOST_TESTS:-1}" != "0" ]; then export E2E_EXT_TESTS="$HERE/exthost/index.cjs"; fi

log "code-server ($MODE mode)"
SPECS=("$HERE/notebook.e2e.mjs")
[ "${E2E_UI:-1}" = "0" ] && SPECS=()
bash "$HERE/code-server-e2e.sh" test "${SPECS[@]}" 2>&1 | tee "$ART/e2e.log"
rc=${PIPESTATUS[0]}

# Sum the "N passed, N failed" lines of every spec (UI spec and extension-host tests).
read -r passed failed < <(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$ART/e2e.log" | awk '{p+=$1; f+=$3} END {print p+0, f+0}')
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "screenshots: $ART"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
