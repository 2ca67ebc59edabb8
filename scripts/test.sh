#!/usr/bin/env bash
# Quick start, step 2 (`npm test`): the whole suite — unit, integration (in-process app over
# HTTP) and browser (Debian's Chromium). On SQLite by default; on PostgreSQL when DATABASE_URL
# is set. Extra arguments go to Jest.
set -euo pipefail
cd "$(dirname "$0")/.."
# One file at a time: integration files share the PostgreSQL database when DATABASE_URL is set,
# and the browser tests want both cores.
exec npx jest --runInBand "$@"
