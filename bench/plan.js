// The WebAssembly host's call planner: the JS twin (js/internal/marshal/plan/)
// against the addon's Rust planner on the same records, for one target,
// three overlapping ones and eight over four buffers. The JS one runs on
// every call with JS memory arguments, so a one-target plan should stay
// well under 100 ns. Usage: npm run bench (or node bench/plan.js).
import { fileURLToPath } from 'node:url';
import { addon } from '../js/internal/runtime/addon.js';
import { planCopies } from '../js/internal/marshal/plan/index.js';
import { compare, report } from './lib/measure.js';

/** `buffer, offset, len, align, writable, address` per target. */
const SHAPES = {
  'one misaligned target': [[0, 1, 16, 4, 1, -1]],
  'three overlapping targets': [[0, 1, 8, 4, 1, -1], [0, 5, 4, 4, 0, -1], [0, 3, 2, 2, 1, -1]],
  'eight targets over four buffers': Array.from({ length: 8 }, (_, i) => (
    [i % 4, 16 * i + (i & 1), 8, 2 ** (i % 4), i & 1, i % 4 === 0 ? 65536 : -1]
  )),
};

export function planCalls() {
  console.log('\n## Call planner, JS twin vs the addon (ns per plan, median of 7 runs)');
  for (const [name, targets] of Object.entries(SHAPES)) {
    const records = new Float64Array(targets.flat());
    const out = new Float64Array(2 + 7 * targets.length);
    const t = compare({
      js(n) { for (let i = 0; i < n; i++) planCopies(records, out); },
      addon(n) { for (let i = 0; i < n; i++) addon.planCopies(records, out); },
    });
    report(`${name}: JS vs addon`, t.js, t.addon);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) planCalls();
