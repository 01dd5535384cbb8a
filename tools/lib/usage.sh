# Sourced first by every script under images/, bench/, k8s/ and tools/, with the script's arguments:
# -h or --help among them prints the script's header comment (its usage, written once there) and exits;
# usage_error MESSAGE prints the message and that usage to stderr and exits 2.
# (The script's path is taken now, before the script changes directory.)
usage_script=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
script_usage() { awk 'NR == 1 && /^#!/ { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$usage_script"; }
usage_error() { printf '%s: %s\n\n' "${0#./}" "$*" >&2; script_usage >&2; exit 2; }
for usage_arg in "$@"; do case $usage_arg in -h | --help) script_usage; exit 0 ;; esac; done
