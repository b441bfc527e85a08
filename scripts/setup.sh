#!/usr/bin/env bash
# Installs what zigport needs, idempotently: Zig from PyPI (the ziglang
# package) into .tools/zig-<version>/ (project-local, one directory per
# version), the native addon built by cargo, and the npm link that makes
# `zigport/register` resolvable from this checkout, with the development
# packages (vite, playwright-core) of package.json.
#
#   scripts/setup.sh                      Zig 0.15.2, the default
#   scripts/setup.sh --zig 0.16.0         the default and 0.16.0, side by side
#   scripts/setup.sh --zig 0.16,0.17.1    --zig takes comma lists and repeats
#   scripts/setup.sh --zig all            every version zigport supports
#   scripts/setup.sh --browser            also Debian's chromium, for tests/web
set -euo pipefail
cd "$(dirname "$0")/.."

requested=()
browser=false
while [ $# -gt 0 ]; do
  case "$1" in
    --zig)
      [ $# -ge 2 ] || { echo "setup: --zig needs a version (e.g. --zig 0.16.0, or --zig all)" >&2; exit 2; }
      requested+=("$2"); shift 2 ;;
    --zig=*) requested+=("${1#--zig=}"); shift ;;
    --browser) browser=true; shift ;;
    -h|--help) sed -n '2,12s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) echo "setup: unknown argument '$1'; usage: scripts/setup.sh [--zig VERSION[,VERSION...]|all]... [--browser]" >&2; exit 2 ;;
  esac
done

# The driver's table of supported versions decides what each request means.
versions=$(node scripts/zig-versions.mjs "${requested[@]}")

install_zig() {
  local version=$1
  local dir=.tools/zig-$version
  if [ "$("$dir/ziglang/zig" version 2>/dev/null)" = "$version" ]; then return; fi
  # Before versions lived side by side, 0.15.2 was installed in .tools/zig.
  if [ ! -e "$dir" ] && [ "$(.tools/zig/ziglang/zig version 2>/dev/null)" = "$version" ]; then
    echo "setup: moving Zig $version from .tools/zig to $dir" >&2
    mv .tools/zig "$dir"
    return
  fi
  echo "setup: installing Zig $version from PyPI into $dir" >&2
  if ! python3 -m pip install --quiet --disable-pip-version-check --no-warn-script-location \
      --upgrade --target "$dir" "ziglang==$version"; then
    echo "setup: could not install Zig $version (pip install ziglang==$version failed; is that release on PyPI?)" >&2
    exit 1
  fi
  local got
  got=$("$dir/ziglang/zig" version 2>/dev/null || true)
  if [ "$got" != "$version" ]; then
    echo "setup: $dir/ziglang/zig reports '${got:-nothing}', expected $version; remove $dir and run setup again" >&2
    exit 1
  fi
}

while read -r version; do install_zig "$version"; done <<< "$versions"

if [ -d .tools/zig ]; then
  echo "setup: .tools/zig is the old install location and is no longer used; remove it to free space" >&2
fi

bash scripts/build-addon.sh

missing=false
for pkg in zigport vite rollup playwright-core bun deno typescript; do
  [ -e "node_modules/$pkg/package.json" ] || missing=true
done
if [ "$missing" = true ]; then
  echo "setup: installing the zigport link and the development packages (npm install)" >&2
  npm install --no-audit --no-fund --loglevel=error
fi

# The browser tests drive Debian's chromium through playwright-core; no
# browser build of Playwright's own is ever downloaded.
if [ "$browser" = true ] && [ ! -x /usr/bin/chromium ]; then
  echo "setup: installing chromium (apt-get)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
