#!/usr/bin/env python3
"""How each image sees its cgroup's limits, against what the kernel says from outside the container.

Runs where the images are: on the host (cgroup v1 here) or in the cgroup v2 guest (tools/cgroup-checks.sh),
so the two can be set side by side. Per variant, two containers under a memory limit and --cpus=1, locked
down as images/check.sh runs them:
  shipped   the image's own options: the service's cgroup_memory_limit_bytes must be the container's limit,
            and its cgroup_memory_working_set_bytes must lie within the working set (usage - inactive
            file) read from outside just before and just after it;
  defaults  no heap option (native: -XX:+ExitOnOutOfMemoryError -XX:+VerboseGC; JVM: JDK_JAVA_OPTIONS=
            -XX:+UseSerialGC -Xlog:gc+init): the memory the runtime says it has, the maximum heap it sizes
            from it and the CPUs it counts, from its own log and /q/metrics. Recorded, not judged: the
            images ship with -Xmx, and what a runtime does without it is what this shows (oracle/graal#3992).
A variant that cannot be viewed (no build record, a container that does not start) gets its error in its
row, as shipped and without the heap option, and the others are still viewed.
Writes one JSON document (to stdout, or with --out to FILE, replaced whole); exits 1 when a shipped check fails
or a variant could not be viewed.
usage: python3 tools/cgroup_view.py [--time-scale N] [--out FILE] VARIANT...
env: FOOTPRINT_IMAGE_REPO (localhost/footprint/service), FOOTPRINT_ENGINE (podman, else docker: as images/lib.sh)
"""
import argparse, json, os, pathlib, re, shutil, socket, subprocess, sys, tempfile, time, urllib.request

ROOT = pathlib.Path(__file__).resolve().parents[1]
REPO = os.environ.get("FOOTPRINT_IMAGE_REPO") or "localhost/footprint/service"
# The engine images/check.sh uses in the same sitting (images/lib.sh: ENGINE, else FOOTPRINT_ENGINE, else
# podman or docker on PATH), so both look at the same images.
ENGINE = os.path.basename(os.environ.get("ENGINE") or os.environ.get("FOOTPRINT_ENGINE")
                          or shutil.which("podman") or shutil.which("docker") or "")
PORT = 18081
MIB = 1 << 20
# The service's gauge is read between the two outside reads; the request that reads it allocates too.
TOLERANCE = 2 * MIB
SAMPLE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})? ([-+0-9.eE]+|NaN)$')


def engine(*args, check=True):
    r = subprocess.run([ENGINE, *args], capture_output=True, text=True)
    if check and r.returncode:
        raise RuntimeError(f"{ENGINE} {' '.join(args[:2])} exited {r.returncode}: {r.stderr.strip()[-500:]}")
    return r.stdout.strip()


def logs(name):
    """The container's output, stdout and stderr together (the engine's logs gives them back on its own two)."""
    return subprocess.run([ENGINE, "logs", name], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True).stdout


def port_free():
    """Refuses a port something already listens on: a stale service there would answer for the container."""
    try:
        socket.create_connection(("127.0.0.1", PORT), timeout=1).close()
    except OSError:
        return
    raise RuntimeError(f"127.0.0.1:{PORT} already answers before the container starts: stop what listens there")


def metrics():
    with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/q/metrics", timeout=30) as r:
        text = r.read().decode()
    samples = []
    for line in text.splitlines():
        m = SAMPLE.match(line)
        if m:
            samples.append((m.group(1), m.group(2) or "", float(m.group(3))))
    return samples


def value(samples, name):
    found = [v for n, _, v in samples if n == name]
    return found[0] if found else None


def outside(cgroup):
    """The container's memory as the kernel counts it, from the host's side of its cgroup (v2 or v1)."""
    v2 = pathlib.Path("/sys/fs/cgroup/cgroup.controllers").exists()
    d = pathlib.Path("/sys/fs/cgroup" if v2 else "/sys/fs/cgroup/memory") / cgroup.lstrip("/")
    stat = dict(l.split() for l in (d / "memory.stat").read_text().splitlines())
    usage = int((d / ("memory.current" if v2 else "memory.usage_in_bytes")).read_text())
    inactive = int(stat["inactive_file" if v2 else "total_inactive_file"])
    limit = (d / ("memory.max" if v2 else "memory.limit_in_bytes")).read_text().strip()
    return {"usage": usage, "inactiveFile": inactive, "workingSet": usage - inactive, "limit": limit}


