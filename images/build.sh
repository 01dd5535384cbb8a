#!/usr/bin/env bash
# Builds the service's container images.
# usage: images/build.sh <variant>...|all [--offline] [--no-package] [--aot] [--without LIST]
#   variants: those images/variants.yaml declares (an unknown one is refused with the list)
#   --offline     build on the bases images/base/build.sh makes from Debian packages (no registry)
#   --no-package  use the service artifacts already in service/target instead of running Maven
#   --aot         JVM variants: with a JDK 25 AOT cache trained in the build (tag <variant>-aot); off by
#                 default, as it raises the limit a pod needs (docs/images.md, "AOT cache")
#   --without LIST  build the service without those parts (tag <variant>-without-metrics-health, ...), to measure
#                 what each costs (bench/levers.yaml): the extensions metrics, health; the per-request features
#                 http-metrics (Micrometer's HTTP server timers), compression, error-routes (HttpErrorRoutes)
# Tags localhost/footprint/service:<variant> and records the image's id and size in
# images/.built/<variant>.json for the bench and the docs.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
. "$root/tools/lib/usage.sh"
. "$here/lib.sh"

names=$(matrix names); read -ra VARIANTS <<< "$names"
# The variants whose Containerfile has the opt-in `aot` stage (an AOT cache trained after its runtime stage).
names=$(matrix names aotCache); read -ra AOT_VARIANTS <<< "$names"
REPO=${FOOTPRINT_IMAGE_REPO:-localhost/footprint/service}


# in the order the tag names them (ServiceBuild.Extension); each is service/pom.xml's profile without-<name>,
# but compression (below)
EXTENSIONS=(metrics health http-metrics compression error-routes)
offline=false; package=true; aot=false; all=false; without=(); wanted=()
while (($#)); do
  a=$1; shift
  case $a in
    --without) (($#)) || usage_error "--without needs a list: ${EXTENSIONS[*]}"
      IFS=, read -ra without <<< "$1"; shift
      for e in "${without[@]}"; do
        [[ " ${EXTENSIONS[*]} " == *" $e "* ]] || usage_error "--without: unknown part '$e' (one of: ${EXTENSIONS[*]})"
      done ;;
    --offline) offline=true ;;
    --no-package) package=false ;;
    --aot) aot=true ;;
    all) all=true ;;
    -*) usage_error "unknown option $a" ;;
    *) [[ " ${VARIANTS[*]} " == *" $a "* ]] || usage_error "unknown variant '$a' (one of: ${VARIANTS[*]}, all)"; wanted+=("$a") ;;
  esac
