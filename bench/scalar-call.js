// Scalar call: zigport's add(i32, i32) i32 against an empty N-API function
// in C, called from the same loop shape in the same process.
import { compare, report } from './lib/measure.js';
import { loadCBaseline } from './lib/c-baseline.js';

export async function scalarCall({ scratch }) {
  const c = loadCBaseline(scratch);
  const { add } = await import('./fixtures/scalar-add.zig?optimize=ReleaseFast');
  const loops = {
    cEmpty(n) { const f = c.empty; for (let i = 0; i < n; i++) f(i, 1); },
    cAdd(n) { const f = c.add; let s = 0; for (let i = 0; i < n; i++) s = f(i, 1); return s; },
    zigAdd(n) { let s = 0; for (let i = 0; i < n; i++) s = add(i, 1); return s; },
  };
  const t = compare(loops, { runs: 15 });
  console.log('\n## Scalar call (ns per call, median of 15 runs of 2M calls)');
  report('zigport add(i32, i32) vs C empty N-API fn', t.zigAdd, t.cEmpty, 1.5);
  report('C add(i32, i32) via napi_get_value_int32', t.cAdd, t.cEmpty);
}
