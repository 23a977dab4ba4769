#!/usr/bin/env bash
# Run the end-to-end tests against the built app: a virtual X display, tauri-driver, node's test runner.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
[ -d node_modules/selenium-webdriver ] || npm ci --no-audit --no-fund
app=${QUAYSIDE_APP:-../../target/debug/quayside}
[ -x "$app" ] || { echo "e2e: no app binary at $app: build it first (cargo build -p quayside-app)" >&2; exit 1; }
mkdir -p ../../artifacts

# Without a display, run this same script again inside a virtual one.
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" "$here/run.sh" "$@"
fi

# No desktop session: "Show in folder" finds no file manager, as on a bare kiosk.
unset DBUS_SESSION_BUS_ADDRESS

# WebKit's mock cameras stand in for a camera (a debug build honours this only).
export QUAYSIDE_MOCK_CAMERA=1
# Sync runs every 300 ms in the app under test, so sync tests need not wait minutes.
# Another run on this machine keeps its own port: QUAYSIDE_DRIVER_PORT=4544 tests/e2e/run.sh
port=${QUAYSIDE_DRIVER_PORT:-4444}
export TAURI_DRIVER_URL="http://127.0.0.1:$port/"
QUAYSIDE_SYNC_INTERVAL_MS=${QUAYSIDE_SYNC_INTERVAL_MS:-300} tauri-driver --port "$port" --native-port $((port + 1)) > "../../artifacts/tauri-driver-$port.log" 2>&1 &
driver=$!
trap 'kill $driver 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && break
  sleep 0.1
done
# Arguments name test files to run alone: tests/e2e/run.sh sync.test.mjs
npm test -- "$@"