# What each runtime logs about the memory it found and the heap it sized, with the options that make it say so.
SIZING = {
    "native": {"args": ["-XX:+ExitOnOutOfMemoryError", "-XX:+VerboseGC"], "env": [],
               "memory": r"GC\(0\)\s+Memory: (\d+)([KMG])", "heap": r"Maximum heap size: (\d+)([KMG])", "cpus": None},
    "jvm": {"args": [], "env": ["JDK_JAVA_OPTIONS=-XX:+UseSerialGC -Xlog:gc+init"],
            "memory": r"\[gc,init\] Memory: (\d+)([KMG])", "heap": r"Heap Max Capacity: (\d+)([KMG])",
            "cpus": r"CPUs: \d+ total, (\d+) available"},
}
UNIT = {"K": 1 << 10, "M": MIB, "G": 1 << 30}


def logged_bytes(pattern, log):
    m = re.search(pattern, log)
    return int(m.group(1)) * UNIT[m.group(2)] if m else None


def run(image, memory, scale, env=(), args=(), log_pattern=None):
    """One container until it answers, read from inside (/q/metrics) and outside; with log_pattern, also until
    its log matches it (a native executable logs its heap sizing at its first collection: /work forces one)."""
    name = f"footprint-view-{int(time.time() * 1000)}"
    locked = [l for l in (ROOT / "images/locked-down.args").read_text().splitlines() if l and not l.startswith("#")]
    cmd = ["run", "-d", "--pull=never", "--name", name, "--network", "host", "--memory", memory,
           "--memory-swap", memory, "--cpus", "1", *locked, "-e", f"QUARKUS_HTTP_PORT={PORT}",
           "-e", "QUARKUS_HTTP_HOST=127.0.0.1"]
    for e in env:
        cmd += ["-e", e]
    try:
        # Started inside the try: a start that fails is the variant's error, and what it left is removed.
        port_free()
        engine(*cmd, image, *args)
        deadline = time.time() + 60 * scale
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/", timeout=5).read()
                break
            except OSError:
                if time.time() > deadline or engine("inspect", "-f", "{{.State.Running}}", name) != "true":
                    return {"error": f"no 200 on GET / within {60 * scale} s", "log": logs(name)[-2000:]}
                time.sleep(0.2)
        cgroup = engine("inspect", "-f", "{{.State.CgroupPath}}", name)
        before = outside(cgroup)
        samples = metrics()
        after = outside(cgroup)
        log, served = logs(name), 0
        try:
            while log_pattern and not re.search(log_pattern, log) and served < 200:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/work?kib=1024", timeout=10 * scale).read()
                served += 1
                log = logs(name)
        except OSError as e:  # a runtime that sized its heap beyond the limit may be killed here: that is the finding
            log = logs(name) + f"\n(/work request {served + 1} failed: {e})"
        return {"cgroupPath": cgroup, "outsideBefore": before, "outsideAfter": after,
                "serviceLimit": value(samples, "cgroup_memory_limit_bytes"),
                "serviceWorkingSet": value(samples, "cgroup_memory_working_set_bytes"),
                "cpuCount": value(samples, "system_cpu_count"), "workRequests": served,
                "oomKilled": engine("inspect", "-f", "{{.State.OOMKilled}}", name) == "true", "log": log}
    finally:
        engine("rm", "-f", name, check=False)


def sizing(runtime, image, memory, scale):
    """What the runtime sizes itself from when the image's heap option is taken away."""
    s = SIZING[runtime]
    r = run(image, memory, scale, env=s["env"], args=s["args"], log_pattern=s["heap"])
    if "error" in r:
        return r
    cpus = re.search(s["cpus"], r["log"]) if s["cpus"] else None
    return {"memorySeen": logged_bytes(s["memory"], r["log"]), "heapMax": logged_bytes(s["heap"], r["log"]),
            "cpuCount": int(cpus.group(1)) if cpus else r["cpuCount"], "options": s["args"] + s["env"],
            "workRequests": r["workRequests"], "oomKilled": r["oomKilled"], "logTail": r["log"][-1500:]}


