#!/usr/bin/env bash
# End-to-end tests of Inferra in a real VS Code (code-server 4.100.3 = VS Code 1.100.3) driven by
# playwright-core + Debian's Chromium (see test/e2e/README.md). Needs only the
# npm registry and Debian packages. Idempotent: the install is cached in $INFERRA_CODE_SERVER_DIR
# (default ~/.cache/inferra-code-server). test/e2e/run.sh (npm run test:e2e) drives it.
#
# usage: code-server-e2e.sh install            # just install/cache
#        code-server-e2e.sh test [spec.mjs...]  # install if needed, start code-server, run specs
# env:   INFERRA_CODE_SERVER_DIR (default ~/.cache/inferra-code-server)
#        E2E_EXT      extension folder (unpacked, with package.json)           [required for test]
#        E2E_VSIX     if set: install this .vsix with --install-extension instead of linking E2E_EXT
#        E2E_FIXTURE  folder copied to a fresh workspace for each run           [required for test]
#        E2E_EXT_TESTS  if set: also run this extensionTestsPath module (mocha) in the extension host
#        E2E_OUT      where screenshots/logs go (default ./e2e-out)
#        E2E_KEEP_WS  if set: copy the workspace to $E2E_OUT/workspace after the run (debugging)
set -euo pipefail
CS_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
PW_VERSION="${PLAYWRIGHT_CORE_VERSION:-1.65.1}"
ROOT="${INFERRA_CODE_SERVER_DIR:-$HOME/.cache/inferra-code-server}"
CS="$ROOT/node_modules/code-server"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
log() { echo "[code-server-e2e $(date +%H:%M:%S)] $*" >&2; }

