#!/usr/bin/env bash
# Builds the peer stacks' images (bench/peers/<peer>/Containerfile) as localhost/footprint/peer-<peer>.
# usage: bench/peers/build.sh <peer>|all [--offline]
#   --offline  build on bases images/base/build.sh makes from Debian trixie packages
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../../tools/lib/usage.sh"
images=$(cd "$here/../../images" && pwd)
. "$images/lib.sh"

PEERS=(fastapi asyncio node-express go-nethttp php nginx)
declare -A OFFLINE_ARGS=(
  [fastapi]="BASE_IMAGE=localhost/footprint/peer-python:trixie"
  [asyncio]="BASE_IMAGE=localhost/footprint/peer-python:trixie"
  [node-express]="BUILD_IMAGE=localhost/footprint/peer-node-build:trixie BASE_IMAGE=localhost/footprint/peer-node:trixie"
  [go-nethttp]="BUILD_IMAGE=localhost/footprint/peer-go-build:trixie BASE_IMAGE=localhost/footprint/distroless-cc:trixie"
  [php]="BASE_IMAGE=localhost/footprint/peer-php:trixie"
  [nginx]="BASE_IMAGE=localhost/footprint/peer-nginx:trixie"
)
declare -A OFFLINE_BASES=(
  [fastapi]="peer-python" [asyncio]="peer-python" [node-express]="peer-node-build peer-node"
  [go-nethttp]="peer-go-build distroless-cc" [php]="peer-php" [nginx]="peer-nginx"
)

offline=false; wanted=()
for a in "$@"; do
  case $a in
    --offline) offline=true ;;
    all) wanted+=("${PEERS[@]}") ;;
    -*) usage_error "unknown option $a" ;;
    *) [[ " ${PEERS[*]} " == *" $a "* ]] || usage_error "unknown peer '$a' (one of: ${PEERS[*]}, all)"; wanted+=("$a") ;;
  esac
done
((${#wanted[@]})) || usage_error "no peer given"

for p in "${wanted[@]}"; do
  args=()
  if $offline; then
    "$images/base/build.sh" ${OFFLINE_BASES[$p]}
    for kv in ${OFFLINE_ARGS[$p]}; do args+=(--build-arg "$kv"); done
  fi
  # the host's extra CA certificates (a TLS-intercepting proxy) for npm in the Node build stage
  [[ -n ${NODE_EXTRA_CA_CERTS:-} && -r $NODE_EXTRA_CA_CERTS ]] && args+=(--secret "id=npm-ca,src=$NODE_EXTRA_CA_CERTS")
  log "building localhost/footprint/peer-$p"
  # host network for the build: npm ci reaches the npm registry from the Node build stage
  "$ENGINE" build -q --network host -f "$here/$p/Containerfile" "${args[@]}" \
    --label "footprint.peer=$p" --label "footprint.bases=$($offline && echo "${OFFLINE_ARGS[$p]}" || echo "public defaults")" \
    -t "localhost/footprint/peer-$p:latest" "$here/$p" >/dev/null
done
log "built peers: ${wanted[*]}"
