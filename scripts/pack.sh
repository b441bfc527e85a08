#!/usr/bin/env bash
# Packs what a user installs: zigport-<version>.tgz (the js/ package, with
# the addon packages as optional dependencies) and, through
# scripts/package-addon.sh, the addon package of each platform built here.
# Prints the tarballs' paths, one a line, zigport's first.
#
#   scripts/pack.sh [--platform NAME]... [OUTDIR]    OUTDIR defaults to dist/
#
# Installing both tarballs gives a zigport that runs native modules without
# cargo:  npm install OUTDIR/zigport-<version>.tgz OUTDIR/zigport-addon-<platform>-<version>.tgz
set -euo pipefail
cd "$(dirname "$0")/.."

outdir=dist
for arg in "$@"; do
  case "$arg" in
    -h|--help) sed -n '2,11s/^# \{0,1\}//p' "$0"; exit 0 ;;
  esac
done
# The last argument that is neither an option nor an option's value is OUTDIR.
previous=""
for arg in "$@"; do
  if [[ $arg != -* && $previous != --platform ]]; then outdir=$arg; fi
  previous=$arg
done
mkdir -p "$outdir"
outdir=$(cd "$outdir" && pwd)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

node scripts/packaging.mjs zigport-package "$stage/zigport"
echo "$outdir/$(npm pack "$stage/zigport" --pack-destination "$outdir" --silent)"
bash scripts/package-addon.sh "$@"
