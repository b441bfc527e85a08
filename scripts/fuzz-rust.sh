#!/usr/bin/env bash
# Coverage-guided fuzzing of the Rust crates (cargo-fuzz, libFuzzer), outside
# npm test. Usage: scripts/fuzz-rust.sh [target|all] [seconds per target]
#   targets: descriptor, plan, wasm_plan (see fuzz/fuzz_targets/);
#   defaults: all targets, 300 s each.
# FUZZ_CLOCK=cpu counts the seconds as CPU time of the fuzzer instead of wall
# time (on a shared machine at nice 19 the two differ many times over), e.g.
# 2 CPU-hours per target in the background:
#   FUZZ_CLOCK=cpu nohup scripts/fuzz-rust.sh all 7200 > fuzz-rust.log 2>&1 &
# Each target starts from its committed seeds (fuzz/corpus/<target>) and from
# what earlier runs found (fuzz/runs/<target>/corpus, kept between runs), so a
# run resumes where the last one stopped. Findings (crashes, timeouts,
# out-of-memory inputs) go to fuzz/artifacts/<target>/, the log of each run to
# fuzz/runs/<target>/log, one summary line per run to fuzz/runs/summary.txt.
# FUZZ_SANITIZER=none builds without AddressSanitizer (default address).
set -euo pipefail
cd "$(dirname "$0")/.."

TARGETS=(descriptor plan wasm_plan)
which="${1:-all}"
seconds="${2:-300}"
clock="${FUZZ_CLOCK:-wall}"
sanitizer="${FUZZ_SANITIZER:-address}"
if [[ "$which" != all ]]; then
  [[ " ${TARGETS[*]} " == *" $which "* ]] || { echo "unknown target $which (${TARGETS[*]} or all)" >&2; exit 2; }
  TARGETS=("$which")
fi
[[ "$clock" == wall || "$clock" == cpu ]] || { echo "FUZZ_CLOCK is wall or cpu" >&2; exit 2; }

# cargo-fuzz passes nightly-only flags (-Zsanitizer, -Cpasses): the stable
# toolchain accepts them with RUSTC_BOOTSTRAP.
export RUSTC_BOOTSTRAP=1
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "installing cargo-fuzz" >&2
  cargo install cargo-fuzz --locked
fi

# -O: optimized; -a: debug assertions (and overflow checks) stay on. Without
# a target name cargo fuzz builds them all.
build_targets=()
[[ ${#TARGETS[@]} == 1 ]] && build_targets=("${TARGETS[0]}")
mkdir -p fuzz/runs
nice -n 19 cargo fuzz build -O -a --sanitizer "$sanitizer" --fuzz-dir fuzz "${build_targets[@]}" 2>fuzz/build.log || {
  tail -20 fuzz/build.log >&2
  exit 1
}
bin_dir="fuzz/target/$(rustc -vV | sed -n 's/^host: //p')/release"

# Sends SIGINT to `pid` (libFuzzer then prints its stats and exits) once it
# has used `seconds` of CPU time.
cpu_watchdog() {
  local pid="$1" hz
  hz=$(getconf CLK_TCK)
  while sleep 5 && [[ -r /proc/$pid/stat ]]; do
    local ticks
    ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null) || break
    if ((ticks / hz >= seconds)); then
      kill -INT "$pid" 2>/dev/null || true
      break
    fi
  done
}

# Children's user and system CPU seconds so far, from the second line of
# `times` as written to file $1 (`times` must run in the shell that waited
# for them, not in a command substitution's subshell).
children_cpu() {
  sed -n 2p "$1" | awk '{ split($1, u, /[ms]/); split($2, s, /[ms]/); print u[1] * 60 + u[2] + s[1] * 60 + s[2] }'
}

# One target's run, as one summary line: libFuzzer's final stats, the CPU
# time it used and what it found.
run_target() {
  local target="$1" dir="fuzz/runs/$1"
  mkdir -p "$dir/corpus" "fuzz/artifacts/$target"
  # No leak check at exit: LeakSanitizer needs ptrace, which containers often
  # block, and then hangs the exiting fuzzer (safe Rust leaks nothing to find).
  local options=(-print_final_stats=1 -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=1024 -detect_leaks=0
    -artifact_prefix="fuzz/artifacts/$target/")
  [[ -f "fuzz/dicts/$target.dict" ]] && options+=("-dict=fuzz/dicts/$target.dict")
  # In CPU mode the watchdog ends the run; the wall limit is only a backstop.
  if [[ "$clock" == cpu ]]; then options+=(-max_total_time=$((seconds * 50))); else options+=(-max_total_time="$seconds"); fi
  local before cpu_before status=0
  before=$(find "fuzz/artifacts/$target" -type f | wc -l)
  times >"$dir/times"
  cpu_before=$(children_cpu "$dir/times")
  nice -n 19 "$bin_dir/$target" "${options[@]}" "$dir/corpus" "fuzz/corpus/$target" >"$dir/log" 2>&1 &
  local pid=$!
  [[ "$clock" == cpu ]] && cpu_watchdog "$pid" &
  wait "$pid" || status=$?
  # 72: libFuzzer's exit code when interrupted (the CPU budget was reached).
  [[ $status == 72 ]] && status=0
  local cpu runs rate cov found
  times >"$dir/times"
  cpu=$(awk -v a="$(children_cpu "$dir/times")" -v b="$cpu_before" 'BEGIN { printf "%.0f", a - b }')
  runs=$(grep -h 'stat::number_of_executed_units' "$dir/log" | awk '{print $2 + 0}' | tail -1)
  rate=$(grep -h 'stat::average_exec_per_sec' "$dir/log" | awk '{print $2 + 0}' | tail -1)
  cov=$(grep -ho 'cov: [0-9]* ft: [0-9]*' "$dir/log" | tail -1)
  found=$(($(find "fuzz/artifacts/$target" -type f | wc -l) - before))
  printf '%s %-10s runs %-10s execs/s(wall) %-6s execs/cpu-s %-6s %-20s cpu %5s s  corpus %5s  findings %s%s\n' \
    "$(date -u +%FT%TZ)" "$target" "${runs:-0}" "${rate:-0}" \
    "$(awk -v r="${runs:-0}" -v c="$cpu" 'BEGIN { printf "%.0f", (c > 0 ? r / c : 0) }')" "${cov:-cov: ?}" "$cpu" \
    "$(find "$dir/corpus" -type f | wc -l)" "$found" "$([[ $status != 0 ]] && echo " (exit $status: see $dir/log)")"
}

echo "fuzzing ${TARGETS[*]} for $seconds s ($clock clock) each, sanitizer $sanitizer"
for target in "${TARGETS[@]}"; do
  run_target "$target" | tee -a fuzz/runs/summary.txt
done
