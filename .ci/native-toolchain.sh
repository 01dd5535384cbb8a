#!/usr/bin/env bash
# Prints a GRAALVM_HOME with a working native-image for CI. Uses one that is installed (GRAALVM_HOME,
# or native-image on PATH); otherwise assembles the offline toolchain these build machines need
# (they cannot download GraalVM) from shared/native-toolchain into a cache reused between runs.
# CI plumbing only: the project itself builds native with any GraalVM/Mandrel 25.
set -euo pipefail
if [[ -n ${GRAALVM_HOME:-} && -x $GRAALVM_HOME/bin/native-image ]]; then echo "$GRAALVM_HOME"; exit 0; fi
if ni=$(command -v native-image); then dirname "$(dirname "$(readlink -f "$ni")")"; exit 0; fi
cache=${FOOTPRINT_TOOLCHAIN_CACHE:-/opt/native-toolchain}
if [[ -x $cache/bin/native-image ]] && "$cache/bin/native-image" --version >/dev/null 2>&1; then echo "$cache"; exit 0; fi
here=$(cd "$(dirname "$0")/.." && pwd)
for src in ${FOOTPRINT_SHARED:+"$FOOTPRINT_SHARED/native-toolchain"} "$here/../shared/native-toolchain" /work/shared/native-toolchain; do
  if [[ -x $src/assemble.sh || -f $src/assemble.sh ]]; then
    echo "assembling the offline native-image toolchain from $src into $cache" >&2
    bash "$src/assemble.sh" "$cache" >&2
    echo "$cache"; exit 0
  fi
done
echo "no native-image and no offline toolchain to assemble (set GRAALVM_HOME)" >&2
exit 1
