#!/usr/bin/env bash
# Creates a scratch org for Account Relationships, deploys the project into it and assigns the
# package's admin permission set to the org's default user.
#
# Usage:
#   scripts/create-scratch-org.sh [features-on|features-off] [alias] [--dry-run]
#
#   features-on   (default) config/project-scratch-def.json: Contacts to Multiple Accounts and
#                 Account Teams enabled
#   features-off  config/features-off-scratch-def.json: both features disabled, so
#                 AccountContactRelation, AccountTeamMember and UserAccountTeamMember do not exist
#   alias         scratch org alias (default: ar-features-on / ar-features-off)
#   --dry-run     print the sf commands instead of running them
#
# The new org becomes the project's default target-org.
# Needs an authorised Dev Hub set as target-dev-hub (sf org login web --set-default-dev-hub).
# Then load sample data with: scripts/seed-scratch-org.sh data/get-cloudy <alias>
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }

dry_run=false
args=()
for arg in "$@"; do
  case "$arg" in
    -h | --help) usage; exit 0 ;;
    --dry-run) dry_run=true ;;
    -*) echo "create-scratch-org: unknown option $arg" >&2; usage >&2; exit 2 ;;
    *) args+=("$arg") ;;
  esac
done
if ((${#args[@]} > 2)); then
  echo "create-scratch-org: too many arguments" >&2; usage >&2; exit 2
fi

variant="${args[0]:-features-on}"
case "$variant" in
  features-on) definition=config/project-scratch-def.json ;;
  features-off) definition=config/features-off-scratch-def.json ;;
  *) echo "create-scratch-org: first argument must be features-on or features-off, not '$variant'" >&2; exit 2 ;;
esac
alias="${args[1]:-ar-$variant}"

cd "$(dirname "$0")/.."

sf() {
  if $dry_run; then
    printf '+ sf'; printf ' %q' "$@"; printf '\n'
  else
    npm exec --no -- sf "$@"
  fi
}

echo "Creating scratch org '$alias' from $definition…"
sf org create scratch --definition-file "$definition" --alias "$alias" --set-default --duration-days 7 --wait 15

# Deploy every package directory that holds metadata (an empty one makes the deploy fail).
deploy_args=()
deploy_dirs=()
for dir in force-app unpackaged; do
  if [[ -n "$(find "$dir" -type f ! -name '.*' -print -quit 2>/dev/null)" ]]; then
    deploy_args+=(--source-dir "$dir")
    deploy_dirs+=("$dir")
  fi
done
if ((${#deploy_args[@]})); then
  echo "Deploying ${deploy_dirs[*]}…"
  sf project deploy start "${deploy_args[@]}" --target-org "$alias" --wait 30
else
  echo "Nothing to deploy yet (force-app and unpackaged hold no metadata)."
fi

permset=AccountRelationships_Admin
if [[ -f "force-app/main/default/permissionsets/$permset.permissionset-meta.xml" ]]; then
  echo "Assigning permission set $permset…"
  sf org assign permset --name "$permset" --target-org "$alias"
else
  echo "Permission set $permset is not in force-app yet: skipped assigning it." >&2
fi

echo "Done. Open the org with: npm exec -- sf org open --target-org $alias"
