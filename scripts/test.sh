#!/usr/bin/env bash
# The README's test command: set-up, then type-check, lint, unit tests (jest via backstage-cli,
# including the backend's PostgreSQL tests and the generated ML project's pytest suite) and the
# end-to-end suite (Playwright + Debian Chromium against the real backend, frontend and emulator).
# Ends with one plain line: "N passed, N failed".
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=setup.sh
source "$ROOT/scripts/setup.sh" || { echo "0 passed, 1 failed"; exit 1; }
set +e
cd "$ROOT"
REPORTS="$ROOT/data/test-reports"
rm -rf "$REPORTS" && mkdir -p "$REPORTS"

passed=0; failed=0
step() { printf '\n\033[1;34m== %s\033[0m\n' "$*"; }

step "type-check (tsc)"
if yarn tsc; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "tsc FAILED"; fi

step "lint (yarn lint: eslint, API contract drift, dependencies vs imports)"
if yarn lint; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "lint FAILED"; fi

step "unit tests (backstage-cli repo test)"
yarn backstage-cli repo test --ci --json --outputFile="$REPORTS/jest.json"
jest_rc=$?
if [ -f "$REPORTS/jest.json" ]; then
  read -r p f < <(node -e 'const r=require(process.argv[1]);console.log(r.numPassedTests, r.numFailedTests + (r.numRuntimeErrorTestSuites||0))' "$REPORTS/jest.json")
  passed=$((passed + p)); failed=$((failed + f))
  [ "$jest_rc" = 0 ] || [ "$f" != 0 ] || failed=$((failed + 1))
else
  failed=$((failed + 1)); echo "jest produced no report"
fi

step "end-to-end (Playwright + Chromium)"
yarn playwright test 2>&1 | tee "$REPORTS/e2e.log"
e2e_rc=${PIPESTATUS[0]}
if [ -f "$REPORTS/e2e.json" ]; then
  read -r p f < <(node -e 'const r=require(process.argv[1]);const s=r.stats;console.log(s.expected, s.unexpected + s.flaky*0)' "$REPORTS/e2e.json")
  passed=$((passed + p)); failed=$((failed + f))
  [ "$e2e_rc" = 0 ] || [ "$f" != 0 ] || failed=$((failed + 1))
else
  failed=$((failed + 1)); echo "playwright produced no report"
fi

echo
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
