#!/usr/bin/env bash
# Smoke test of live-coding dev mode: start `./mvnw quarkus:dev` from the root, wait (bounded) for
# GET / to answer 200, stop it. Fails if dev mode does not come up or does not stop.
# usage: tools/dev-mode-smoke.sh     env: DEV_PORT (8080), DEV_TIMEOUT (240 s)
set -euo pipefail
. "$(dirname "$0")/lib/usage.sh"
cd "$(dirname "$0")/.."
(($# == 0)) || usage_error "takes no arguments"
port=${DEV_PORT:-8080}
timeout_s=${DEV_TIMEOUT:-240}
log=$(mktemp -t dev-mode.XXXXXX.log)

# setsid: dev mode forks the application JVM; stopping the group stops both.
setsid ./mvnw -B -ntp quarkus:dev -Ddebug=false -Dquarkus.console.enabled=false -Dquarkus.http.port="$port" >"$log" 2>&1 &
pid=$!
stop() { kill -TERM -- "-$pid" 2>/dev/null || true; }
trap stop EXIT

deadline=$((SECONDS + timeout_s))
until body=$(curl -sf --max-time 2 "http://127.0.0.1:$port/"); do
  if ! kill -0 "$pid" 2>/dev/null; then tail -40 "$log"; echo "dev mode exited before serving" >&2; exit 1; fi
  if ((SECONDS > deadline)); then tail -40 "$log"; echo "dev mode did not serve GET / within ${timeout_s}s" >&2; exit 1; fi
  sleep 1
done
[[ $body == "footprint: ok" ]] || { echo "unexpected body from dev mode: $body" >&2; exit 1; }
echo "dev mode served GET / after $((SECONDS))s"

stop
for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
if kill -0 "$pid" 2>/dev/null; then kill -KILL -- "-$pid"; echo "dev mode did not stop on SIGTERM" >&2; exit 1; fi
trap - EXIT
rm -f "$log"
echo "dev mode stopped"
