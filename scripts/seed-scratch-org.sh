#!/usr/bin/env bash
# Loads a dataset from data/ (or one made by scripts/generate-hierarchy.mjs) into an org with
# `sf data import tree --plan`.
#
# Usage:
#   scripts/seed-scratch-org.sh <dataset-folder> [org alias] [--dry-run]
#
#   dataset-folder  a folder holding exactly one *-plan.json, e.g. data/get-cloudy
#   org alias       target org (default: the project's target-org)
#   --dry-run       print the sf command instead of running it
#
# Only records are imported. org.json (features, sharing defaults, users, teams) is not: User
# records, profiles and permission sets differ per org, so create users and assign permission
# sets yourself; the features come from the scratch org definition (scripts/create-scratch-org.sh).
# Import a dataset into an org whose features match: AccountContactRelation records need
# Contacts to Multiple Accounts. The tree API inserts 200 records per request and a Developer
# scratch org holds about 200 MB, so generated hierarchies beyond ~50,000 accounts will not fit.
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }

dry_run=false
args=()
for arg in "$@"; do
  case "$arg" in
    -h | --help) usage; exit 0 ;;
    --dry-run) dry_run=true ;;
    -*) echo "seed-scratch-org: unknown option $arg" >&2; usage >&2; exit 2 ;;
    *) args+=("$arg") ;;
  esac
done
if ((${#args[@]} < 1 || ${#args[@]} > 2)); then
  usage >&2; exit 2
fi

dataset="${args[0]%/}"
if [[ ! -d "$dataset" ]]; then
  echo "seed-scratch-org: $dataset is not a folder" >&2; exit 2
fi
shopt -s nullglob
plans=("$dataset"/*-plan.json)
if ((${#plans[@]} != 1)); then
  echo "seed-scratch-org: expected exactly one *-plan.json in $dataset, found ${#plans[@]}" >&2; exit 2
fi
plan="$(cd "$(dirname "${plans[0]}")" && pwd)/$(basename "${plans[0]}")"

cmd=(data import tree --plan "$plan")
if ((${#args[@]} == 2)); then
  cmd+=(--target-org "${args[1]}")
fi

if [[ -f "$dataset/org.json" ]]; then
  echo "Note: $dataset/org.json (features, sharing defaults, users) is not imported; see --help."
fi
if $dry_run; then
  printf '+ sf'; printf ' %q' "${cmd[@]}"; printf '\n'
else
  echo "Importing $plan…"
  # Run from the project root so npm exec finds the project's sf; the plan path is absolute.
  cd "$(dirname "$0")/.."
  npm exec --no -- sf "${cmd[@]}"
fi
