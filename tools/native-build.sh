#!/usr/bin/env bash
# Builds the native executable (./mvnw package -Dnative) and records how long it took, the image
# builder's peak memory and the executable's size in bench/results/native-build/, from which
# docs/native.md is generated (bench/run.sh report). Needs GRAALVM_HOME (or native-image on PATH).
# usage: GRAALVM_HOME=$(.ci/native-toolchain.sh) tools/native-build.sh
set -euo pipefail
. "$(dirname "$0")/lib/usage.sh"
cd "$(dirname "$0")/.."
(($# == 0)) || usage_error "takes no arguments"
ni=${GRAALVM_HOME:+$GRAALVM_HOME/bin/native-image}
ni=${ni:-$(command -v native-image || true)}
[[ -x $ni ]] || { echo "no native-image: set GRAALVM_HOME" >&2; exit 1; }
cmd=(./mvnw -B -ntp package -Dnative -DskipTests -pl service -am)
start=$(date +%s%N)
"${cmd[@]}"
wall=$(awk -v ns=$(( $(date +%s%N) - start )) 'BEGIN { printf "%.1f", ns / 1e9 }')
stats=$(ls service/target/*-native-image-source-jar/*-build-output-stats.json)
runner=$(ls service/target/*-runner)
[[ -f bench/target/footprint-bench.jar ]] || ./mvnw -B -q -ntp package -DskipTests -pl bench -am
java -jar bench/target/footprint-bench.jar native-build --stats "$stats" --executable "$runner" \
  --wall-seconds "$wall" --command "${cmd[*]}" --toolchain "$("$ni" --version | head -1)"
