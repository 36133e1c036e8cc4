#!/usr/bin/env bash
# The README's start command: set-up, then the local Azure ML emulator (:7071, DNS :5354/udp),
# the local identity provider (:7072, the people who sign in), the backend (:7007) and the
# frontend (:3000) on the embedded defaults of app-config.yaml.
# Extra arguments go to `backstage-cli repo start` (e.g. --config app-config.local.yaml).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=setup.sh
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
mkdir -p data

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM

if curl -sf http://localhost:7071/_emulator/health 2>/dev/null | grep -q '"status":"ok"'; then
  echo "[start] Azure ML emulator already running on :7071"
else
  yarn workspace @internal/azure-ml-emulator start &
  pids+=($!)
fi

IDP_DISCOVERY=http://localhost:7072/.well-known/openid-configuration
if curl -sf "$IDP_DISCOVERY" >/dev/null 2>&1; then
  echo "[start] local identity provider already running on :7072"
else
  yarn workspace @internal/local-idp start &
  pids+=($!)
  # The backend reads the IdP's discovery document once, when it starts: wait for it.
  for _ in $(seq 1 60); do
    curl -sf "$IDP_DISCOVERY" >/dev/null 2>&1 && break
    sleep 1
  done
  curl -sf "$IDP_DISCOVERY" >/dev/null 2>&1 || {
    echo "[start] the local identity provider did not start on :7072" >&2
    exit 1
  }
fi

yarn backstage-cli repo start "$@"