done
# With --aot, `all` means every variant that can train a cache; the check runs before anything is
# packaged or compiled.
if $all; then if $aot; then wanted=("${AOT_VARIANTS[@]}"); else wanted=("${VARIANTS[@]}"); fi; fi
((${#wanted[@]})) || usage_error "no variant given"
if $aot; then
  for v in "${wanted[@]}"; do
    [[ " ${AOT_VARIANTS[*]} " == *" $v "* ]] || die "--aot: $v has no AOT cache stage (only ${AOT_VARIANTS[*]} do)"
  done
fi
# The Maven properties and the tag suffix that say which extensions were left out.
maven_without=(); suffix=""
for e in "${EXTENSIONS[@]}"; do
  [[ " ${without[*]} " == *" $e "* ]] || continue
  maven_without+=("-Dwithout-$e"); suffix+="-$e"
  # application.properties turns compression on and outranks a profile's pom property; a system property outranks it
  [[ $e != compression ]] || maven_without+=(-Dquarkus.http.enable-compression=false)
done
suffix=${suffix:+-without$suffix}

# Why a variant cannot be built here, or nothing.
cannot_build() {
  $offline && matrix field "$1" notOffline
  if $offline && [[ $(matrix field "$1" runtime) == native ]] && ! native_image >/dev/null; then
    echo "$1 needs a GraalVM/Mandrel 25 native-image to compile the executable: set GRAALVM_HOME (or put native-image on PATH), or build without --offline to compile in the Mandrel builder image"
  fi
  return 0
}

# The Maven step a variant needs, run when its artifact is missing, older than the sources, or
# built with other extensions (ARTIFACT.without says which were left out).
stale() { # artifact
  [[ ! -e $1 ]] && return 0
  [[ "$(cat "$1.without" 2>/dev/null)" == "${maven_without[*]}" ]] || return 0
  [[ -n $(find "$root/pom.xml" "$root/service/pom.xml" "$root/service/src/main" "$root/memory-probe/pom.xml" \
            "$root/memory-probe/src/main" -newer "$1" -print -quit) ]]
}
package_jar() {
  local jar=$root/service/target/quarkus-app/quarkus-run.jar
  if $package && stale "$jar"; then
    log "packaging the service (./mvnw package)"
    (cd "$root" && ./mvnw -B -q -ntp package -DskipTests "${maven_without[@]}" -pl service -am) || return 1
    echo "${maven_without[*]}" > "$jar.without"
  fi
  [[ -f $jar ]] || die "no $jar: run ./mvnw package"
}
package_native() {
  local runner=$root/service/target/footprint-service-1.0.0-SNAPSHOT-runner bundle=$root/service/target/native-bundle
  if $package && stale "$runner"; then
    log "compiling the native executable (./mvnw package -Dnative)"
    (cd "$root" && ./mvnw -B -q -ntp package -Dnative -DskipTests "${maven_without[@]}" -pl service -am) || return 1
    echo "${maven_without[*]}" > "$runner.without"
  fi
  [[ -x $runner ]] || die "no $runner: run ./mvnw package -Dnative"
  native_bundle "$runner" "$bundle"
}

build_variant() {
  local v=$1 args=() runtime offline_args bases containerfile
  runtime=$(matrix field "$v" runtime) || return 1
  containerfile=$(matrix field "$v" containerfile) || return 1
  offline_args=$(matrix offline-args "$v") || return 1
  offline_args=$(paste -sd' ' - <<< "$offline_args")
  # the variant's own args first: an offline arg of the same name, given later, overrides its public base
  for kv in $(matrix args "$v"); do args+=(--build-arg "$kv"); done
  if $offline; then
    bases=$(matrix offline-bases "$v") || return 1
    "$here/base/build.sh" $bases || return 1
    for kv in $offline_args; do args+=(--build-arg "$kv"); done
  fi
  case $runtime in
    # With a local native-image the executable is compiled here; without one (and with registry
    # access) the Containerfile compiles it in the Mandrel builder image.
    native) if native_image >/dev/null; then package_native || return 1; args+=(--build-arg BINARY=prebuilt); fi ;;
    *) package_jar || return 1 ;;
  esac
  args+=(--label "footprint.variant=$v" --label "footprint.bases=$($offline && echo "$offline_args" || echo "public defaults")")
  if [[ $runtime == native ]] && ni=$(native_image); then
    args+=(--label "footprint.native-image=$("$ni" --version 2>/dev/null | head -1)")
  fi
  local tag=$REPO:$v$suffix start=$SECONDS
  if $aot; then
    args+=(--target aot); tag=$REPO:$v$suffix-aot
  fi
  args+=(--label "footprint.without-extensions=${without[*]:-none}")
  log "building $tag"
  # (errors are checked by hand: this runs as an if-condition, where set -e does not apply)
  "$ENGINE" build -q -f "$here/$containerfile" "${args[@]}" -t "$tag" "$root" >/dev/null || return 1
  local id size
  id=$("$ENGINE" image inspect --format '{{.Id}}' "$tag") || return 1
  size=$("$ENGINE" image inspect --format '{{.Size}}' "$tag") || return 1
  mkdir -p "$here/.built"
  local sections=""
  [[ $runtime == native ]] && { sections=$(executable_sections "$tag") || return 1; }
  printf '{"variant":"%s","image":"%s","id":"%s","sizeBytes":%s,"offline":%s,"engine":"%s","builtAt":"%s","buildSeconds":%s%s}\n' \
    "$v" "$tag" "$id" "$size" "$offline" "$ENGINE" "$(date -u +%FT%TZ)" "$((SECONDS - start))" "$sections" \
    > "$here/.built/${tag##*:}.json"
  log "built $tag: $((size / 1024 / 1024)) MiB, id ${id:0:12}"
}

# The native executable's sections as shipped (its entrypoint copied out of the image, so a binary compiled in the
# builder image counts too), for docs/attribution.md: ,"sections":{".text":N,".svm_heap":N,...} in bytes,
# the allocated ones only (size -A: what is loaded, not symbols or debug info).
executable_sections() {
  local cid dir exe rc=0
  exe=$("$ENGINE" image inspect --format '{{index .Config.Entrypoint 0}}' "$1") || return 1
  dir=$(mktemp -d) && cid=$("$ENGINE" create "$1") || return 1
  "$ENGINE" cp "$cid:$exe" "$dir/application" >/dev/null || rc=1
  "$ENGINE" rm "$cid" >/dev/null
  if (( rc == 0 )); then
    size -A -d "$dir/application" | awk '$1 ~ /^\./ && $3 > 0 { printf "%s\"%s\":%s", (n++ ? "," : ",\"sections\":{"), $1, $2 }
      END { if (n) print "}" }' || rc=1
  fi
  rm -rf "$dir"
  return $rc
}

failed=0; built=(); skipped=()
for v in "${wanted[@]}"; do
  reason=$(cannot_build "$v")
  if [[ -n $reason ]]; then
    echo "not building $v: $reason" >&2
    skipped+=("$v")
    continue
  fi
  if build_variant "$v"; then built+=("$v"); else echo "FAILED to build $v" >&2; failed=1; fi
done
log "built: ${built[*]:-none}${skipped:+; not buildable here: ${skipped[*]}}"
# Asked for exactly one variant that cannot be built here: that is an error for the caller.
if ((${#wanted[@]} == 1 && ${#skipped[@]} == 1)); then exit 3; fi
exit $failed
