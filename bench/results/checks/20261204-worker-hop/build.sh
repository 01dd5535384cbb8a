#!/usr/bin/env bash
# Builds localhost/footprint/service:jlink-worker-hop, the jlink image of the service at commit e2dc1a4: the last
# before /, /hello and /items ran on the event loop (@NonBlocking), so every request hopped to a worker thread
# and back. bench/levers.yaml's jvm-best-worker-hop measures it against jvm-best (the same image otherwise).
# usage: bench/results/checks/20261204-worker-hop/build.sh [--offline]   (--offline: on the bases built from Debian packages)
set -euo pipefail
. "$(dirname "$0")/../../../../tools/lib/usage.sh"
root=$(cd "$(dirname "$0")" && git rev-parse --show-toplevel)
offline=()
for a in "$@"; do
  case $a in --offline) offline=(--offline) ;; *) usage_error "unknown option $a" ;; esac
done
commit=e2dc1a4
# Between that commit and the one this script came with, service/ differs in the annotations and their tests only.
git -C "$root" diff --quiet "$commit" HEAD -- images/ || echo "note: images/ has changed since $commit; the commit's own is used" >&2
src=$(mktemp -d -t worker-hop.XXXXXX)
trap 'git -C "$root" worktree remove --force "$src"' EXIT
git -C "$root" worktree add --detach --force "$src" "$commit" >/dev/null
# its own repository name, so the build does not replace this checkout's localhost/footprint/service:jlink
(cd "$src" && FOOTPRINT_IMAGE_REPO=localhost/footprint/worker-hop images/build.sh jlink "${offline[@]}")
podman tag localhost/footprint/worker-hop:jlink localhost/footprint/service:jlink-worker-hop
podman rmi localhost/footprint/worker-hop:jlink >/dev/null
podman image inspect --format '{{.Id}}' localhost/footprint/service:jlink-worker-hop
