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

source "$(dirname "$0")/lib/sf-script.sh"
parse_args 1 2 "$@"

dataset="${args[0]%/}"
if [[ ! -d "$dataset" ]]; then
  usage_error "$dataset is not a folder"
fi
shopt -s nullglob
plans=("$dataset"/*-plan.json)
if ((${#plans[@]} != 1)); then
  usage_error "expected exactly one *-plan.json in $dataset, found ${#plans[@]}"
fi
plan="$(cd "$(dirname "${plans[0]}")" && pwd)/$(basename "${plans[0]}")"

cmd=(data import tree --plan "$plan")
if ((${#args[@]} == 2)); then
  cmd+=(--target-org "${args[1]}")
fi

if [[ -f "$dataset/org.json" ]]; then
  echo "Note: $dataset/org.json (features, sharing defaults, users) is not imported; see --help."
fi
if ! $dry_run; then
  echo "Importing $plan…"
fi
sf "${cmd[@]}"
