#!/usr/bin/env bash
# Installs the Debian packages the observability checks need, when missing: headless Chromium and its
# WebDriver for the operator page's browser test, and promtool (package prometheus) for the alert
# rules. Called by .ci/run before the build; harmless to run again.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi
if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-observability-tools: missing ${missing[*]}; install them with your package manager" >&2
  exit 1
fi
echo "▶ apt-get install ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# Another apt may hold the lock for a while on a shared machine: wait for it rather than fail.
apt-get -o DPkg::Lock::Timeout=300 update -qq
apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}"
