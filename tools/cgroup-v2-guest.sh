#!/usr/bin/env bash
# A Debian trixie guest on the unified cgroup (v2) hierarchy, under qemu's software emulation (TCG): this
# host's memory controller is v1 and cannot switch, most Kubernetes nodes run v2. docs/cgroup-v2.md says
# what it is for and what its figures mean (emulated: times and speeds are not the host's).
# usage: tools/cgroup-v2-guest.sh build                      the guest's kernel and disk (idempotent; as root)
#        tools/cgroup-v2-guest.sh check [--out DIR] VARIANT...
#            tools/cgroup-checks.sh in the guest (images/check.sh and how each image sees its cgroup), on
#            the images images/build.sh built; its results (cgroup version and versions first) into DIR
#        tools/cgroup-v2-guest.sh run [--images REF,...] [--out DIR] [--relay-port PORT] -- COMMAND...
#            any command in the guest, from the repository at /work (read-only), with those images loaded;
#            --relay-port: the guest's PORT forwarded to this host's 127.0.0.1:PORT and an OpenLoopRelay at
#            10.0.2.100:7000 in the guest (bench run --open-loop-relay), so the open loop runs unemulated here
# env: FOOTPRINT_GUEST_DIR (~/.cache/footprint/cgroup-v2-guest), GUEST_CPUS (2), GUEST_MEMORY (4G),
#      GUEST_TIMEOUT (seconds a run may take, 3600), DEBIAN_MIRROR, GUEST_TIME_SCALE (10: how many times
#      longer images/check.sh waits in the guest than on a host); FOOTPRINT_IMAGE_REPO, FOOTPRINT_ENGINE (passed in)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib/usage.sh"
. "$here/../images/lib.sh"
repo=$(cd "$here/.." && pwd)

GUEST_DIR=${FOOTPRINT_GUEST_DIR:-$HOME/.cache/footprint/cgroup-v2-guest}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
CPUS=${GUEST_CPUS:-2}
MEMORY=${GUEST_MEMORY:-4G}
TIMEOUT=${GUEST_TIMEOUT:-3600}
TIME_SCALE=${GUEST_TIME_SCALE:-10}
DISK_SIZE=24G
# What the guest runs: podman with crun (Podman's default runtime on v2), the tools images/check.sh and
# tools/cgroup-checks.sh call, the bench's (a JRE with what its charts' fonts need, wrk, hey, GNU time,
# nftables for --relay-port), and Debian's kernel with its initramfs (virtio disk, 9p shares).
PACKAGES=(linux-image-amd64 initramfs-tools podman crun conmon netavark curl ca-certificates python3 python3-yaml
  iproute2 procps kmod openjdk-21-jre-headless libharfbuzz0b fontconfig fonts-dejavu-core wrk hey time nftables)

# The disk is rebuilt when what goes into it changes: the suite, the packages, tools/guest/rootfs/ (whose init
# sits under usr/: the guest's /sbin is a link to usr/sbin, which unpacking sbin/ over it would replace).
stamp() { { printf '%s\n' trixie "${PACKAGES[*]}"; tar -C "$here/guest/rootfs" -c --sort=name --mtime=@0 --owner=0 --group=0 .; } | sha256sum | cut -c1-16; }

# One guest at a time, build included: a build removes the disk a run would boot. Held until the script exits.
locked=false
lock_guest() {
  $locked && return
  mkdir -p "$GUEST_DIR"
  exec 9>"$GUEST_DIR/lock"
  flock -n 9 || die "another guest build or run holds $GUEST_DIR/lock"
  locked=true
}

