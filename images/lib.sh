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

# The native-image to compile with (GRAALVM_HOME's, else PATH's), or fail.
native_image() {
  local ni
  for ni in "${GRAALVM_HOME:+$GRAALVM_HOME/bin/native-image}" "$(command -v native-image || true)"; do
    [[ -n $ni && -x $ni ]] && { echo "$ni"; return 0; }
  done
  return 1
}
# native_bundle EXECUTABLE DIR: DIR/application plus any shared library it loads from outside the
# system library directories (none for a stock GraalVM/Mandrel build), so that it runs on a minimal base.
native_bundle() {
  rm -rf "$2"; mkdir -p "$2"
  cp "$1" "$2/application"
  ldd "$1" | awk '$2 == "=>" && $3 ~ /^\// {print $3}' | while read -r lib; do
    case $lib in /lib/*|/lib64/*|/usr/lib/*|/usr/lib64/*) ;; *) cp -L "$lib" "$2/" ;; esac
  done
}

# The image matrix (images/variants.yaml), the one list of the variants:
#   matrix names [FIELD]          the variants in order; with FIELD, those where it is true
#   matrix field VARIANT FIELD    one value, '' where absent (true/false for flags)
#   matrix args VARIANT           the build args that make it from its Containerfile, KEY=VALUE one per line
#   matrix offline-args VARIANT   its offline build args, KEY=VALUE one per line
#   matrix offline-bases VARIANT  the images/base images those args name
IMAGES_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
MATRIX=${FOOTPRINT_MATRIX:-$IMAGES_DIR/variants.yaml}
matrix() {
  python3 - "$MATRIX" "$@" <<'PY'
import sys, yaml
path, query, *rest = sys.argv[1:]
variants = yaml.safe_load(open(path))["variants"]
by_name = {v["name"]: v for v in variants}
def variant(name):
    if name not in by_name:
        sys.exit(f"{path}: no variant {name!r} (one of: {' '.join(by_name)})")
    return by_name[name]
if query == "names":
    print(" ".join(v["name"] for v in variants if not rest or v.get(rest[0]) is True))
elif query == "field":
    value = variant(rest[0]).get(rest[1], "")
    print(str(value).lower() if isinstance(value, bool) else value)
elif query == "args":
    for k, value in (variant(rest[0]).get("args") or {}).items():
        print(f"{k}={value}")
elif query == "offline-args":
    for k, value in (variant(rest[0]).get("offline") or {}).get("args", {}).items():
        print(f"{k}={value}")
elif query == "offline-bases":
    print(" ".join((variant(rest[0]).get("offline") or {}).get("bases", [])))
else:
    sys.exit(f"matrix: unknown query {query!r}")
PY
}

# The locked-down run flags (images/locked-down.args), for `"$ENGINE" run "${LOCKED_DOWN[@]}" ...`.
LOCKED_DOWN_FILE=$IMAGES_DIR/locked-down.args
[[ -r $LOCKED_DOWN_FILE ]] || die "no $LOCKED_DOWN_FILE"
mapfile -t LOCKED_DOWN < <(grep -Ev '^[[:space:]]*(#|$)' "$LOCKED_DOWN_FILE")
((${#LOCKED_DOWN[@]})) || die "no flags in $LOCKED_DOWN_FILE"
