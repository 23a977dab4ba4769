#!/usr/bin/env bash
# Run bench/app-start.mjs (and bench/viewer.mjs, bench/capture.mjs) in a virtual display with its own tauri-driver (ports 4464/4465, apart
# from the end-to-end tests' 4444).  bench/app-start.sh APP DATA_DIR CASES REPEAT [RUN]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" "$here/app-start.sh" "$@"
fi
export QUAYSIDE_APP=$1
# Setting up a device on a store of many cases encrypts it first: the helpers wait minutes, not seconds.
export QUAYSIDE_E2E_WAIT_MS=${QUAYSIDE_E2E_WAIT_MS:-300000}
export TAURI_DRIVER_URL=http://127.0.0.1:4464/
# WebKit's mock cameras (the app is built with them for the benchmarks) for the capture benchmark.
export QUAYSIDE_MOCK_CAMERA=1
log=$(mktemp)
tauri-driver --port 4464 --native-port 4465 >"$log" 2>&1 &
driver=$!
trap 'kill $driver 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 100); do
  (exec 3<>/dev/tcp/127.0.0.1/4464) 2>/dev/null && break
  sleep 0.1
done
node "$here/app-start.mjs" "$2" "$3" "$4" "${5:-0}" || { cat "$log" >&2; exit 1; }
# The viewer's original at full size, through the app's protocol against base64 over IPC.
node "$here/viewer.mjs" "$4" || { cat "$log" >&2; exit 1; }
# A photo taken with the camera to its thumbnail shown, against the same frame dropped as a file.
node "$here/capture.mjs" "$4" || { cat "$log" >&2; exit 1; }
