# Shared by the image scripts: container engine detection and messages.
# ENGINE: podman or docker (FOOTPRINT_ENGINE overrides).
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
if [[ -z ${ENGINE:-} ]]; then
  ENGINE=${FOOTPRINT_ENGINE:-$(command -v podman || command -v docker || true)}
  [[ -n $ENGINE ]] || die "no container engine: install podman (tools/setup-host.sh) or docker"
  ENGINE=$(basename "$ENGINE")
fi
image_exists() { "$ENGINE" image inspect "$1" >/dev/null 2>&1; }
