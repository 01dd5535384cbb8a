#!/usr/bin/env bash
# Runtime checks of built images: each one runs locked down (read-only root filesystem with a tmpfs
# /tmp, all capabilities dropped, no-new-privileges, a non-root UID) under a memory limit, and must
# serve, have no shell where the variant promises none, use the AOT cache it names, and exit cleanly
# on SIGTERM within the grace period.
# usage: images/check.sh <variant>... | all     (all: every variant images/build.sh recorded)
# env: CHECK_PORT (18080), CHECK_MEMORY (256m; native 64m), GRACE_SECONDS (20),
#      CHECK_TIME_SCALE (1: every time bound multiplied by it, as in the emulated cgroup v2 guest; the
#      pauses between readiness polls are not bounds and stay as they are)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../tools/lib/usage.sh"
. "$here/lib.sh"

REPO=${FOOTPRINT_IMAGE_REPO:-localhost/footprint/service}
PORT=${CHECK_PORT:-18080}
SCALE=${CHECK_TIME_SCALE:-1}
[[ $SCALE =~ ^[1-9][0-9]*$ ]] || usage_error "CHECK_TIME_SCALE must be a whole number from 1, not '$SCALE'"
GRACE=$(( ${GRACE_SECONDS:-20} * SCALE ))
base=http://127.0.0.1:$PORT

