// Timing helpers. Absolute times on shared machines are noise; benchmarks
// report ratios against a baseline measured in the same process, as the
// median of several runs.

/** Median of `values`. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nanoseconds per call of `loop(n)` (which must run its body n times). */
export function nsPerOp(loop, n) {
  const start = process.hrtime.bigint();
  loop(n);
  return Number(process.hrtime.bigint() - start) / n;
}

/**
 * Measures several loops interleaved (so drift affects all alike): runs each
 * `runs` times after a warm-up and returns the median ns/op of each.
 */
export function compare(loops, { n = 2_000_000, runs = 7 } = {}) {
  const samples = Object.fromEntries(Object.keys(loops).map((k) => [k, []]));
  for (const loop of Object.values(loops)) loop(n);
  for (let r = 0; r < runs; r++) {
    for (const [name, loop] of Object.entries(loops)) samples[name].push(nsPerOp(loop, n));
  }
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
}

/** Prints one result row: figure, baseline, their ratio and the goal. */
export function report(name, value, baseline, goal, unit = 'ns') {
  const ratio = value / baseline;
  const verdict = goal === undefined ? '' : ratio <= goal ? `  (goal <= ${goal}x: met)` : `  (goal <= ${goal}x: NOT met)`;
  console.log(
    `${name.padEnd(44)} ${fmt(value).padStart(9)} ${unit}  vs ${fmt(baseline).padStart(9)} ${unit}  = ${ratio.toFixed(2)}x${verdict}`,
  );
}

function fmt(x) {
  return x >= 100 ? x.toFixed(0) : x.toFixed(2);
}

/** Prints one throughput row: calls per second against a goal of at least `goal` per second. */
export function reportRate(name, perSecond, goal) {
  const verdict = goal === undefined ? '' : `  (goal >= ${goal.toLocaleString('en-US')}/s: ${perSecond >= goal ? 'met' : 'NOT met'})`;
  console.log(`${name.padEnd(44)} ${Math.round(perSecond).toLocaleString('en-US').padStart(11)} calls/s${verdict}`);
}
