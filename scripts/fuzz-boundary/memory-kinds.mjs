// Generators of arguments for parameters that take memory: slices of
// several element types and alignments, `[]const u8` (strings), sentinel
// slices, single and many-item pointers, arrays and vectors. Valid forms sit
// inside buffers with canaries (memory.mjs); hostile forms are the wrong
// typed array, detached, shared and resizable buffers, proxies, holes, huge
// lengths and elements of the wrong type.
import { EITHER, OK, combine, either, ok, own, refuse } from './arg.mjs';
import { detach, detachedView, framed, framedDataView, sharedView } from './memory.mjs';
import { float, int, throwingProxy } from './scalars.mjs';

/** Element types: their typed array, scalar kind, and DataView accessors. */
export const ELEMENTS = {
  u8: { Ctor: Uint8Array, kind: int(8, false), get: 'getUint8', set: 'setUint8' },
  u16: { Ctor: Uint16Array, kind: int(16, false), get: 'getUint16', set: 'setUint16' },
  i16: { Ctor: Int16Array, kind: int(16, true), get: 'getInt16', set: 'setInt16' },
  u32: { Ctor: Uint32Array, kind: int(32, false), get: 'getUint32', set: 'setUint32' },
  i32: { Ctor: Int32Array, kind: int(32, true), get: 'getInt32', set: 'setInt32' },
  i64: { Ctor: BigInt64Array, kind: int(64, true), get: 'getBigInt64', set: 'setBigInt64' },
  u64: { Ctor: BigUint64Array, kind: int(64, false), get: 'getBigUint64', set: 'setBigUint64' },
  f32: { Ctor: Float32Array, kind: float(32), get: 'getFloat32', set: 'setFloat32' },
  f64: { Ctor: Float64Array, kind: float(64), get: 'getFloat64', set: 'setFloat64' },
};
const ALL_CTORS = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
  Float32Array, Float64Array, BigInt64Array, BigUint64Array];

/** A typed array element for canon value `c` (BigInt arrays take BigInts, the rest numbers). */
function element(e, c) {
  return e.Ctor === BigInt64Array || e.Ctor === BigUint64Array ? c : Number(c);
}

/** `count` valid canon values of element type `e`. */
function canons(r, e, ctx, count) {
  return Array.from({ length: count }, () => e.kind.valid(r, ctx).canon);
}

/**
 * A slice (or many-item pointer) of element `elem`. Options: `writable`,
 * `text` (takes strings, ArrayBuffers: u8 only), `accepts` (more typed
 * arrays it takes), `minCount`. Canon: the element values Zig sees. A
 * valid shared form carries `frame` (memory.mjs) and `view`.
 */
export function slice(elem, { writable = false, text = false, accepts = [], minCount = 0 } = {}) {
  const e = ELEMENTS[elem];
  const name = `[]${writable ? '' : 'const '}${elem}`;
  const taken = [e.Ctor, ...accepts];
  const constCheck = (frame) => (outcome) => (writable && outcome === 'returned' ? null : frame.check(null));
  function valid(r, ctx) {
    const count = r.int(minCount, r.chance(0.1) ? 200 : 12);
    const values = canons(r, e, ctx, count);
    const form = r.int(0, text ? 7 : 4);
    if (form <= 1) {
      const Ctor = r.pick(taken);
      const frame = framed(r, Ctor, count, values.map((v) => element(e, v)), { resizable: form === 1 });
      return { ...ok(frame.view, values, `${Ctor.name}(${count}) in a larger ${form === 1 ? 'resizable ' : ''}buffer`, constCheck(frame)), frame, elem: e };
    }
    if (form === 2) {
      const frame = framedDataView(r, count * e.Ctor.BYTES_PER_ELEMENT, (dv) => values.forEach((v, i) => dv[e.set](i * e.Ctor.BYTES_PER_ELEMENT, element(e, v), true)));
      return { ...ok(frame.view, values, `DataView(${count * e.Ctor.BYTES_PER_ELEMENT} bytes) at offset ${frame.view.byteOffset}`, constCheck(frame)), frame, elem: e };
    }
    if (form === 3) return ok(values.map((v) => (r.chance(0.5) ? v : element(e, v))), values, `an array of ${count}`);
    if (form === 4) return ok(new Proxy(values.map((v) => element(e, v)), {}), values, `a proxy of an array of ${count}`);
    if (form === 5) {
      const s = r.pick(['', 'abc', 'héllo wörld', '日本', 'a\u{1f600}b', 'x'.repeat(r.int(1, 100))]);
      return ok(s, [...new TextEncoder().encode(s)].map(BigInt), `the string ${JSON.stringify(s.slice(0, 12))}`);
    }
    if (form === 6) {
      const buffer = new Uint8Array(values.map(Number)).buffer;
      return ok(buffer, values, `an ArrayBuffer of ${count}`);
    }
    const view = new Uint8Array(new ArrayBuffer(count, { maxByteLength: count + 16 }));
    values.forEach((v, i) => { view[i] = Number(v); });
    return ok(new Uint8Array(view.buffer), values, `a length-tracking Uint8Array(${count})`);
  }
  function hostile(r, ctx) {
    return r.pick([
      () => {
        const Ctor = r.pick(ALL_CTORS.filter((c) => !taken.includes(c)));
        return refuse(new Ctor(r.int(1, 4)), `a ${Ctor.name}`);
      },
      () => refuse(detachedView(e.Ctor, r.int(1, 8)), `a ${e.Ctor.name} whose buffer is detached`),
      () => refuse(sharedView(e.Ctor, r.int(1, 8)), `a ${e.Ctor.name} over a SharedArrayBuffer`),
      () => {
        const view = new DataView(new ArrayBuffer(16), 0, r.int(1, 15));
        return view.byteLength % e.Ctor.BYTES_PER_ELEMENT === 0 ? refuse(detachedDataView(), 'a detached DataView')
          : refuse(view, `a DataView of ${view.byteLength} bytes`);
      },
      () => {
        const parts = canons(r, e, ctx, r.int(1, 5)).map((c) => e.kind.valid(r, ctx));
        const bad = e.kind.hostile(r, ctx);
        const at = r.int(0, parts.length);
        parts.splice(at, 0, bad);
        const expect = combine(parts);
        const value = parts.map((p) => p.value);
        return { expect, value, canon: expect === OK || expect === EITHER ? parts.map((p) => p.canon) : undefined, desc: `an array with ${bad.desc} at [${at}]` };
      },
      () => refuse([1, , 3].map((x) => x), 'an array with a hole'),
      () => {
        // Huge ones rarely: JS allocates the copy before finding the first hole.
        const a = [];
        a.length = r.chance(0.05) ? r.pick([2 ** 32 - 1, 2 ** 31, 1e7]) : r.int(1, 1000);
        return refuse(a, `a sparse array of length ${a.length}`);
      },
      () => refuse(new Proxy(new e.Ctor(2), {}), `a proxy of a ${e.Ctor.name}`),
      () => refuse(Object.create(new e.Ctor(2)), `an object inheriting from a ${e.Ctor.name}`),
      () => refuse({ length: 3, 0: 1, 1: 2, 2: 3 }, 'an array-like object'),
      () => refuse(r.pick([null, undefined, 0, 12, true]), 'null, undefined, a number or true'),
      () => (text ? refuse(new Proxy(new ArrayBuffer(4), {}), 'a proxy of an ArrayBuffer')
        // u16 elements take text as UTF-16 (a copy), as Zigar does.
        : elem === 'u16' ? either('abc', [97n, 98n, 99n], 'a string as UTF-16') : refuse('abc', 'a string')),
      () => own(throwingProxy(), 'a proxy whose every trap throws'),
      () => refuse(Symbol('s'), 'a symbol'),
    ])();
  }
  return { name, valid, hostile, elem: e, writable };
}

