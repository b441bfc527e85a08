#!/usr/bin/env bash
# Runs the demo in examples/ after installing what it needs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cd examples
exec node --import zigport/register demo.mjs
