#!/usr/bin/env bash
# Quick start, step 1 (`npm run setup`): installs what is missing (Debian packages, npm
# packages), builds, migrates the database, loads the demo contact center and starts the app.
#   SKIP_START=1 npm run setup   does everything but start the app.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
# haproxy: the load balancer of the multi-instance test (README, "Running several instances").
for pkg in chromium fonts-nanum poppler-utils haproxy; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Native modules (sqlite3) build against the system's Node headers: nodedir=/usr in .npmrc.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npm run build
npm run migrate
npm run demo

if [ "${SKIP_START:-0}" = "1" ]; then exit 0; fi
echo "Starting on http://localhost:${PORT:-3000}"
exec node dist/src/main.js
