#!/usr/bin/env bash
# Builds the peer stacks' images (bench/peers/<peer>/Containerfile) as localhost/footprint/peer-<peer>.
# usage: bench/peers/build.sh <peer>|all [--offline]
#   --offline  build on bases images/base/build.sh makes from Debian trixie packages
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../../tools/lib/usage.sh"
images=$(cd "$here/../../images" && pwd)
. "$images/lib.sh"

PEERS=(fastapi asyncio node-express go-nethttp php nginx vertx spring-boot spring-boot-native micronaut helidon)
# The Java peers: a module each of bench/peers/pom.xml (its framework's parent or BOM, outside the
# root reactor), packaged here with the project's wrapper on JDK 25 (tests run; twin from the same
# reactor) before the image is built. Each: its module, the shared Containerfile, Maven's extra flags.
declare -A JAVA_PEER=(
  [vertx]="vertx jvm.Containerfile" [spring-boot]="spring-boot jvm.Containerfile"
  [micronaut]="micronaut jvm.Containerfile" [helidon]="helidon jvm.Containerfile"
  [spring-boot-native]="spring-boot native.Containerfile -Pnative"
)
JDK25=${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
declare -A OFFLINE_ARGS=(
  [fastapi]="BASE_IMAGE=localhost/footprint/peer-python:trixie"
  [asyncio]="BASE_IMAGE=localhost/footprint/peer-python:trixie"
  [node-express]="BUILD_IMAGE=localhost/footprint/peer-node-build:trixie BASE_IMAGE=localhost/footprint/peer-node:trixie"
  [go-nethttp]="BUILD_IMAGE=localhost/footprint/peer-go-build:trixie BASE_IMAGE=localhost/footprint/distroless-cc:trixie"
  [php]="BASE_IMAGE=localhost/footprint/peer-php:trixie"
  [nginx]="BASE_IMAGE=localhost/footprint/peer-nginx:trixie"
  [vertx]="BASE_IMAGE=localhost/footprint/debian-jre:25" [spring-boot]="BASE_IMAGE=localhost/footprint/debian-jre:25"
  [micronaut]="BASE_IMAGE=localhost/footprint/debian-jre:25" [helidon]="BASE_IMAGE=localhost/footprint/debian-jre:25"
  [spring-boot-native]="BASE_IMAGE=localhost/footprint/distroless-cc:trixie"
)
declare -A OFFLINE_BASES=(
  [fastapi]="peer-python" [asyncio]="peer-python" [node-express]="peer-node-build peer-node"
  [go-nethttp]="peer-go-build distroless-cc" [php]="peer-php" [nginx]="peer-nginx"
  [vertx]="debian-jre" [spring-boot]="debian-jre" [micronaut]="debian-jre" [helidon]="debian-jre"
  [spring-boot-native]="distroless-cc"
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
  dir=$here/$p; containerfile=$here/$p/Containerfile
  if [[ -n ${JAVA_PEER[$p]:-} ]]; then
    read -r module file flags <<<"${JAVA_PEER[$p]}"
    dir=$here/$module; containerfile=$here/$file
    if [[ $file == native.Containerfile ]]; then
      native_image >/dev/null || die "$p needs a GraalVM/Mandrel 25 native-image: set GRAALVM_HOME (or put native-image on PATH)"
    fi
    log "packaging the $p peer (mvnw -f bench/peers/pom.xml -pl $module -am package ${flags:-})"
    JAVA_HOME=$JDK25 "$here/../../mvnw" -B -q -ntp -f "$here/pom.xml" -pl "$module" -am package ${flags:-}
    [[ $file == native.Containerfile ]] && native_bundle "$dir/target/peer" "$dir/target/native-bundle"
  fi
  log "building localhost/footprint/peer-$p"
  # host network for the build: npm ci reaches the npm registry from the Node build stage
  "$ENGINE" build -q --network host -f "$containerfile" "${args[@]}" \
    --label "footprint.peer=$p" --label "footprint.bases=$($offline && echo "${OFFLINE_ARGS[$p]}" || echo "public defaults")" \
    -t "localhost/footprint/peer-$p:latest" "$dir" >/dev/null
done
log "built peers: ${wanted[*]}"
