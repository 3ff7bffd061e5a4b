# Shared by the scratch-org scripts (source it): --help prints the script's header comment,
# --dry-run prints the sf commands instead of running them, other arguments land in `args`.
# `sf` runs the project's own Salesforce CLI (npm exec) from the project root.

script_name="$(basename "$0" .sh)"

# The CLI is pinned by package-lock.json: it must not update itself (both names are documented),
# nor send usage data from scripts.
export SF_AUTOUPDATE_DISABLE=true SF_DISABLE_AUTOUPDATE=true SF_DISABLE_TELEMETRY=true
project_root="$(cd "$(dirname "$0")/.." && pwd)"

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }

# Prints "<script>: <message>" and the usage to stderr, and exits with status 2.
usage_error() {
  echo "$script_name: $*" >&2
  usage >&2
  exit 2
}

dry_run=false
args=()

# Parses the options; keeps between $1 and $2 positional arguments in `args`.
parse_args() {
  local min="$1" max="$2"
  shift 2
  for arg in "$@"; do
    case "$arg" in
      -h | --help) usage; exit 0 ;;
      --dry-run) dry_run=true ;;
      -*) usage_error "unknown option $arg" ;;
      *) args+=("$arg") ;;
    esac
  done
  if ((${#args[@]} < min || ${#args[@]} > max)); then
    usage_error "expected $min to $max arguments, got ${#args[@]}"
  fi
}

sf() {
  if $dry_run; then
    printf '+ sf'; printf ' %q' "$@"; printf '\n'
  else
    (cd "$project_root" && npm exec --no -- sf "$@")
  fi
}
