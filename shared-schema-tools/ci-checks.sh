#!/usr/bin/env bash
# Schema checks for CI: `check` of the working tree's subgraph schemas (and the composed supergraph,
# with the trusted operations and the client packages of clients/clients.json) against a baseline
# git revision, then `version` (the client packages' versions follow the schema changelog's) and
# `lint` of every subgraph.
#
#   shared-schema-tools/ci-checks.sh [BASELINE_REF]     (default: HEAD~1)
#
# The baseline falls back gracefully while the repository is young: when HEAD is the first commit
# (so there is nothing to compare with), or the baseline holds none of the schema files, the check is
# skipped with a note (exit 0); lint still runs. Past the first commit a baseline that does not exist
# is an error (exit 2): a mistyped ref must not let every change through.
# A shallow clone that lacks the baseline fetches one more commit; if it still lacks it, that is an
# error (exit 2), not a young repository.
# Exit codes: 0 ok, 1 breaking change or lint failure, 2 usage or input error.
set -uo pipefail

module_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(dirname "$module_dir")"
cd "$repo_dir" || exit 2
baseline="${1:-HEAD~1}"
tools="$module_dir/schema-tools"
gateway="gateway-config"

shopt -s nullglob
subgraph_files=("$gateway"/subgraphs/*.graphql)
if [[ ${#subgraph_files[@]} -eq 0 ]]; then
	echo "schema checks: no $gateway/subgraphs/*.graphql yet, nothing to check"
	exit 0
fi

if ! git rev-parse --verify --quiet "$baseline^{commit}" >/dev/null &&
	[[ "$(git rev-parse --is-shallow-repository 2>/dev/null)" == true ]]; then
	# one more commit of history is usually all the default baseline needs
	git fetch --quiet --deepen=1 >/dev/null 2>&1 || true
fi

check_args=()
baseline_has_files=false
for file in "${subgraph_files[@]}"; do
	check_args+=(--subgraph "$(basename "$file" .graphql)=$file")
	if git rev-parse --verify --quiet "$baseline:$file" >/dev/null 2>&1; then
		baseline_has_files=true
	fi
done
[[ -f "$gateway/supergraph.graphql" ]] && check_args+=(--supergraph "$gateway/supergraph.graphql")
if [[ -d "$gateway/operations" ]]; then
	check_args+=(--operations "$gateway/operations")
	# name the client packages each affected operation is generated into
	[[ -f clients/clients.json ]] && check_args+=(--clients clients/clients.json)
fi

# the one case where a missing baseline is expected: nothing was committed before HEAD
head_has_parent() {
	git rev-parse --verify --quiet "HEAD^1^{commit}" >/dev/null
}

status=0
if ! git rev-parse --verify --quiet "$baseline^{commit}" >/dev/null &&
	[[ "$(git rev-parse --is-shallow-repository 2>/dev/null)" == true ]]; then
	# a shallow clone (CI checkouts fetch one commit by default) lacks the baseline although
	# it exists: skipping would let every breaking change through
	echo "schema checks: error: baseline '$baseline' is not in this shallow clone; fetch the history (actions/checkout: fetch-depth: 0, or git fetch --deepen=1)" >&2
	status=2
elif ! git rev-parse --verify --quiet "$baseline^{commit}" >/dev/null && head_has_parent; then
	echo "schema checks: error: unknown baseline revision '$baseline' (a branch, tag or commit of this repository); a mistyped ref would skip the breaking-change check" >&2
	status=2
elif ! git rev-parse --verify --quiet "$baseline^{commit}" >/dev/null; then
	echo "schema checks: note: HEAD is the first commit, no baseline '$baseline' to compare with, breaking-change check skipped"
elif [[ "$baseline_has_files" != true ]]; then
	echo "schema checks: note: baseline '$baseline' has none of the subgraph schemas, breaking-change check skipped"
else
	echo "schema checks: check against $baseline"
	"$tools" check "${check_args[@]}" --baseline "$baseline" || status=$?
fi

if [[ -f clients/clients.json ]]; then
	echo "schema checks: client versions follow the schema's version (docs/schema-changelog.md)"
	version_status=0
	"$tools" version --clients clients/clients.json || version_status=$?
	[[ $version_status -gt $status ]] && status=$version_status
fi

echo "schema checks: lint"
lint_status=0
"$tools" lint "${subgraph_files[@]}" || lint_status=$?
# the more serious outcome wins: 2 (input error) over 1 (failure) over 0
if [[ $lint_status -gt $status ]]; then
	status=$lint_status
fi
exit "$status"
