#!/bin/bash
# PID 1 of the cgroup v2 guest (tools/cgroup-v2-guest.sh), started by /usr/sbin/footprint-init once the job
# share is at /job: mounts what systemd would (the unified cgroup hierarchy among it), loads the images the
# host saved, runs /job/cmd from the repository at /work, writes its exit status to /job/out/rc, powers off.
# usage: copied to the job directory by tools/cgroup-v2-guest.sh run; not for running by hand
set -u
# Anywhere but as the guest's PID 1 it only prints its usage: its last step powers the machine off.
if (($$ != 1)); then
  usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }
  case ${1:-} in -h | --help) usage; exit 0 ;; esac
  { echo "$0 is PID 1 of the cgroup v2 guest: run tools/cgroup-v2-guest.sh"; usage; } >&2; exit 2
fi
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin HOME=/root LANG=C.UTF-8
# Power off, then wait for it: PID 1 returning first would panic the kernel.
trap 'sync; echo o > /proc/sysrq-trigger; sleep 60' EXIT
say() { echo "guest: $*" > /dev/console; }

mountpoint -q /dev || mount -t devtmpfs devtmpfs /dev
mkdir -p /dev/pts /dev/shm
mount -t devpts devpts /dev/pts
mount -t tmpfs tmpfs /dev/shm
ln -sfn /proc/self/fd /dev/fd
mount -t tmpfs -o mode=755 tmpfs /run
mount -t tmpfs tmpfs /tmp
mount -t cgroup2 cgroup2 /sys/fs/cgroup || { say "cannot mount cgroup2"; exit; }
# Every controller a container needs, delegated from the root as systemd would for its slices.
echo "+cpu +cpuset +io +memory +pids" > /sys/fs/cgroup/cgroup.subtree_control
ip link set lo up
hostname guest
mkdir -p /work
mount -t 9p -o trans=virtio,version=9p2000.L,msize=1048576,ro work /work || { say "no work share"; exit; }

set -a; . /job/env; set +a
# The network qemu gives with --relay-port only (user mode: the guest is 10.0.2.15, the relay 10.0.2.100).
# The targets listen on 127.0.0.1 only: what comes to the forwarded port is turned to it (route_localnet).
if [[ -n ${GUEST_RELAY_PORT:-} ]] && modprobe virtio_net && nic=$(ls /sys/class/net | grep -vx lo | head -1) && [[ -n $nic ]]; then
  ip addr add 10.0.2.15/24 dev "$nic" && ip link set "$nic" up && sysctl -qw net.ipv4.conf.all.route_localnet=1 &&
    nft "add table ip relay; add chain ip relay in { type nat hook prerouting priority dstnat; };
         add rule ip relay in iifname $nic tcp dport $GUEST_RELAY_PORT dnat to 127.0.0.1:$GUEST_RELAY_PORT" ||
    { say "the relay's network did not come up"; echo 1 > /job/out/rc; exit; }
fi
cd /work
if [[ -e /job/images.tar ]]; then
  say "loading images"
  podman load -q -i /job/images.tar > /job/out/load.txt 2>&1 || { say "podman load failed"; cat /job/out/load.txt > /dev/console; echo 1 > /job/out/rc; exit; }
fi
while read -r ref id; do
  [[ $(podman image inspect -f '{{.Id}}' "$ref" 2>/dev/null) == "$id" ]] && echo "$ref $id" >> /job/out/loaded
done < <(cat /job/images.list 2>/dev/null)
say "running: $(cat /job/cmd)"
bash -c "$(cat /job/cmd)" 2>&1 | tee /job/out/console.txt > /dev/console
echo "${PIPESTATUS[0]}" > /job/out/rc
