#!/usr/bin/env bash
# Builds the TypeScript client as CI does: npm ci when node_modules is missing or stale, generate
# from the API schema and the trusted operations, compile with tsc, then its tests (unless --no-tests).
# A schema change that breaks the client or its sample application fails here with file and line.
set -euo pipefail
cd "$(dirname "$0")"

stamp=node_modules/.installed-lock.sha256
lock_hash=$(node -e 'const c=require("node:crypto"),f=require("node:fs");process.stdout.write(c.createHash("sha256").update(f.readFileSync("package-lock.json")).digest("hex"))')
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$lock_hash" ]]; then
  echo "▶ clients/typescript: npm ci (node_modules missing or stale)"
  npm ci --no-audit --no-fund
  echo "$lock_hash" > "$stamp"
fi

echo "▶ clients/typescript: generate and compile"
rm -rf dist src/generated
npm run --silent build
if [[ "${1:-}" != "--no-tests" ]]; then
  echo "▶ clients/typescript: tests"
  npm test --silent
fi
