#!/usr/bin/env bash
# Installs what zigport needs, idempotently: Zig 0.15.2 from PyPI into
# .tools/ (project-local), the native addon built by cargo, and the npm link
# that makes `zigport/register` resolvable from this checkout.
set -euo pipefail
cd "$(dirname "$0")/.."

ZIG_VERSION=0.15.2
ZIG=.tools/zig/ziglang/zig

if [ "$("$ZIG" version 2>/dev/null)" != "$ZIG_VERSION" ]; then
  echo "setup: installing Zig $ZIG_VERSION from PyPI into .tools/zig" >&2
  python3 -m pip install --quiet --disable-pip-version-check --no-warn-script-location \
    --upgrade --target .tools/zig "ziglang==$ZIG_VERSION"
fi

bash scripts/build-addon.sh

if [ ! -e node_modules/zigport/package.json ]; then
  echo "setup: linking the zigport package (npm install)" >&2
  npm install --no-audit --no-fund --loglevel=error
fi
