// Structs: a call taking a pointer to a struct against the scalar-call
// floor, and struct field access against a plain JS object's.
import { compare, report } from './lib/measure.js';

export async function structCalls() {
  const { P, norm, add } = await import('./fixtures/struct-norm.zig?optimize=ReleaseFast');
  const p = new P({ x: 1, y: 2, z: 3 });
  const calls = compare({
    scalar(n) { let s = 0; for (let i = 0; i < n; i++) s = add(i, 1); return s; },
    norm(n) { let s = 0; for (let i = 0; i < n; i++) s = norm(p); return s; },
  }, { n: 300_000 });
  console.log('\n## Struct by pointer (ns per call, median of 7 runs)');
  report('norm(p: *const P) vs add(i32, i32)', calls.norm, calls.scalar, 4);

  const plainObject = { x: 1, y: 2, z: 3 };
  // Reading the same object over and over, V8 hoists a plain object's loads
  // out of the loop but not a struct's (its memory may change under any
  // call), so that row compares a load against none. Reading 64 objects in
  // turn, as code walking a list of structs does, keeps every load. Its
  // integral values cost the struct more than the plain object: once a
  // getter has run optimized on its own, it returns them as small integers,
  // the loop then adds integers, and each f64 read becomes a convert and a
  // check that the plain object's stored small integers do not need (while
  // the getters are still interpreted they return heap numbers, the loop
  // adds floats, and the row reads 1.2-1.5x). Any object whose fields live
  // in memory pays this in V8, which the floor rows show: a JS class whose
  // getters read a Float64Array of its own, the least such an object can
  // do, read the same way.
  const plainObjects = Array.from({ length: 64 }, (_, i) => ({ x: i, y: 2, z: 3 }));
  const structs = Array.from({ length: 64 }, (_, i) => new P({ x: i, y: 2, z: 3 }));
  const floor = new FloatFields(1, 2, 3);
  const floors = Array.from({ length: 64 }, (_, i) => new FloatFields(i, 2, 3));
  const access = compare({
    jsRead(n) { let s = 0; for (let i = 0; i < n; i++) s += plainObject.x + plainObject.y; return s; },
    zigRead(n) { let s = 0; for (let i = 0; i < n; i++) s += p.x + p.y; return s; },
    floorRead(n) { let s = 0; for (let i = 0; i < n; i++) s += floor.x + floor.y; return s; },
    jsReadMany(n) { let s = 0; for (let i = 0; i < n; i++) { const o = plainObjects[i & 63]; s += o.x + o.y; } return s; },
    zigReadMany(n) { let s = 0; for (let i = 0; i < n; i++) { const o = structs[i & 63]; s += o.x + o.y; } return s; },
    floorReadMany(n) { let s = 0; for (let i = 0; i < n; i++) { const o = floors[i & 63]; s += o.x + o.y; } return s; },
    jsWrite(n) { for (let i = 0; i < n; i++) plainObject.x = i; },
    zigWrite(n) { for (let i = 0; i < n; i++) p.x = i; },
    floorWrite(n) { for (let i = 0; i < n; i++) floor.x = i; },
  }, { n: 1_000_000 });
  // The same with fractions, as f64 data mostly holds: a plain object then
  // keeps each number boxed, and V8 no longer turns the struct's f64 reads
  // into integers to add them as it adds the integers above. Made only now:
  // plain objects of one shape share their fields' representation, so
  // these would change the rows above.
  const plainFractions = Array.from({ length: 64 }, (_, i) => ({ x: i + 0.5, y: 2.25, z: 3 }));
  const structFractions = Array.from({ length: 64 }, (_, i) => new P({ x: i + 0.5, y: 2.25, z: 3 }));
  const fractions = compare({
    js(n) { let s = 0; for (let i = 0; i < n; i++) { const o = plainFractions[i & 63]; s += o.x + o.y; } return s; },
    zig(n) { let s = 0; for (let i = 0; i < n; i++) { const o = structFractions[i & 63]; s += o.x + o.y; } return s; },
  }, { n: 1_000_000 });
  console.log('\n## Struct fields (ns per operation, median of 7 runs)');
  report('read two fields of 64 objects vs plain JS', access.zigReadMany, access.jsReadMany, 2);
  report('  floor: JS class over a Float64Array', access.floorReadMany, access.jsReadMany);
  report('  zigport vs that floor', access.zigReadMany, access.floorReadMany);
  report('the same, the fields holding fractions', fractions.zig, fractions.js);
  report('read two fields of one object vs plain JS', access.zigRead, access.jsRead);
  report('  floor: JS class over a Float64Array', access.floorRead, access.jsRead);
  report('write one field vs plain JS object', access.zigWrite, access.jsWrite);
  report('  floor: JS class over a Float64Array', access.floorWrite, access.jsWrite);
}

/** The floor rows' objects: fields read from a Float64Array the object holds. */
class FloatFields {
  constructor(x, y, z) {
    this.values = new Float64Array([x, y, z]);
  }

  get x() { return this.values[0]; }

  set x(value) { this.values[0] = value; }

  get y() { return this.values[1]; }
}