cmd_build() {
  lock_guest
  if [[ -e $GUEST_DIR/root.img && $(cat "$GUEST_DIR/stamp" 2>/dev/null) == "$(stamp)" ]]; then
    log "guest: reusing $GUEST_DIR (rebuild: remove it)"; return
  fi
  # mmdebstrap picks its mode by user: root mode as root, the one this was made with; unshare mode otherwise.
  ((EUID == 0)) || die "building the guest needs root: mmdebstrap runs in its root mode here (its unshare mode, as $(id -un), is untested); build as root with FOOTPRINT_GUEST_DIR=$GUEST_DIR"
  command -v mmdebstrap >/dev/null || die "mmdebstrap is not installed (tools/setup-host.sh)"
  command -v mke2fs >/dev/null || die "mke2fs is not installed (e2fsprogs)"
  local start=$SECONDS root=$GUEST_DIR/rootfs
  rm -rf "$root" "$GUEST_DIR/root.img" "$GUEST_DIR/stamp" "$GUEST_DIR/loaded"
  log "guest: mmdebstrap trixie with ${PACKAGES[*]}"
  # Without man pages, but with their directory: the JRE's update-alternatives links its man page there.
  mmdebstrap --quiet --variant=apt --include="$(IFS=,; echo "${PACKAGES[*]}")" \
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
    --essential-hook='mkdir -p "$1/usr/share/man/man1"' \
    --customize-hook="sync-in $here/guest/rootfs /" \
    trixie "$root" "$MIRROR"
  cp "$(ls "$root"/boot/vmlinuz-* | tail -1)" "$GUEST_DIR/vmlinuz"
  cp "$(ls "$root"/boot/initrd.img-* | tail -1)" "$GUEST_DIR/initrd.img"
  # An ext4 image made from the directory (no loop mount); sparse, so its size is a ceiling.
  mke2fs -q -t ext4 -L footprint-guest -d "$root" "$GUEST_DIR/root.img" "$DISK_SIZE"
  rm -rf "$root"
  stamp > "$GUEST_DIR/stamp"
  log "guest: built in $((SECONDS - start)) s ($(du -sh "$GUEST_DIR/root.img" | cut -f1) used)"
}

# Boots the guest once: the job directory (init.sh, the command, images to load, out/) and the repository are
# shared over 9p; the guest powers itself off when the command ends, leaving its exit status in out/rc.
boot() { # job-dir [relay-port]
  local job=$1 relay_port=${2:-} nic=(-nic none)
  # restrict=on: the guest reaches nothing on this host but the relay; the relay loads only the forwarded port
  [[ -z $relay_port ]] || nic=(-nic "user,model=virtio-net-pci,restrict=on,hostfwd=tcp:127.0.0.1:$relay_port-10.0.2.15:$relay_port,guestfwd=tcp:10.0.2.100:7000-cmd:java -cp $repo/bench/target/footprint-bench.jar dev.footprint.bench.measure.OpenLoopRelay $relay_port")
  command -v qemu-system-x86_64 >/dev/null || die "qemu-system-x86_64 is not installed (tools/setup-host.sh)"
  # -cpu max: the instructions GraalVM's default target (x86-64-v3) and the JDK expect, emulated.
  timeout --kill-after=10 "$TIMEOUT" qemu-system-x86_64 -accel tcg -cpu max -smp "$CPUS" -m "$MEMORY" \
    -nographic -no-reboot "${nic[@]}" \
    -kernel "$GUEST_DIR/vmlinuz" -initrd "$GUEST_DIR/initrd.img" \
    -append "root=/dev/vda rw console=ttyS0 init=/usr/sbin/footprint-init cgroup_no_v1=all panic=-1 quiet" \
    -drive "file=$GUEST_DIR/root.img,if=virtio,format=raw" \
    -virtfs "local,path=$job,mount_tag=job,security_model=none,id=job" \
    -virtfs "local,path=$repo,mount_tag=work,security_model=none,readonly=on,id=work" \
    </dev/null 2>&1 | tee "$job/out/serial.txt" | sed -u 's/^/  guest| /' >&2 || true
  local kept="its last 30 lines above; --out DIR keeps it"
  [[ -z $guest_out ]] || kept=$guest_out/serial.txt
  [[ -s $job/out/rc ]] || { tail -30 "$job/out/serial.txt" >&2; die "the guest did not finish its command (serial console: $kept)"; }
}

# The job directory goes on every exit, die included; what the guest wrote to its out/ (the serial console
# among it) is kept only where --out asked for it. An EXIT trap's failing command would replace the status.
guest_job="" guest_out=""
clean_job() {
  local rc=$?
  set +e
  if [[ -n $guest_job ]]; then
    if [[ -n $guest_out ]]; then
      mkdir -p "$guest_out" && cp -r "$guest_job/out/." "$guest_out/" && log "guest: results in $guest_out"
    fi
    rm -rf "$guest_job"
  fi
  exit "$rc"
}

