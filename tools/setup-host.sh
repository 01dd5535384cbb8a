#!/usr/bin/env bash
# Prepares a Debian host to build, run and measure the images: container engine, offline-base
# tooling, load generators, the cgroup v2 guest's emulator. Idempotent; never overwrites a
# containers.conf the user already has.
# usage: tools/setup-host.sh   (as root)
set -euo pipefail
. "$(dirname "$0")/lib/usage.sh"
(($# == 0)) || usage_error "takes no arguments"

pkgs=()
for p in podman runc catatonit uidmap slirp4netns fuse-overlayfs mmdebstrap wrk hey time curl python3 python3-yaml procps binutils \
    qemu-system-x86 e2fsprogs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || pkgs+=("$p")
done
if ((${#pkgs[@]})); then
  echo "setup-host: installing ${pkgs[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
fi

# Podman on hosts with hybrid/v1 cgroups: crun refuses them and runc works; podman's default
# ulimits can exceed the host's hard limits. Add a drop-in only when the host needs it and no
# configuration of the user's already decides it.
conf_dir=/etc/containers/containers.conf.d
drop_in=$conf_dir/50-footprint.conf
if [[ ! -e $drop_in ]] && ! grep -qsE '^\s*(runtime|default_ulimits)\s*=' /etc/containers/containers.conf $conf_dir/*.conf; then
  lines=()
  [[ $(stat -fc %T /sys/fs/cgroup) != cgroup2fs ]] && lines+=("[engine]" 'runtime = "runc"')
  hn=$(ulimit -Hn); hu=$(ulimit -Hu)
  if [[ $hn != unlimited && $hn -lt 1048576 ]] || [[ $hu != unlimited && $hu -lt 4194304 ]]; then
    n=$(( hn == 0 ? 1024 : (hn < 1024 ? hn : 1024) )); u=$(( hu < 1000 ? hu : 1000 ))
    lines=("[containers]" "default_ulimits = [\"nofile=$n:$n\", \"nproc=$u:$u\"]" "${lines[@]}")
  fi
  if ((${#lines[@]})); then
    mkdir -p "$conf_dir"
    printf '# written by footprint tools/setup-host.sh for this host\n%s\n' "$(printf '%s\n' "${lines[@]}")" > "$drop_in"
    echo "setup-host: wrote $drop_in"
  fi
fi
podman info --format '{{.Host.OCIRuntime.Name}} cgroup v{{.Host.CgroupsVersion}}' >/dev/null
