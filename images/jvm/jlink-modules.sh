#!/bin/sh
# Prints the JDK modules the service needs, comma-separated, for jlink --add-modules.
# usage: jlink-modules.sh QUARKUS_APP_DIR   (a JDK's bin/ on PATH)
# jdeps refuses modular jars given as roots whose dependencies are not modules ("Module X not
# found"), so only the service's own jars are roots and every dependency goes on the class path,
# where module descriptors are ignored. What jdeps cannot see (modules used only through
# ServiceLoader or reflection) is listed in runtime-modules.
set -eu
case ${1:-} in -h | --help) sed -n 's/^# //; 3p' "$0"; exit 0 ;; -* | '') sed -n 's/^# //; 3p' "$0" >&2; exit 2 ;; esac
app=$1
here=$(cd "$(dirname "$0")" && pwd)
classpath=$(ls "$app"/lib/boot/*.jar "$app"/lib/main/*.jar | paste -sd: -)
static=$(jdeps --ignore-missing-deps --multi-release "${JDEPS_RELEASE:-25}" --print-module-deps -q \
  --class-path "$classpath" "$app"/quarkus-run.jar "$app"/app/*.jar "$app"/quarkus/*.jar)
runtime=$(grep -v '^#' "$here/runtime-modules" | tr -s ' \n' ',' | sed 's/^,//; s/,$//')
echo "$static${runtime:+,$runtime}" | tr ',' '\n' | sed '/^$/d' | sort -u | paste -sd, -
