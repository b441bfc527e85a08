#!/usr/bin/env bash
# Coverage-guided fuzzing of the Rust crates (cargo-fuzz, libFuzzer), outside
# npm test. Usage: scripts/fuzz-rust.sh [target|all] [seconds per target]
#   targets: descriptor, plan, wasm_plan (see fuzz/fuzz_targets/);
#   defaults: all targets, 300 s each.
# Each target starts from its committed seeds (fuzz/corpus/<target>) and from
# what earlier runs found (fuzz/runs/<target>/corpus, kept between runs), so a
# long run resumes where the last one stopped. Findings (crashes, timeouts,
# out-of-memory inputs) go to fuzz/artifacts/<target>/; the log of each run
# to fuzz/runs/<target>/log. Safe to run in the background (nohup ... &):
# it reads no input and runs libFuzzer at nice 19.
# Environment: FUZZ_SANITIZER=address|none (default address), FUZZ_JOBS
# (parallel libFuzzer workers per target, default 1).
set -euo pipefail
cd "$(dirname "$0")/.."

TARGETS=(descriptor plan wasm_plan)
which="${1:-all}"
seconds="${2:-300}"
sanitizer="${FUZZ_SANITIZER:-address}"
jobs="${FUZZ_JOBS:-1}"
if [[ "$which" != all ]]; then
  [[ " ${TARGETS[*]} " == *" $which "* ]] || { echo "unknown target $which (${TARGETS[*]} or all)" >&2; exit 2; }
  TARGETS=("$which")
fi

# cargo-fuzz passes nightly-only flags (-Zsanitizer, -Cpasses): the stable
# toolchain accepts them with RUSTC_BOOTSTRAP.
export RUSTC_BOOTSTRAP=1
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "installing cargo-fuzz" >&2
  cargo install cargo-fuzz --locked
fi

# -O: optimized; -a: debug assertions (and overflow checks) stay on.
build_flags=(-O -a --sanitizer "$sanitizer" --fuzz-dir fuzz)
# Without a target name cargo fuzz builds them all.
build_targets=()
[[ ${#TARGETS[@]} == 1 ]] && build_targets=("${TARGETS[0]}")
mkdir -p fuzz/runs
nice -n 19 cargo fuzz build "${build_flags[@]}" "${build_targets[@]}" 2>fuzz/build.log || {
  tail -20 fuzz/build.log >&2
  exit 1
}

# One target's run: libFuzzer's final stats and the CPU time it used.
run_target() {
  local target="$1" dir="fuzz/runs/$1"
  mkdir -p "$dir/corpus" "fuzz/artifacts/$target"
  local dict=()
  [[ -f "fuzz/dicts/$target.dict" ]] && dict=("-dict=fuzz/dicts/$target.dict")
  local before after status=0
  before=$(ls "fuzz/artifacts/$target" | wc -l)
  local TIMEFORMAT='%U %S'
  local cpu
  cpu=$( { time nice -n 19 cargo fuzz run "${build_flags[@]}" "$target" "$dir/corpus" "fuzz/corpus/$target" -- \
      -max_total_time="$seconds" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=1024 \
      -jobs="$jobs" -workers="$jobs" "${dict[@]}" >"$dir/log" 2>&1 || echo "status $?" >>"$dir/log"; } 2>&1 )
  after=$(ls "fuzz/artifacts/$target" | wc -l)
  local runs cov rate
  runs=$(grep -h 'stat::number_of_executed_units' "$dir/log" | awk '{s += $2} END {print s + 0}')
  rate=$(grep -h 'stat::average_exec_per_sec' "$dir/log" | awk '{s += $2} END {print s + 0}')
  cov=$(grep -ho 'cov: [0-9]* ft: [0-9]*' "$dir/log" | tail -1)
  grep -q '^status ' "$dir/log" && status=1
  printf '%-11s runs %-10s execs/s %-7s %-22s cpu %6.0f s  corpus %5s files  findings %s%s\n' \
    "$target" "$runs" "$rate" "${cov:-cov: ?}" "$(echo "$cpu" | awk '{print $1 + $2}')" \
    "$(ls "$dir/corpus" | wc -l)" "$((after - before))" "$([[ $status == 1 ]] && echo " (stopped: see $dir/log)")"
}

echo "fuzzing ${TARGETS[*]} for $seconds s each (sanitizer $sanitizer)"
for target in "${TARGETS[@]}"; do
  run_target "$target" | tee -a fuzz/runs/summary.txt
done
