#!/usr/bin/env bash
# Checks that every script under images/, bench/, k8s/ and tools/ prints its usage for -h and --help
# and does nothing else (exits 0 at once, leaves the work tree and the images as they were), and
# that an unknown option is an error (exit 2) with the usage on stderr. CI runs it.
# usage: tools/scripts-check.sh
set -euo pipefail
. "$(dirname "$0")/lib/usage.sh"
cd "$(dirname "$0")/.."
(($# == 0)) || usage_error "takes no arguments"

state() { git status --porcelain; command -v podman >/dev/null && podman images -q | sort; true; }
failures=0
fail() { echo "  FAIL $*" >&2; failures=$((failures + 1)); }
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT

# images/lib.sh and tools/lib/ are sourced, not run.
mapfile -t scripts < <(find images bench k8s tools -name '*.sh' ! -path images/lib.sh ! -path 'tools/lib/*' | sort)
for s in "${scripts[@]}"; do
  failed=$failures
  for h in -h --help; do
    before=$(state)
    code=0; timeout 20 "$s" "$h" >"$out" 2>"$err" || code=$?
    if ((code)); then fail "$s $h: exit $code ($(head -c 300 "$err"))"; continue; fi
    grep -qi '^usage:' "$out" || fail "$s $h: no usage line on stdout"
    [[ $(state) == "$before" ]] || fail "$s $h: changed the work tree or the images"
  done
  # bench/run.sh checks its options with the bench's own parser, which it may first have to build.
  code=0; timeout 300 "$s" --no-such-option >"$out" 2>"$err" || code=$?
  ((code == 2)) || fail "$s --no-such-option: exit $code, not 2"
  grep -qi 'usage:' "$err" || fail "$s --no-such-option: no usage on stderr"
  ((failures > failed)) || echo "  ok   $s"
done
((failures == 0)) || { echo "scripts-check: $failures failure(s)" >&2; exit 1; }
echo "scripts-check: ${#scripts[@]} scripts answer --help and refuse an unknown option"