def judge(limit_bytes, shipped):
    if "error" in shipped:
        return [shipped["error"]]
    failures = []
    if shipped["outsideBefore"]["limit"] != str(limit_bytes):
        failures.append(f"the cgroup's limit is {shipped['outsideBefore']['limit']}, not {limit_bytes}")
    if shipped["serviceLimit"] != limit_bytes:
        failures.append(f"the service's limit gauge reads {shipped['serviceLimit']}, not {limit_bytes}")
    sets = (shipped["outsideBefore"]["workingSet"], shipped["outsideAfter"]["workingSet"])
    lo, hi = min(sets) - TOLERANCE, max(sets) + TOLERANCE
    ws = shipped["serviceWorkingSet"]
    if ws is None or not lo <= ws <= hi:
        failures.append(f"the service's working set {ws} is outside {lo}..{hi} read from outside")
    return failures


def view(v, matrix, scale):
    """One variant's row, filled in as far as it got: on an exception, what is missing carries its message
    in the `error` fields bench's CgroupChecks reads (shipped, withoutHeapOption), and failures has it too."""
    row = {"variant": v, "runtime": None, "image": None, "limitBytes": 0, "shipped": None, "withoutHeapOption": None,
           "failures": []}
    try:
        built = json.loads((ROOT / f"images/.built/{v}.json").read_text())
        name = built.get("variant", v)
        if name not in matrix:
            raise RuntimeError(f"{name} is not a variant in images/variants.yaml")
        row["runtime"] = runtime = matrix[name]["runtime"]
        memory, row["limitBytes"] = ("64m", 64 * MIB) if runtime == "native" else ("256m", 256 * MIB)
        image = f"{REPO}:{v}"
        row["image"] = engine("image", "inspect", "-f", "{{.Id}}", image)
        shipped = run(image, memory, scale)
        shipped.pop("log", None)
        row["shipped"], row["failures"] = shipped, judge(row["limitBytes"], shipped)
        row["withoutHeapOption"] = sizing(runtime, image, memory, scale)
    except Exception as e:  # recorded for this variant; the next one is still viewed
        error = str(e) if isinstance(e, RuntimeError) else f"{type(e).__name__}: {e}"
        row["error"] = error
        row["shipped"] = row["shipped"] or {"error": error}
        row["withoutHeapOption"] = row["withoutHeapOption"] or {"error": error}
        row["failures"].append(error)
    return row


def write(text, out):
    """To stdout, or to `out` whole: a temporary file beside it, renamed over it, so no reader sees half."""
    if out is None:
        print(text)
        return
    out = pathlib.Path(out)
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.")
    try:
        with os.fdopen(fd, "w") as f:
            f.write(text + "\n")
        # mkstemp makes it owner-only; a result file is as readable as any other the umask allows
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o644 & ~umask)
        os.replace(tmp, out)
    except BaseException:
        os.unlink(tmp)
        raise


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--time-scale", type=int, default=1)
    p.add_argument("--out", metavar="FILE")
    p.add_argument("variants", nargs="+")
    a = p.parse_args()
    if a.time_scale < 1:
        p.error(f"--time-scale must be a whole number from 1, not {a.time_scale}")
    if not ENGINE:
        p.exit(2, "error: no container engine: install podman (tools/setup-host.sh) or docker\n")
    if a.out and not pathlib.Path(a.out).parent.is_dir():
        p.error(f"--out {a.out}: no directory {pathlib.Path(a.out).parent}")
    import yaml
    matrix = {v["name"]: v for v in yaml.safe_load((ROOT / "images/variants.yaml").read_text())["variants"]}
    v2 = pathlib.Path("/sys/fs/cgroup/cgroup.controllers").exists()
    rows = []
    for v in a.variants:
        rows.append(view(v, matrix, a.time_scale))
        failures = rows[-1]["failures"]
        print(f"cgroup view {v}: {'ok' if not failures else '; '.join(failures)}", file=sys.stderr)
    write(json.dumps({"cgroup": "v2" if v2 else "v1", "tolerance": TOLERANCE, "rows": rows}, indent=2), a.out)
    return 1 if any(r["failures"] for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
