#!/usr/bin/env bash
# Builds zigport's native addon in release mode and packs it as the npm
# package of each platform it can build here, @zigport/addon-<platform>
# (the packages zigport lists as optional dependencies; js/internal/runtime/
# addon-platforms.js names them). Prints the tarballs' paths, one a line;
# says on stderr which platforms it cannot build and why.
#
#   scripts/package-addon.sh [--platform NAME]... [OUTDIR]    OUTDIR defaults to dist/
#
# This machine's own target builds with cargo as scripts/build-addon.sh does.
# Another needs Rust's standard library for it (rustup target add) and a
# linker for it: zig cc (ZIG, else .tools/zig-0.15.2) cross-links any Linux
# target, glibc or musl.
set -euo pipefail
cd "$(dirname "$0")/.."

wanted=()
outdir=dist
while [ $# -gt 0 ]; do
  case "$1" in
    --platform) [ $# -ge 2 ] || { echo "package-addon: --platform needs a name" >&2; exit 2; }; wanted+=("$2"); shift 2 ;;
    --platform=*) wanted+=("${1#--platform=}"); shift ;;
    -h|--help) sed -n '2,14s/^# \{0,1\}//p' "$0"; exit 0 ;;
    -*) echo "package-addon: unknown option '$1'; usage: scripts/package-addon.sh [--platform NAME]... [OUTDIR]" >&2; exit 2 ;;
    *) outdir=$1; shift ;;
  esac
done
mkdir -p "$outdir"
outdir=$(cd "$outdir" && pwd)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

host=$(rustc -vV | sed -n 's/^host: //p')
installed=$(rustup target list --installed 2>/dev/null || echo "$host")
zig=${ZIG:-.tools/zig-0.15.2/ziglang/zig}

# Prints the path of the addon built for Rust target $1 (Zig target $2),
# or says why it cannot be built and fails.
build_addon() {
  local rust=$1 zig_target=$2
  if [ "$rust" = "$host" ]; then
    cargo build --release --quiet -p zigport-runtime
    echo target/release/libzigport_runtime.so
    return
  fi
  if ! grep -qx "$rust" <<<"$installed"; then
    echo "Rust's standard library for $rust is not installed (rustup target add $rust)"
    return 1
  fi
  if ! [ -x "$zig" ]; then
    echo "no linker for $rust: zig cc is the cross linker and $zig does not exist (scripts/setup.sh, or ZIG=/path/to/zig)"
    return 1
  fi
  # zig cc links and compiles guard.c for the target; cargo wants a program, so a wrapper.
  # It drops the --target=<Rust triple> cc-rs adds, which Zig cannot read: -target says it.
  local cc="$stage/cc-$zig_target"
  {
    echo '#!/bin/sh'
    echo 'for arg; do shift; case "$arg" in --target=*) ;; *) set -- "$@" "$arg" ;; esac; done'
    printf 'exec %q cc -target %s "$@"\n' "$(realpath "$zig")" "$zig_target"
  } >"$cc"
  printf '#!/bin/sh\nexec %q ar "$@"\n' "$(realpath "$zig")" >"$stage/ar"
  chmod +x "$cc" "$stage/ar"
  local upper=${rust//-/_}
  upper=${upper^^}
  local flags=""
  # Rust links musl statically by default, which a shared library for Node cannot be.
  [[ $rust == *musl ]] && flags="-C target-feature=-crt-static"
  if ! env "CARGO_TARGET_${upper}_LINKER=$cc" "CARGO_TARGET_${upper}_RUSTFLAGS=$flags" \
      "CC_${rust//-/_}=$cc" "AR_${rust//-/_}=$stage/ar" \
      cargo build --release --quiet -p zigport-runtime --target "$rust" >&2; then
    echo "cargo build --target $rust failed (above)"
    return 1
  fi
  echo "target/$rust/release/libzigport_runtime.so"
}

status=0
found=()
while read -r name rust zig_target; do
  if [ ${#wanted[@]} -gt 0 ] && ! printf '%s\n' "${wanted[@]}" | grep -qx "$name"; then continue; fi
  found+=("$name")
  if ! built=$(build_addon "$rust" "$zig_target"); then
    echo "package-addon: cannot build $name: $built" >&2
    continue
  fi
  node scripts/packaging.mjs addon-package "$name" "$built" "$stage/addon-$name"
  echo "$outdir/$(npm pack "$stage/addon-$name" --pack-destination "$outdir" --silent)"
done < <(node scripts/packaging.mjs platforms)

for name in "${wanted[@]}"; do
  if ! printf '%s\n' "${found[@]}" | grep -qx "$name"; then
    echo "package-addon: no addon platform '$name'; known: $(node scripts/packaging.mjs platforms | cut -d' ' -f1 | paste -sd' ')" >&2
    status=2
  fi
done
exit $status
