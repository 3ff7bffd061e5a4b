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

source "$(dirname "$0")/lib/sf-script.sh"
parse_args 0 2 "$@"

variant="${args[0]:-features-on}"
case "$variant" in
  features-on) definition=config/project-scratch-def.json ;;
  features-off) definition=config/features-off-scratch-def.json ;;
  *) usage_error "first argument must be features-on or features-off, not '$variant'" ;;
esac
alias="${args[1]:-ar-$variant}"

cd "$project_root"

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
# Permission sets live in a permissionsets/ folder of some feature folder (force-app/main/shared today).
if [[ -n "$(find force-app -path "*/permissionsets/$permset.permissionset-meta.xml" -print -quit)" ]]; then
  echo "Assigning permission set $permset…"
  sf org assign permset --name "$permset" --target-org "$alias"
else
  echo "Permission set $permset is not in force-app yet: skipped assigning it." >&2
fi

echo "Done. Open the org with: npm exec -- sf org open --target-org $alias"
