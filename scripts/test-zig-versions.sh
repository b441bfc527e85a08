#!/usr/bin/env bash
# Runs the Node test suite once per supported Zig version, that version being
# every module's default (ZIGPORT_ZIG_VERSION), after installing them all, and
# ends with one summary line per version. Exits non-zero if any run failed.
#
#   scripts/test-zig-versions.sh                         every version, every test
#   scripts/test-zig-versions.sh --zig 0.16.0,0.17.1     only those versions
#   scripts/test-zig-versions.sh tests/calls tests/memory/foo.test.js
#                                                        only the tests under those paths
# ZIGPORT_TEST_MODES=native (or wasm) narrows each run to one mode.
set -euo pipefail
cd "$(dirname "$0")/.."

# ZIGPORT_TEST_ZIG (a version list, as for --zig) picks the versions when --zig is not given.
zig=${ZIGPORT_TEST_ZIG:-all}
paths=()
while [ $# -gt 0 ]; do
  case "$1" in
    --zig) [ $# -ge 2 ] || { echo "test-zig-versions: --zig needs a version list" >&2; exit 2; }
      zig=$2; shift 2 ;;
    --zig=*) zig=${1#--zig=}; shift ;;
    -h|--help) sed -n '2,11s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) paths+=("$1"); shift ;;
  esac
done
[ ${#paths[@]} -gt 0 ] || paths=(tests)

bash scripts/setup.sh --zig "$zig"
list=$(node scripts/zig-versions.mjs --no-default "$zig")
mapfile -t versions <<< "$list"
mapfile -t files < <(find "${paths[@]}" -name '*.test.js' | sort)
[ ${#files[@]} -gt 0 ] || { echo "test-zig-versions: no *.test.js under ${paths[*]}" >&2; exit 2; }

export ZIGPORT_CACHE_DIR="${ZIGPORT_CACHE_DIR:-$PWD/.zigport-cache/tests}"
reports=$(mktemp -d)
trap 'rm -rf "$reports"' EXIT
summary=()
status=0
# A count from the TAP report's closing lines ("# pass 12"), or ? if the run died first.
count() {
  local n
  n=$(sed -n "s/^# $2 \([0-9][0-9]*\)\$/\1/p" "$1" 2>/dev/null | head -n 1)
  echo "${n:-?}"
}
for version in "${versions[@]}"; do
  echo "=== Node tests with Zig $version (ZIGPORT_ZIG_VERSION=$version, ${#files[@]} files) ==="
  tap="$reports/$version.tap"
  started=$SECONDS
  # The spec report is for reading; the TAP copy is for counting.
  if ZIGPORT_ZIG_VERSION=$version node --import ./js/register.js --test --test-concurrency="$(nproc)" \
      --test-reporter=spec --test-reporter-destination=stdout \
      --test-reporter=tap --test-reporter-destination="$tap" "${files[@]}"; then
    outcome=ok
  else
    outcome=FAILED
    status=1
  fi
  line="Zig $version: $outcome, $(count "$tap" pass) passed, $(count "$tap" fail) failed,"
  line+=" $(count "$tap" skipped) skipped, $(count "$tap" cancelled) cancelled ($((SECONDS - started)) s)"
  summary+=("$line")
done

echo "=== Summary by Zig version ==="
printf '%s\n' "${summary[@]}"
exit $status
