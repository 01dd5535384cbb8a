#!/usr/bin/env bash
# Runs an overlay for real on this machine with `podman kube play`, checks it, and tears it down:
# the container's cgroup has the overlay's memory limit, and GET / and the three health endpoints
# answer 200 on 127.0.0.1. podman turns httpGet probes into curl healthchecks driven by systemd
# timers (neither exists in these images or on a host without systemd), so the endpoints are
# polled here instead.
# usage: k8s/run-local.sh <variant>...    env: LOCAL_PORT (18100, set in components/local-run)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../tools/lib/usage.sh"
port=18100
(($#)) || usage_error "no variant given"
for a in "$@"; do [[ $a != -* ]] || usage_error "unknown option $a"; done

check() {
  local v=$1 dir=$here/.local-run/$1 rendered
  mkdir -p "$dir"
  cat > "$dir/kustomization.yaml" <<KUSTOMIZATION
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources: [../../overlays/$v]
components: [../../components/local-run]
KUSTOMIZATION
  rendered=$dir/rendered.yaml
  kubectl kustomize "$dir" > "$rendered"
  local want
  want=$(awk '/^ +limits:/{l=1} l && /memory:/{print $2; exit}' "$rendered")
  podman kube down "$rendered" >/dev/null 2>&1 || true
  local played ctr pid
  played=$(podman kube play "$rendered")
  trap "podman kube down '$rendered' >/dev/null 2>&1 || true" RETURN
  # kube play prints the pod's id after "Pod:" and the container ids after "Container:"
  ctr=$(awk '/^Container:/ {getline; print; exit}' <<<"$played")
  [[ -n $ctr && $(podman inspect -f '{{.State.Running}}' "$ctr" 2>/dev/null) == true ]] \
    || { echo "FAIL $v: no running service container after kube play" >&2; echo "$played" >&2; podman ps -a >&2; return 1; }
  pid=$(podman inspect -f '{{.State.Pid}}' "$ctr")
  local cg limit
  cg=$(awk -F: '$2 ~ /(^|,)memory(,|$)/ {print $3} $1 == "0" && $2 == "" {v2=$3} END {if (v2 != "") print v2}' "/proc/$pid/cgroup" | head -1)
  if [[ -f /sys/fs/cgroup/memory$cg/memory.limit_in_bytes ]]; then limit=$(cat "/sys/fs/cgroup/memory$cg/memory.limit_in_bytes")
  else limit=$(cat "/sys/fs/cgroup$cg/memory.max"); fi
  [[ $limit == "$(numfmt --from=iec-i "$want")" ]] || { echo "FAIL $v: cgroup memory limit $limit, overlay says $want" >&2; return 1; }
  echo "ok   $v: container $ctr has the overlay's memory limit ($want)"

  local path code deadline=$((SECONDS + 90))
  for path in /q/health/started /q/health/live /q/health/ready /; do
    until code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port$path") && [[ $code == 200 ]]; do
      if ((SECONDS > deadline)); then
        echo "FAIL $v: GET $path answered ${code:-nothing} within 90 s" >&2; podman logs "$ctr" 2>&1 | tail -20 >&2; return 1
      fi
      sleep 0.5
    done
  done
  echo "ok   $v: /q/health/started, /q/health/live, /q/health/ready and / answer 200"
  grep -q "^cgroup_memory_limit_bytes $(numfmt --from=iec-i "$want")" <(curl -s "http://127.0.0.1:$port/q/metrics" | awk '/^cgroup_memory_limit_bytes /{printf "%s %.0f\n", $1, $2}') \
    || { echo "FAIL $v: the service does not see the overlay's limit in its cgroup gauge" >&2; return 1; }
  echo "ok   $v: the service's cgroup_memory_limit_bytes gauge agrees"
}

failed=0
for v in "$@"; do check "$v" || failed=1; done
exit $failed