/** A DataView whose buffer was detached. */
function detachedDataView() {
  const view = new DataView(new ArrayBuffer(8));
  detach(view.buffer);
  return view;
}

/** `[N]T` or `@Vector(N, T)` by value. Canon: the N values. */
export function fixed(elem, n, name) {
  const e = ELEMENTS[elem];
  return {
    name,
    valid(r, ctx) {
      const values = canons(r, e, ctx, n);
      const form = r.int(0, 2);
      if (form === 0) return ok(values.map((v) => element(e, v)), values, `an array of ${n}`);
      if (form === 1) return ok(e.Ctor.from(values.map((v) => element(e, v))), values, `a ${e.Ctor.name}(${n})`);
      return ok(new Set(values.map((v) => element(e, v))).size === n ? new Set(values.map((v) => element(e, v))) : values.map((v) => element(e, v)), values, 'an iterable');
    },
    hostile: (r, ctx) => r.pick([
      () => refuse(canons(r, e, ctx, r.pick([0, n - 1, n + 1])).map((v) => element(e, v)), 'the wrong number of elements'),
      () => {
        const parts = Array.from({ length: n }, () => e.kind.valid(r, ctx));
        const at = r.int(0, n - 1);
        parts[at] = e.kind.hostile(r, ctx);
        const expect = combine(parts);
        return { expect, value: parts.map((p) => p.value), canon: expect === OK || expect === EITHER ? parts.map((p) => p.canon) : undefined, desc: `${parts[at].desc} at [${at}]` };
      },
      () => refuse([1, , 3, 4].slice(0, n), 'an array with a hole'),
      () => refuse(detachedView(e.Ctor, n), 'a detached typed array'),
      () => refuse(r.pick(['abcd', null, undefined, 4, { length: n }]), 'a string, null, undefined, a number or an array-like'),
      () => own(throwingProxy(), 'a proxy whose every trap throws'),
    ])(),
  };
}

/** `*u32` (writable) or `*const i64`: one element. Canon: the value. */
export function single(elem, writable) {
  const e = ELEMENTS[elem];
  return {
    name: `*${writable ? '' : 'const '}${elem}`,
    valid(r, ctx) {
      const v = e.kind.valid(r, ctx);
      const form = r.int(0, 2);
      if (form === 0) {
        const frame = framed(r, e.Ctor, 1, [element(e, v.canon)]);
        return { ...ok(frame.view, v.canon, `a ${e.Ctor.name}(1) in a larger buffer`, (outcome) => (writable && outcome === 'returned' ? null : frame.check(null))), frame, elem: e };
      }
      if (form === 1) return ok([element(e, v.canon)], v.canon, 'an array of 1');
      return ok(element(e, v.canon), v.canon, 'a plain value');
    },
    hostile: (r) => r.pick([
      () => refuse(new e.Ctor(0), `an empty ${e.Ctor.name}`),
      () => refuse(detachedView(e.Ctor, 1), 'a detached typed array'),
      () => refuse(sharedView(e.Ctor, 1), 'a shared typed array'),
      () => refuse(new (r.pick(ALL_CTORS.filter((c) => c !== e.Ctor)))(2), 'the wrong typed array'),
      () => refuse(r.pick([null, undefined, 'x', true]), 'null, undefined, a string or true'),
      () => refuse(new Proxy(new e.Ctor(1), {}), 'a proxy of a typed array'),
      () => own(throwingProxy(), 'a proxy whose every trap throws'),
    ])(),
    elem: e,
  };
}

export { either };
