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
# The suite's modules outgrow the cache's default size cap; pruning them mid-run would only recompile them.
export ZIGPORT_CACHE_MAX_SIZE="${ZIGPORT_CACHE_MAX_SIZE:-0}"
mapfile -t files < <(find tests -name '*.test.js' | sort)
# One test file per processor: most of a file's time is a zig compile on one
# core, and node --test alone would leave one processor of these two idle.
JOBS=$(nproc)
run() { node --import ./js/register.js --test --test-concurrency="$JOBS" --test-reporter=spec "$@"; }

# Native mode, and every test that is not about one mode, with the addon.
ZIGPORT_TEST_MODES=native run "${files[@]}"
# Native mode where the engine refuses external ArrayBuffers (Electron's
# sandbox): Zig memory reaches JS as copies. The fixtures are cached by now.
ZIGPORT_TEST_MODES=native ZIGPORT_NO_EXTERNAL=1 run \
  tests/pointers/{results,pointer-variables,aliasing,allocator-values,struct-pointer-graphs}.test.js \
  tests/structures/pointer-fields.test.js tests/callbacks/js-functions-as-callbacks.test.js \
  tests/memory/tied-buffers.test.js tests/async/promises.test.js tests/matrix/type-matrix.test.js
# WebAssembly mode as browsers and other runtimes have it: the addon is
# disabled. Only the tests of ties (which need it) run with it. A test file
# that is not about a mode (no MODES) ran above already, unless it is about
# zigport/web, which is meant to run without the addon.
mapfile -t mode_files < <(grep -l "MODES\|zigport/web\|/web\.js" "${files[@]}")
mapfile -t need_addon < <(grep -l "tieableBuffer\|runtime/addon.js" "${mode_files[@]}")
mapfile -t wasm_files < <(grep -L "tieableBuffer\|runtime/addon.js" "${mode_files[@]}")
ZIGPORT_TEST_MODES=wasm ZIGPORT_NO_ADDON=1 run "${wasm_files[@]}"
ZIGPORT_TEST_MODES=wasm run "${need_addon[@]}"