cmd_run() {
  local images=() out="" args=() relay_port=""
  while (($#)); do
    case $1 in
      --images) IFS=, read -ra images <<<"${2:?--images needs a value}"; shift 2 ;;
      --out) out=${2:?--out needs a directory}; shift 2 ;;
      --relay-port) relay_port=${2:?--relay-port needs a port}; shift 2
        [[ $relay_port =~ ^[0-9]{1,5}$ ]] && ((relay_port >= 1024 && relay_port <= 65535)) || usage_error "--relay-port must be a port from 1024 to 65535, not $relay_port"
        [[ -s $repo/bench/target/footprint-bench.jar ]] || die "--relay-port runs bench/target/footprint-bench.jar here: bench/run.sh builds it"
        ! (exec 3<>"/dev/tcp/127.0.0.1/$relay_port") 2>/dev/null || die "127.0.0.1:$relay_port is in use here: the guest's port is forwarded to it" ;;
      --) shift; args=("$@"); break ;;
      *) usage_error "unknown argument $1 (the command goes after --)" ;;
    esac
  done
  ((${#args[@]})) || usage_error "no command given (after --)"
  cmd_build # and the guest's lock with it

  local job; job=$(mktemp -d "${TMPDIR:-/tmp}/footprint-guest.XXXXXX")
  guest_job=$job guest_out=$out
  trap clean_job EXIT
  trap 'exit 129' HUP; trap 'exit 130' INT; trap 'exit 143' TERM # the signal's own exit status, after clean_job
  mkdir "$job/out"
  cp "$here/guest/init.sh" "$job/init.sh"
  printf '%q ' "${args[@]}" > "$job/cmd"
  # The image repository the host's scripts were told, so the guest's look for the same names (its engine is
  # always its own podman: the images come over as podman's archive).
  {
    printf 'GUEST_EMULATION=%q\n' "$(qemu-system-x86_64 --version | head -1), -accel tcg -cpu max -smp $CPUS -m $MEMORY"
    [[ -z ${FOOTPRINT_IMAGE_REPO:-} ]] || printf 'FOOTPRINT_IMAGE_REPO=%q\n' "$FOOTPRINT_IMAGE_REPO"
    [[ -z $relay_port ]] || printf 'GUEST_RELAY_PORT=%q\n' "$relay_port"
  } > "$job/env"
  # The guest keeps what it loaded on its disk: an image is saved only when its ID changed since.
  local save=() ref id
  mkdir -p "$GUEST_DIR/loaded"
  for ref in "${images[@]}"; do
    id=$("$ENGINE" image inspect -f '{{.Id}}' "$ref" 2>/dev/null) || die "no image $ref"
    printf '%s %s\n' "$ref" "$id" | tee -a "$job/out/images.txt" >> "$job/images.list"
    [[ $(cat "$GUEST_DIR/loaded/${ref//[\/:]/_}" 2>/dev/null) == "$id" ]] || save+=("$ref")
  done
  if ((${#save[@]})); then
    # What the guest holds under those names is unknown until it says it loaded them (out/loaded).
    for ref in "${save[@]}"; do rm -f "$GUEST_DIR/loaded/${ref//[\/:]/_}"; done
    log "guest: saving ${save[*]}"
    "$ENGINE" save -q -m --format docker-archive -o "$job/images.tar" "${save[@]}"
  fi
  log "guest: booting ($CPUS vCPUs, $MEMORY, emulated; serial console in $job/out/serial.txt)"
  local start=$SECONDS
  boot "$job" "$relay_port"
  # A requested image the guest did not report (its load failed, or the command removed it) is saved next time.
  for ref in "${images[@]}"; do rm -f "$GUEST_DIR/loaded/${ref//[\/:]/_}"; done
  while read -r ref id; do echo "$id" > "$GUEST_DIR/loaded/${ref//[\/:]/_}"; done < <(cat "$job/out/loaded" 2>/dev/null)
  local rc; rc=$(cat "$job/out/rc")
  log "guest: command exited $rc after $((SECONDS - start)) s"
  return "$rc" # clean_job keeps out/ in --out DIR and removes the job directory
}

cmd_check() {
  local out="" variants=() refs=() v
  while (($#)); do
    case $1 in
      --out) out=${2:?--out needs a directory}; shift 2 ;;
      -*) usage_error "unknown option $1" ;;
      *) variants+=("$1"); shift ;;
    esac
  done
  ((${#variants[@]})) || usage_error "no variant given"
  for v in "${variants[@]}"; do
    [[ -e $repo/images/.built/$v.json ]] || die "no build record for $v: images/build.sh $v --offline first"
    refs+=("${FOOTPRINT_IMAGE_REPO:-localhost/footprint/service}:$v")
  done
  cmd_run --images "$(IFS=,; echo "${refs[*]}")" ${out:+--out "$out"} -- \
    env CHECK_TIME_SCALE="$TIME_SCALE" bash tools/cgroup-checks.sh --out /job/out "${variants[@]}"
}

case ${1:-} in
  build) shift; (($# == 0)) || usage_error "build takes no arguments"; cmd_build ;;
  run) shift; cmd_run "$@" ;;
  check) shift; cmd_check "$@" ;;
  *) usage_error "expected build, run or check" ;;
esac
