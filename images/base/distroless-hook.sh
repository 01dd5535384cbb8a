#!/bin/sh
# mmdebstrap customize hook for the distroless base: $1 is the new root filesystem.
# usage: distroless-hook.sh ROOTFS   (mmdebstrap --customize-hook runs it)
set -eu
case ${1:-} in -h | --help) sed -n 's/^# //; 3p' "$0"; exit 0 ;; -* | '') sed -n 's/^# //; 3p' "$0" >&2; exit 2 ;; esac
root=$1
# Executables that came in only as dependencies of the listed packages (debconf, openssl, mawk):
# a distroless image has no shell, no package manager and no tools.
rm -rf "$root"/usr/bin/* "$root"/usr/sbin/* "$root"/usr/share/perl5 "$root"/usr/share/debconf \
       "$root"/usr/lib/ssl/misc "$root"/usr/share/lintian "$root"/usr/share/bash-completion \
       "$root"/usr/share/gdb "$root"/usr/share/pixmaps "$root"/var/cache/debconf \
       "$root"/var/lib/apt "$root"/var/cache/apt "$root"/etc/apt "$root"/var/log/apt
# Users as distroless has them: root, nobody and nonroot (65532).
cat > "$root/etc/passwd" <<'P'
root:x:0:0:root:/root:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin
P
cat > "$root/etc/group" <<'G'
root:x:0:
nobody:x:65534:
nonroot:x:65532:
G
mkdir -p "$root/root" "$root/home/nonroot" "$root/tmp" "$root/etc/ssl/certs"
chown 65532:65532 "$root/home/nonroot"; chmod 700 "$root/root"; chmod 1777 "$root/tmp"
# update-ca-certificates (a maintainer script) did not run: build its bundle the same way.
cat "$root"/usr/share/ca-certificates/mozilla/*.crt > "$root/etc/ssl/certs/ca-certificates.crt"
