#!/usr/bin/env bash
# Builds the N-API addon (runtime/) and places it where js/ loads it from.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet -p zigport-runtime
mkdir -p js/native
built=target/release/libzigport_runtime.so
if ! cmp -s "$built" js/native/zigport.node; then
  cp "$built" js/native/zigport.node.tmp
  mv js/native/zigport.node.tmp js/native/zigport.node
fi