install() (  # subshell: keeps the caller's cwd
  local stamp="$ROOT/.installed-$CS_VERSION-pw$PW_VERSION"
  [ -f "$stamp" ] && return 0
  # 1. system packages: kerberos headers (native module), ripgrep (search), chromium (browser),
  #    toolchain for node-gyp
  local need=() p
  for p in libkrb5-dev ripgrep chromium python3 make g++; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
  if [ ${#need[@]} -gt 0 ]; then
    log "apt-get install ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
  fi
  # node-gyp must not try to download node headers (no internet): use the installed ones
  if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node.h ]; then export npm_config_nodedir=/usr; fi
  mkdir -p "$ROOT"; cd "$ROOT"
  [ -f package.json ] || echo '{"name":"inferra-code-server","private":true}' > package.json
  # 2. code-server + playwright-core; code-server's postinstall downloads things: skip scripts
  log "npm install code-server@$CS_VERSION playwright-core@$PW_VERSION"
  npm_config_unsafe_perm=true npm install --no-audit --no-fund --ignore-scripts --loglevel=error \
    "code-server@$CS_VERSION" "playwright-core@$PW_VERSION"
  # 3. VS Code's runtime dependencies
  cd "$CS/lib/vscode"
  log "npm install (lib/vscode)"
  npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error
  # 4. native modules (node-pty's script fails late, after pty.node is built: check the binary)
  log "npm rebuild native modules (~30 s)"
  npm rebuild @parcel/watcher @vscode/deviceid @vscode/spdlog kerberos native-watchdog --loglevel=error
  npm rebuild node-pty --loglevel=error >/dev/null 2>&1 || true
  test -f node_modules/node-pty/build/Release/pty.node
  # 5. what code-server's postinstall would have done
  mkdir -p node_modules/@vscode/ripgrep/bin
  ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
  ln -sfn node_modules node_modules.asar
  (cd bin/remote-cli && ln -sf code-linux.sh code-server)
  (cd bin/helpers && ln -sf browser-linux.sh browser.sh)
  # 6. built-in extensions' dependencies
  log "npm install (lib/vscode/extensions)"
  (cd extensions && npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error)
  # 7. argon2 (password hashing, loaded at startup even with --auth none): build from source
  cd "$ROOT/node_modules/argon2"
  if ! ls lib/binding/*/argon2.node >/dev/null 2>&1; then
    log "build argon2 from source"
    npx --no-install node-pre-gyp install --build-from-source --loglevel=error >/dev/null 2>&1
  fi
  node -e "require('$ROOT/node_modules/argon2')"
  touch "$stamp"
  log "installed in $ROOT ($(du -sh "$ROOT" | cut -f1))"
)

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

run_tests() {
  : "${E2E_EXT:?set E2E_EXT to the extension folder}" "${E2E_FIXTURE:?set E2E_FIXTURE to a workspace fixture folder}"
  local out; out="$(mkdir -p "${E2E_OUT:-e2e-out}" && cd "${E2E_OUT:-e2e-out}" && pwd)"
  local ext; ext="$(cd "$E2E_EXT" && pwd)"
  # short path: code-server puts a unix socket in the user-data-dir (108-char limit)
  local run; run="$(mktemp -d /tmp/cse2e.XXXXXX)"
  local ud="$run/ud" exts="$run/ext" ws="$run/ws" port; port="$(free_port)"
  mkdir -p "$ud/User" "$exts" "$ws" "$run/xdg-data" "$run/xdg-config"
  cp -R "$E2E_FIXTURE/." "$ws/"
  # no workspace-trust dialog, no walkthrough, nothing that phones home
  cat > "$ud/User/settings.json" <<'JSON'
{
  "security.workspace.trust.enabled": false,
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "update.mode": "none",
  "window.commandCenter": false,
  "chat.commandCenter.enabled": false
}
JSON
  # extra user settings (run.sh: the Supabase test stack; application-scoped, so not in the workspace)
  if [ -n "${E2E_USER_SETTINGS:-}" ]; then
    node -e 'const fs=require("fs"); const [f, extra]=process.argv.slice(1); fs.writeFileSync(f, JSON.stringify({...JSON.parse(fs.readFileSync(f, "utf8")), ...JSON.parse(fs.readFileSync(extra, "utf8"))}, null, 2))' \
      "$ud/User/settings.json" "$E2E_USER_SETTINGS"
  fi
  printf 'auth: none\n' > "$run/config.yaml"
  if [ -n "${E2E_VSIX:-}" ]; then
    XDG_DATA_HOME="$run/xdg-data" node "$CS/out/node/entry.js" --config "$run/config.yaml" \
      --user-data-dir "$ud" --extensions-dir "$exts" --install-extension "$E2E_VSIX" --force >&2
  else
    # an unpacked extension is picked up only while extensions.json does not exist yet
    local id; id="$(node -p "const p=require('$ext/package.json'); p.publisher+'.'+p.name+'-'+p.version")"
    ln -s "$ext" "$exts/$id"
  fi
  local t0; t0=$(date +%s%N)
  XDG_DATA_HOME="$run/xdg-data" XDG_CONFIG_HOME="$run/xdg-config" \
  node "$CS/out/node/entry.js" --config "$run/config.yaml" --auth none --bind-addr "127.0.0.1:$port" \
    --user-data-dir "$ud" --extensions-dir "$exts" --disable-telemetry --disable-update-check \
    --disable-workspace-trust "$ws" > "$out/code-server.log" 2>&1 &
  local cs_pid=$!
  trap "kill $cs_pid 2>/dev/null; wait $cs_pid 2>/dev/null; rm -rf '$run'" EXIT
  for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null || { cat "$out/code-server.log" >&2; return 1; }
  log "code-server up on :$port in $(( ($(date +%s%N)-t0)/1000000 )) ms"
  export CS_URL="http://127.0.0.1:$port" WS_FOLDER="$ws" E2E_OUT="$out" E2E_UD="$ud" PW_REQUIRE_FROM="$ROOT/package.json"
  export CS_LOG="$out/code-server.log"
  local rc=0 spec
  for spec in "$@"; do log "spec $spec"; node "$spec" || rc=1; done
  if [ -n "${E2E_EXT_TESTS:-}" ]; then
    log "extension-host tests $E2E_EXT_TESTS"
    DEV_EXT="$ext" EXT_TESTS="$(cd "$(dirname "$E2E_EXT_TESTS")" && pwd)/$(basename "$E2E_EXT_TESTS")" \
      node "$HERE/exttests.mjs" || rc=1
  fi
  if [ -n "${E2E_KEEP_WS:-}" ]; then rm -rf "$out/workspace"; cp -R "$ws" "$out/workspace"; fi
  return $rc
}

case "${1:-test}" in
  install) install; echo "$ROOT" ;;
  test) shift || true; install; run_tests "$@" ;;
  *) echo "usage: $0 install | test [spec.mjs...]" >&2; exit 2 ;;
esac
