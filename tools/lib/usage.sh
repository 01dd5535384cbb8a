# Sourced first by every script under images/, bench/, k8s/ and tools/, with the script's arguments:
# -h or --help first prints the script's header comment (its usage, written once there) and exits;
# usage_error MESSAGE prints the message and that usage to stderr and exits 2.
script_usage() { awk 'NR == 1 && /^#!/ { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"; }
usage_error() { printf '%s: %s\n\n' "${0#./}" "$*" >&2; script_usage >&2; exit 2; }
case ${1:-} in -h | --help) script_usage; exit 0 ;; esac
