#!/usr/bin/env bash
# Runs every test: Rust unit and property tests, then the Node integration
# tests, which compile real Zig fixtures and call them through the addon.
# Every supported Zig is installed, so that the tests choosing between them
# run rather than skip; the suite itself runs with the default one
# (scripts/test-zig-versions.sh runs it with each).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --zig all --browser
# The browser tests skip where chromium is missing; here it never is.
export ZIGPORT_REQUIRE_BROWSER=1

cargo test --quiet -p zigport-marshal -p zigport-runtime

export ZIGPORT_CACHE_DIR="${ZIGPORT_CACHE_DIR:-$PWD/.zigport-cache/tests}"
mapfile -t files < <(find tests -name '*.test.js' | sort)
node --import ./js/register.js --test --test-reporter=spec "${files[@]}"
