#!/usr/bin/env bash
# A long run of the property tests of the call planner and the descriptor
# validator (100,000 cases each by default; pass a number to change it).
set -euo pipefail
cd "$(dirname "$0")/.."
PROPTEST_CASES="${1:-100000}" cargo test --release -p zigport-marshal -- --nocapture
