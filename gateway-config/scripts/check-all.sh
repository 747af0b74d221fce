#!/usr/bin/env bash
# The one gateway-config check CI calls: installs the pinned Node packages when needed, then checks
# that the files generated from subgraphs.json, supergraph.graphql and trusted-documents.json are fresh,
# that compose.yaml is valid, that the Prometheus alert rules load (promtool, from
# scripts/install-observability-tools.sh), and runs
# the router tests (skip them with --no-router-tests). Exits non-zero if any step fails.
set -uo pipefail
cd "$(dirname "$0")/.."

run_router_tests=true
[[ "${1:-}" == "--no-router-tests" ]] && run_router_tests=false

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "✖ gateway-config: Node.js 20+ with npm is required, and node was not found on PATH" >&2
  exit 1
fi
if (( $(node -p 'process.versions.node.split(".")[0]') < 20 )); then
  echo "✖ gateway-config: Node.js 20+ is required, found $(node --version)" >&2
  exit 1
fi

# npm ci only when node_modules is missing or was installed from another package-lock.json.
stamp=node_modules/.installed-lock.sha256
lock_hash=$(node -e 'const c=require("node:crypto"),f=require("node:fs");process.stdout.write(c.createHash("sha256").update(f.readFileSync("package-lock.json")).digest("hex"))')
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$lock_hash" ]]; then
  echo "▶ npm ci (node_modules missing or stale)"
  if ! npm ci --no-audit --no-fund; then
    echo "✖ gateway-config: npm ci failed" >&2
    exit 1
  fi
  echo "$lock_hash" > "$stamp"
fi

failed=()
step() {
  local name=$1
  shift
  echo "▶ $name"
  "$@" || failed+=("$name")
}

step "subgraph registry (npm run registry:check)" npm run -s registry:check
step "composition (npm run compose:check)" npm run -s compose:check
step "trusted documents (npm run manifest:check)" npm run -s manifest:check
step "compose.yaml (npm run validate:compose)" npm run -s validate:compose
if command -v promtool >/dev/null 2>&1; then
  step "alert rules (promtool check rules)" promtool check rules observability/prometheus/alerts.yml \
    observability/prometheus/supergraph-store-alerts.yml
  step "alert rule tests (promtool test rules)" promtool test rules observability/prometheus/supergraph-store-alerts.test.yml \
    observability/prometheus/alerts.test.yml
elif [[ "${CI:-}" == "true" ]]; then
  echo "✖ promtool is missing: CI runs scripts/install-observability-tools.sh first" >&2
  failed+=("alert rules (promtool missing)")
else
  echo "⚠ alert rules NOT checked: promtool missing (bash scripts/install-observability-tools.sh installs it)" >&2
fi
if $run_router_tests; then
  step "router tests (npm test)" npm test --silent
fi

if (( ${#failed[@]} )); then
  echo "✖ gateway-config checks failed:" >&2
  printf '  - %s\n' "${failed[@]}" >&2
  exit 1
fi
echo "✔ gateway-config checks passed"
