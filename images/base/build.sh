#!/usr/bin/env bash
# Builds the offline equivalents of the public base images from Debian trixie packages with
# mmdebstrap and imports them into the container engine under localhost/footprint/.
# usage: images/base/build.sh [--rebuild] [base ...]    (default: every base)
# Idempotent: an existing tag is reused unless --rebuild is given.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../../tools/lib/usage.sh"
. "$here/../lib.sh"

SUITE=${DEBIAN_SUITE:-trixie}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
JDK_HOME=${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}

# Each tag stands in for the public image named beside it.
declare -A TAG=(
  [debian-slim]=localhost/footprint/debian:trixie-slim           # debian:trixie-slim
  [debian-jre]=localhost/footprint/debian-jre:25                 # debian:trixie-slim + openjdk-25-jre-headless
  [distroless-cc]=localhost/footprint/distroless-cc:trixie        # gcr.io/distroless/cc-debian13:nonroot
  [distroless-java]=localhost/footprint/distroless-java:25        # gcr.io/distroless/java25-debian13:nonroot
  [temurin-jdk]=localhost/footprint/temurin-jdk:25                # eclipse-temurin:25-jdk (jlink build stage)
  # the bench's peer stacks (bench/peers), from the same Debian release
  [peer-python]=localhost/footprint/peer-python:trixie           # python:3.13-slim + pip install fastapi uvicorn[standard] gunicorn
  [peer-node]=localhost/footprint/peer-node:trixie               # node:20-slim (runtime)
  [peer-node-build]=localhost/footprint/peer-node-build:trixie   # node:20-slim (npm ci)
  [peer-go-build]=localhost/footprint/peer-go-build:trixie       # golang:1.24
  [peer-php]=localhost/footprint/peer-php:trixie                 # php:8.4-cli
  [peer-nginx]=localhost/footprint/peer-nginx:trixie             # nginx:stable (the bench's harness-ceiling row)
)
ORDER=(debian-slim debian-jre distroless-cc distroless-java temurin-jdk peer-python peer-node peer-node-build peer-go-build peer-php peer-nginx)

# The minbase images: Debian's essential packages plus these.
declare -A MINBASE_PACKAGES=(
  [debian-slim]=""
  [debian-jre]="openjdk-25-jre-headless"
  [peer-python]="python3-fastapi python3-uvicorn python3-uvloop python3-httptools gunicorn"
  [peer-node]="nodejs"
  [peer-node-build]="nodejs npm"
  [peer-go-build]="golang-go ca-certificates"
  [peer-php]="php8.4-cli"
  [peer-nginx]="nginx"
)

# What debian:trixie-slim leaves out (its /etc/dpkg/dpkg.cfg.d/docker): docs, man pages, locales.
# openjdk's postinst registers man pages with update-alternatives, so man1 must still exist.
SLIM_OPTS=(
  --dpkgopt='path-exclude=/usr/share/man/*'
  --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright'
  --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-exclude=/usr/share/info/*'
  --essential-hook='mkdir -p "$1/usr/share/man/man1"'
  --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*.bin'
)

import_tar() { # tag [--change ...]: reads a root filesystem tarball on stdin
  local tag=$1; shift
  "$ENGINE" import "$@" - "$tag" >/dev/null
}

build_minbase() { # base
  local pkgs=${MINBASE_PACKAGES[$1]} include=()
  [[ -n $pkgs ]] && include=(--include="${pkgs// /,}")
  mmdebstrap --quiet --variant=minbase "${include[@]}" "${SLIM_OPTS[@]}" "$SUITE" - "$MIRROR" \
    | import_tar "${TAG[$1]}" --change 'CMD ["bash"]'
}

# distroless: the packages' files only (variant extract runs no maintainer scripts), then
# everything executable that came in as a dependency (debconf, openssl, mawk) is removed:
# no shell, no package manager. The user table and CA bundle are written the way distroless has them.
build_distroless-cc() {
  mmdebstrap --quiet --variant=extract \
    --include=base-files,libc6,libgcc-s1,libstdc++6,zlib1g,ca-certificates,tzdata,netbase \
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
    --dpkgopt='path-include=/usr/share/doc/*/copyright' \
    --customize-hook="$here/distroless-hook.sh \"\$1\"" \
    "$SUITE" - "$MIRROR" \
    | import_tar "${TAG[distroless-cc]}" --change 'USER 65532:65532' --change 'WORKDIR /home/nonroot' \
        --change 'ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt'
}

build_distroless-java() {
  "$ENGINE" build -q -f "$here/distroless-java.Containerfile" \
    --build-arg JRE_IMAGE="${TAG[debian-jre]}" --build-arg BASE_IMAGE="${TAG[distroless-cc]}" \
    -t "${TAG[distroless-java]}" "$here" >/dev/null
}

build_temurin-jdk() {
  [[ -x $JDK_HOME/bin/jlink ]] || die "no JDK 25 with jlink at $JDK_HOME (set JDK25_HOME)"
  # Symlinks dereferenced: a packaged JDK links lib/security/cacerts to the host's /etc.
  local ctx; ctx=$(mktemp -d)
  cp -rL "$JDK_HOME/." "$ctx/"
  "$ENGINE" build -q -f "$here/temurin-jdk.Containerfile" --build-arg BASE_IMAGE="${TAG[debian-slim]}" \
    -t "${TAG[temurin-jdk]}" "$ctx" >/dev/null
  rm -rf "$ctx"
}

rebuild=false; wanted=()
for a in "$@"; do
  case $a in
    --rebuild) rebuild=true ;;
    -*) usage_error "unknown option $a" ;;
    *) [[ -n ${TAG[$a]:-} ]] || usage_error "unknown base '$a' (one of: ${ORDER[*]})"; wanted+=("$a") ;;
  esac
done
((${#wanted[@]})) || wanted=("${ORDER[@]}")
command -v mmdebstrap >/dev/null || die "mmdebstrap is not installed (run tools/setup-host.sh)"

for b in "${ORDER[@]}"; do
  [[ " ${wanted[*]} " == *" $b "* ]] || continue
  if ! $rebuild && image_exists "${TAG[$b]}"; then
    log "base $b: reusing ${TAG[$b]}"; continue
  fi
  log "base $b: building ${TAG[$b]}"
  start=$SECONDS
  if [[ -n ${MINBASE_PACKAGES[$b]+set} ]]; then build_minbase "$b"; else "build_$b"; fi
  log "base $b: built in $((SECONDS - start)) s"
done
