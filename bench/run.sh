#!/usr/bin/env bash
# Reproduces the measurements: builds the images the selected targets need, runs the bench, and
# writes bench/results/RUN-ID/ plus docs/memory.md and docs/charts/ (a --quick run reports into
# its results directory instead).
# usage: bench/run.sh [--offline] [--no-build] [bench run options]
#   bench/run.sh --offline --targets all            the full run behind docs/memory.md
#   bench/run.sh --offline --quick --targets jvm-slim,go-nethttp
#   bench/run.sh --image REF --port-env PORT --path / [--work-path /work?kib=256]   a user's image
#   bench/run.sh report [--run RUN-ID]              regenerate docs from committed results
# Other options: bench/run.sh run --help
set -euo pipefail
. "$(dirname "$0")/../tools/lib/usage.sh" "${1:-}" # only a first -h/--help: `bench/run.sh run --help` is the bench's own
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[[ ${1:-} == run ]] && shift # `bench/run.sh run ...` is the same as `bench/run.sh ...`

jar=bench/target/footprint-bench.jar
if [[ ! -f $jar || -n $(find bench/src/main bench/pom.xml memory-probe/src/main -newer "$jar" -print -quit) ]]; then
  ./mvnw -B -q -ntp package -DskipTests -pl bench -am
fi
# Run from a copy: rebuilding the project during an hour-long run must not pull the jar from under it.
run_jar=$(mktemp -t footprint-bench.XXXXXX.jar)
trap 'rm -f "$run_jar"' EXIT
cp "$jar" "$run_jar"
bench() { java -jar "$run_jar" "$@"; }

case ${1:-} in report|images|overlays|native-build|levers-report|attribution-report|cgroup-report) bench "$@"; exit ;; esac
# The soak, like a run, keeps the bench on wrk's core (0) and the measured container on core 1.
[[ ${1:-} == soak ]] && { taskset -c 0 java -jar "$run_jar" "$@"; exit; }

offline=(); build=true; args=()
for a in "$@"; do
  case $a in
    --offline) offline=(--offline) ;;
    --no-build) build=false ;;
    *) args+=("$a") ;;
  esac
done
# Every option checked before any image is built: a typo is an error with the usage, not an hour of builds.
for a in "${args[@]}"; do [[ $a == -h || $a == --help ]] && { bench run --help; exit; }; done
bench run --parse-only "${args[@]}"

if $build && [[ " ${args[*]} " != *" --image "* ]]; then
  targets=all; file=bench/targets.yaml
  for ((i = 0; i < ${#args[@]}; i++)); do
    case ${args[i]} in
      --targets) targets=${args[i + 1]} ;; --targets=*) targets=${args[i]#--targets=} ;;
      --targets-file) file=${args[i + 1]} ;; --targets-file=*) file=${args[i]#--targets-file=} ;;
    esac
  done
  # bench images names each build directly ("service VARIANT [images/build.sh options]", "peer NAME"):
  # one images/build.sh call per set of options, with every variant that needs them (a variant that
  # cannot be built here is then skipped).
  declare -A builds=(); peers=()
  while read -r kind name flags; do
    case $kind in
      service)
        flags=${flags:-" "} # (an associative array's key cannot be empty)
        [[ " ${builds[$flags]:-} " == *" $name "* ]] || builds[$flags]+=" $name" ;;
      peer) peers+=("$name") ;;
    esac
  done < <(bench images --targets "$targets" --targets-file "$file")
  for flags in "${!builds[@]}"; do
    images/build.sh ${builds[$flags]} $flags "${offline[@]}"
  done
  ((${#peers[@]})) && bench/peers/build.sh $(printf '%s\n' "${peers[@]}" | sort -u) "${offline[@]}"
fi

# The bench itself runs on the load generator's core (--generator-cpus, default 0), as wrk and hey
# do, so the measured container has its core to itself.
gen_cpus=0
for ((i = 0; i < ${#args[@]}; i++)); do
  case ${args[i]} in --generator-cpus) gen_cpus=${args[i + 1]} ;; --generator-cpus=*) gen_cpus=${args[i]#--generator-cpus=} ;; esac
done
if [[ $gen_cpus == none ]]; then bench run "${args[@]}"; else taskset -c "$gen_cpus" java -jar "$run_jar" run "${args[@]}"; fi
