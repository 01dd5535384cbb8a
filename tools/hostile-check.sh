#!/usr/bin/env bash
# Runs the hostile-input suite (service/src/test/.../HostileInputCases) against a container image:
# starts it locked down under a memory limit on 127.0.0.1, points the suite at it, removes it.
# usage: tools/hostile-check.sh <variant>   (an image from images/build.sh)
set -euo pipefail
. "$(dirname "$0")/lib/usage.sh"
cd "$(dirname "$0")/.."
. images/lib.sh
(($# == 1)) && [[ $1 != -* ]] || usage_error "give one variant"
variant=$1
image=${FOOTPRINT_IMAGE_REPO:-localhost/footprint/service}:$variant
port=${HOSTILE_PORT:-18085}
ctr=footprint-hostile-$variant
"$ENGINE" rm -f "$ctr" >/dev/null 2>&1 || true
# 1,000 idle connections need more than podman's 1024 open files here; Kubernetes nodes allow far more.
# (Naming one ulimit drops the engine's defaults for the others, so nproc is named too, within the host's limit.)
nofile=$(( $(ulimit -Hn) < 8192 ? $(ulimit -Hn) : 8192 ))
nproc=$(( $(ulimit -Hu) < 4096 ? $(ulimit -Hu) : 4096 ))
"$ENGINE" run -d --pull=never --name "$ctr" --network host --memory 256m --memory-swap 256m \
  --ulimit "nofile=$nofile:$nofile" --ulimit "nproc=$nproc:$nproc" \
  "${LOCKED_DOWN[@]}" \
  -e QUARKUS_HTTP_PORT="$port" -e QUARKUS_HTTP_HOST=127.0.0.1 "$image" >/dev/null
trap '"$ENGINE" rm -f "$ctr" >/dev/null 2>&1 || true' EXIT
for _ in $(seq 1 600); do curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready" && break; sleep 0.1; done
# -am: the service's sibling modules come from this checkout, not from whatever ~/.m2 holds
./mvnw -B -ntp -pl service -am test-compile failsafe:integration-test failsafe:verify -Dit.failIfNoSpecifiedTests=false \
  -Dit.test=HostileInputContainerIT -Dfootprint.target="http://127.0.0.1:$port"
