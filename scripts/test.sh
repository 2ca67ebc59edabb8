#!/usr/bin/env bash
# Quick start, step 2 (`npm test`): the whole suite — unit, integration (in-process app over
# HTTP) and browser (Debian's Chromium). On SQLite by default; on PostgreSQL when DATABASE_URL
# is set. Extra arguments go to Jest (both runs; a run with no matching test passes).
set -euo pipefail
cd "$(dirname "$0")/.."
# The pure unit tests touch no database and no browser: both cores, in parallel.
unit=0
npx jest --selectProjects unit --maxWorkers=2 --passWithNoTests "$@" || unit=$?
# One file at a time: integration files share the PostgreSQL database when DATABASE_URL is set,
# and the browser tests want both cores. The files run in one child process that Jest replaces
# once it holds more than 1.5 GB after a file: run in band, what each file's app leaves behind
# (Jest keeps every file's modules) grew past Node's 4 GB heap on PostgreSQL after ~60 files.
rest=0
npx jest --selectProjects integration browser --maxWorkers=1 --workerIdleMemoryLimit=1500MB \
  --passWithNoTests "$@" || rest=$?
if [ "$unit" -ne 0 ] || [ "$rest" -ne 0 ]; then
  echo "npm test: unit tests exited $unit, integration and browser tests exited $rest" >&2
  exit 1
fi
