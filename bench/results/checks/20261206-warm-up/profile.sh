#!/usr/bin/env bash
# Where the server's core goes at 50 connections, warmed up: perf samples core 1 (the server's, as in a bench
# run) for 10 s of wrk on core 0, after 15 s of warm-up; `perf report --sort dso` splits kernel from user code;
# then perf counts the core's system calls and context switches for 5 s (profile-*.counts.txt).
# usage: bench/results/checks/20261206-warm-up/profile.sh [native] [jlink] [go-nethttp]   (all three by default;
#        root; the images bench/run.sh builds; perf from linux-perf)
set -euo pipefail
. "$(dirname "$0")/../../../../tools/lib/usage.sh"
cd "$(dirname "$0")"
mapfile -t locked < <(grep -v '^#' ../../../../images/locked-down.args | grep .)
profile() { # name image env...
  local name=$1 image=$2; shift 2
  podman rm -f footprint-profile >/dev/null 2>&1 || true
  podman run -d --name footprint-profile --network host --cpuset-cpus 1 --cpus 1 -m 256m --memory-swap 256m \
    "${locked[@]}" "$@" "$image" >/dev/null
  for _ in $(seq 300); do curl -sf -o /dev/null http://127.0.0.1:18090/ && break; sleep 0.1; done
  taskset -c 0 wrk -t1 -c50 -d15s http://127.0.0.1:18090/ > /dev/null # the warm-up
  taskset -c 0 wrk -t1 -c50 -d18s http://127.0.0.1:18090/ > "profile-$name.wrk.txt" &
  sleep 1
  taskset -c 0 perf record -q -C 1 -F 999 -o "/tmp/perf-$name.data" -- sleep 10 2>/dev/null
  # then 5 s of counts on the same core: system calls and context switches, to divide by the requests served
  taskset -c 0 perf stat -x, -e raw_syscalls:sys_enter,context-switches,task-clock -C 1 -o "profile-$name.counts.txt" -- sleep 5
  wait
  { echo "# $name ($image): samples on core 1 by shared object, 10 s of wrk -t1 -c50 after a 15 s warm-up"
    taskset -c 0 perf report -i "/tmp/perf-$name.data" --sort dso --stdio 2>/dev/null | grep -v '^$'
    echo "# top symbols"
    taskset -c 0 perf report -i "/tmp/perf-$name.data" --sort dso,sym --stdio 2>/dev/null | awk '/%/ && n++ < 25'
  } > "profile-$name.txt"
  podman rm -f footprint-profile >/dev/null
}
(($#)) || set -- native jlink go-nethttp
for name; do [[ $name =~ ^(native|jlink|go-nethttp)$ ]] || usage_error "unknown target $name (native, jlink, go-nethttp)"; done
for name; do
  case $name in
    native|jlink) profile "$name" "localhost/footprint/service:$name" -e QUARKUS_HTTP_HOST=127.0.0.1 -e QUARKUS_HTTP_PORT=18090 ;;
    go-nethttp) profile go-nethttp localhost/footprint/peer-go-nethttp:latest -e HOST=127.0.0.1 -e PORT=18090 ;;
  esac
done
perf --version > profile-perf-version.txt