variants=()
for a in "$@"; do
  if [[ $a == all ]]; then
    for f in "$here"/.built/*.json; do [[ -e $f ]] && variants+=("$(basename "$f" .json)"); done
  elif [[ $a == -* ]]; then usage_error "unknown option $a"
  else variants+=("$a"); fi
done
((${#variants[@]})) || usage_error "no variant given (or, with all, none recorded in images/.built)"

fail() { echo "  FAIL $v: $*" >&2; failures+=("$v: $*"); }
ok() { echo "  ok   $v: $*"; }

check_variant() {
  local v=$1 image=$REPO:$1 ctr=footprint-check-$1 variant runtime
  # A tag built with other options (jvm-slim-aot) is checked as the variant it was built from.
  variant=$(sed -n 's/.*"variant":"\([^"]*\)".*/\1/p' "$here/.built/$v.json" 2>/dev/null || true)
  variant=${variant:-$v}
  runtime=$(matrix field "$variant" runtime) || { fail "not a variant in images/variants.yaml"; return; }
  local memory=${CHECK_MEMORY:-$([[ $runtime == native ]] && echo 64m || echo 256m)}
  image_exists "$image" || { fail "no image $image (images/build.sh $v)"; return; }
  "$ENGINE" rm -f "$ctr" >/dev/null 2>&1 || true

  # No shell and no package manager where the variant promises none.
  if [[ $(matrix field "$variant" shell) == false ]]; then
    local listing found
    listing=$("$ENGINE" create --pull=never --name "$ctr-fs" "$image" >/dev/null && "$ENGINE" export "$ctr-fs" | tar -t; "$ENGINE" rm "$ctr-fs" >/dev/null)
    found=$(grep -E '^(\./)?(usr/)?s?bin/(sh|bash|dash|ash|busybox|apt|apt-get|dpkg|apk|microdnf|dnf|yum|rpm)$' <<<"$listing" || true)
    [[ -z $found ]] && ok "no shell or package manager" || fail "has $(echo $found)"
  fi

  local t0
  t0=$(date +%s%N)
  "$ENGINE" run -d --pull=never --name "$ctr" --network host --memory "$memory" --memory-swap "$memory" \
    "${LOCKED_DOWN[@]}" \
    -e QUARKUS_HTTP_PORT="$PORT" -e QUARKUS_HTTP_HOST=127.0.0.1 "$image" >/dev/null
  local deadline=$((SECONDS + 60 * SCALE))
  until curl -sf -o /dev/null --max-time "$SCALE" "$base/"; do
    if ((SECONDS > deadline)) || [[ $("$ENGINE" inspect -f '{{.State.Running}}' "$ctr") != true ]]; then
      fail "no 200 on GET / within $((60 * SCALE)) s"; "$ENGINE" logs "$ctr" 2>&1 | tail -20 >&2; "$ENGINE" rm -f "$ctr" >/dev/null; return
    fi
    sleep 0.05
  done
  local answered started since_start
  answered=$(date +%s%N)
  started=$(date -d "$("$ENGINE" inspect -f '{{.State.StartedAt}}' "$ctr" | sed 's/ UTC$//')" +%s%N)
  since_start=$(( (answered - started) / 1000000 ))
  ok "GET / 200 after $(( (answered - t0) / 1000000 )) ms from '$ENGINE run', ${since_start} ms from process start, under a $memory limit"
  # The native executable promises a start within a second.
  if [[ $runtime == native ]] && ((since_start > 1000 * SCALE)); then fail "native took ${since_start} ms from process start to its first 200"; fi

  local code
  for path in /q/health/ready /q/health/live /q/health/started "/hello?name=x" "/work?kib=64" "/items?count=1000"; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --compressed --max-time $((10 * SCALE)) "$base$path")
    [[ $code == 200 ]] || fail "GET $path answered $code"
  done
  [[ $(curl -s -o /dev/null -D - -H 'Accept-Encoding: gzip' --max-time $((10 * SCALE)) "$base/items?count=1000" | tr -d '\r' | grep -i '^content-encoding:') == *gzip ]] \
    || fail "/items is not gzip-encoded when asked"
  local metrics limit
  # Under set -e a failed read would end every check here: it is a failure of this variant instead.
  metrics=$(curl -sf --max-time $((10 * SCALE)) "$base/q/metrics") || fail "GET /q/metrics failed (curl exit $?)"
  limit=$(awk '/^cgroup_memory_limit_bytes /{printf "%.0f", $2}' <<<"$metrics")
  [[ $limit == "$(numfmt --from=iec "${memory^^}")" ]] && ok "endpoints answer; the service sees its $memory cgroup limit" \
    || fail "cgroup_memory_limit_bytes is '${limit}', expected the $memory limit"
  grep -q '^cgroup_memory_working_set_bytes ' <<<"$metrics" || fail "no cgroup_memory_working_set_bytes gauge"

  local pid uid caps nnp ro
  pid=$("$ENGINE" inspect -f '{{.State.Pid}}' "$ctr")
  uid=$(awk '/^Uid:/{print $2}' "/proc/$pid/status")
  caps=$(awk '/^CapEff:/{print $2}' "/proc/$pid/status")
  nnp=$(awk '/^NoNewPrivs:/{print $2}' "/proc/$pid/status")
  ro=$("$ENGINE" inspect -f '{{.HostConfig.ReadonlyRootfs}}' "$ctr")
  [[ $uid != 0 ]] && ok "runs as uid $uid" || fail "runs as root"
  [[ $caps =~ ^0+$ && $nnp == 1 && $ro == true ]] && ok "locked down: read-only root, no capabilities, no-new-privileges" \
    || fail "not locked down: CapEff=$caps NoNewPrivs=$nnp ReadonlyRootfs=$ro"

  local stopped
  "$ENGINE" kill --signal TERM "$ctr" >/dev/null
  stopped=$(timeout "$GRACE" "$ENGINE" wait "$ctr" 2>/dev/null || echo timeout)
  if [[ $stopped == timeout ]]; then
    fail "still running ${GRACE} s after SIGTERM"
  elif [[ $stopped == 0 || $stopped == 143 ]] && "$ENGINE" logs "$ctr" 2>&1 | grep -q 'stopped in'; then
    ok "stopped cleanly on SIGTERM (exit $stopped)"
  else
    fail "exit $stopped after SIGTERM"; "$ENGINE" logs "$ctr" 2>&1 | tail -20 >&2
  fi
  if "$ENGINE" logs "$ctr" 2>&1 | grep -E 'NoClassDefFoundError|ClassNotFoundException|UnsatisfiedLinkError|Exception in thread' >&2; then
    fail "errors in the log (a module or library missing?)"
  fi
  # An image that names an AOT cache must be able to use it: a JVM that cannot (another JVM build, another
  # object layout) runs on without it and says so only in its log, by default at warning and error level.
  if [[ $("$ENGINE" image inspect -f '{{range .Config.Env}}{{println .}}{{end}}' "$image") == *JDK_JAVA_OPTIONS=*-XX:AOTCache=* ]]; then
    if "$ENGINE" logs "$ctr" 2>&1 | grep -E '\[(warning|error) *\]\[aot' >&2; then
      fail "the JVM could not use the image's AOT cache"
    else
      ok "the JVM used the image's AOT cache (no AOT warning or error in its log)"
    fi
  fi
  "$ENGINE" rm -f "$ctr" >/dev/null
}

failures=()
for v in "${variants[@]}"; do echo "check $v"; check_variant "$v"; done
if ((${#failures[@]})); then printf 'image checks failed:\n' >&2; printf '  %s\n' "${failures[@]}" >&2; exit 1; fi
echo "image checks passed: ${variants[*]}"
