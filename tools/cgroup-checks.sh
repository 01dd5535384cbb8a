#!/usr/bin/env bash
# The image checks with what the machine is: its cgroup version and versions (environment.json), images/check.sh
# (image-checks.txt) and how each image sees its cgroup (tools/cgroup_view.py, cgroup-view.json), into one
# directory. Runs on the host (cgroup v1 here) and in the cgroup v2 guest (tools/cgroup-v2-guest.sh check), so
# docs/cgroup-v2.md can set the two side by side.
# usage: tools/cgroup-checks.sh --out DIR VARIANT...
# env: CHECK_TIME_SCALE (1; the guest sets its GUEST_TIME_SCALE), GUEST_EMULATION (set by the guest)
set -uo pipefail
. "$(dirname "$0")/lib/usage.sh"
[[ ${1:-} == --out && -n ${2:-} ]] || usage_error "--out DIR first"
# Resolved before the cd below: a relative DIR is the caller's, not the repository's.
out=$(realpath -m -- "$2"); shift 2
(($#)) || usage_error "no variant given"
cd "$(dirname "$0")/.."
mkdir -p "$out" || exit 1
export CHECK_TIME_SCALE=${CHECK_TIME_SCALE:-1}

python3 - > "$out/environment.json" <<'PY'
import json, os, platform, subprocess, time
def first_line(*cmd):
    return subprocess.run(cmd, capture_output=True, text=True).stdout.splitlines()[0]
fs = subprocess.run(["stat", "-fc", "%T", "/sys/fs/cgroup"], capture_output=True, text=True).stdout.strip()
meminfo = dict(l.split(":", 1) for l in open("/proc/meminfo"))
print(json.dumps({
    "cgroup": "v2" if fs == "cgroup2fs" else "v1", "cgroupFilesystem": fs,
    "kernel": platform.release(), "os": first_line("sh", "-c", ". /etc/os-release; echo $PRETTY_NAME"),
    "podman": first_line("podman", "--version"),
    "runtime": first_line("podman", "info", "--format", "{{.Host.OCIRuntime.Name}} {{.Host.OCIRuntime.Version}}"),
    "cpuModel": next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), None),
    "cpus": os.cpu_count(), "memTotalKiB": int(meminfo["MemTotal"].split()[0]),
    "emulation": os.environ.get("GUEST_EMULATION"), "timeScale": int(os.environ["CHECK_TIME_SCALE"]),
    "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
}, indent=2))
PY
# No half-written environment.json left behind: a directory holding one is a sitting to bench cgroup-report.
if (($?)); then rm -f "$out/environment.json"; echo "error: cannot write $out/environment.json (above)" >&2; exit 1; fi
cat "$out/environment.json"

images/check.sh "$@" 2>&1 | tee "$out/image-checks.txt"
checks=${PIPESTATUS[0]}
python3 tools/cgroup_view.py --time-scale "$CHECK_TIME_SCALE" --out "$out/cgroup-view.json" "$@"
view=$?
echo "image checks exit $checks, cgroup view exit $view"
((checks == 0 && view == 0))
