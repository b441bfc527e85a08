// The fuzzed functions of zig-fixtures/runtime/hostile-values-targets.zig:
// for each, the kinds of its parameters (what to generate), a JS model of
// what it returns, how to compare, and what it must have written.
import { ok, own, refuse } from './arg.mjs';
import { framed } from './memory.mjs';
import { fixed, single, slice } from './memory-kinds.mjs';
import { bool, color, errorUnion, failure, float, int, optional, throwingProxy } from './scalars.mjs';
import { choice, struct } from './struct-kinds.mjs';

/** What a model returns for a call that must panic (Zig's safety check) rather than return. */
export const PANICS = Symbol('panics');

const u8 = int(8, false);
const i16 = int(16, true);
const u16 = int(16, false);
const u32 = int(32, false);
const i32 = int(32, true);
const i64 = int(64, true);
const u64 = int(64, false);
const f32 = float(32);
const f64 = float(64);
const bytes = slice('u8', { text: true, accepts: [Uint8ClampedArray] });

const same = (result, expected) => typeof result === typeof expected && (result === expected || Object.is(result, expected));
const sameInt = (result, expected) => (typeof result === 'number' || typeof result === 'bigint') && BigInt(result) === expected;
const wrap = (v, bits, signed) => (signed ? BigInt.asIntN(bits, v) : BigInt.asUintN(bits, v));
const sum = (list) => list.reduce((t, v) => t + v, 0n);

const point = struct('Point', [['x', i32], ['y', f64], ['on', bool], ['color', color]], 'Point');
const pointSum = (p) => Number(p.x) + p.y + (p.on ? 1000 : 0) + p.color * 10000;

/** `n: u32`s, or a smaller `u32`, for sumMany. */
const sliceU32 = slice('u32');

const made = new Map();

/** The targets for a module imported in `mode` (its usize has 64 bits natively, 32 in wasm32). */
export function targets(mode) {
  if (!made.has(mode)) made.set(mode, makeTargets(mode === 'wasm' ? 32 : 64, mode));
  return made.get(mode);
}

function makeTargets(usizeBits, mode) {
  const maxUsize = 2n ** BigInt(usizeBits) - 1n;
  return [
    ...[['echoU8', u8], ['echoI16', i16], ['echoU32', u32], ['echoI64', i64], ['echoU128', int(128, false)], ['echoUsize', int(usizeBits, false)]]
      .map(([fn, kind]) => ({ fn, params: [kind], model: ([c]) => c, same: sameInt })),
    { fn: 'echoF32', params: [f32], model: ([c]) => c, same: (a, b) => Object.is(a, b) },
    { fn: 'echoF64', params: [f64], model: ([c]) => c, same: (a, b) => Object.is(a, b) },
    { fn: 'echoBool', params: [bool], model: ([c]) => c, same },
    { fn: 'colorValue', params: [color], model: ([c]) => c, same },
    { fn: 'isBeta', params: [failure], model: ([c]) => c === 'BetaGamma', same },
    { fn: 'unwrapOr', params: [errorUnion(i32), i32], model: ([x, f]) => ('error' in x ? f : x.value), same: sameInt },
    { fn: 'orDefault', params: [optional(i32)], model: ([c]) => c ?? -1n, same: sameInt },
    { fn: 'sumArray', params: [fixed('i16', 4, '[4]i16')], model: ([c]) => sum(c), same: sameInt },
    {
      fn: 'sumVector',
      params: [fixed('f32', 4, '@Vector(4, f32)')],
      // In order or pairwise: Zig may reduce either way.
      model: ([[a, b, c, d]]) => [Math.fround(Math.fround(Math.fround(a + b) + c) + d), Math.fround(Math.fround(a + b) + Math.fround(c + d)), Math.fround(Math.fround(a + c) + Math.fround(b + d))],
      same: (result, options) => options.some((o) => Object.is(result, o)),
    },
    { fn: 'sumBytes', params: [bytes], model: ([c]) => sum(c), same: sameInt },
    { fn: 'sumI32', params: [slice('i32')], model: ([c]) => sum(c), same: sameInt },
    { fn: 'sumF64', params: [slice('f64')], model: ([c]) => c.reduce((t, v) => t + v, 0), same: (a, b) => Object.is(a, b) },
    { fn: 'sumU64', params: [slice('u64')], model: ([c]) => wrap(sum(c), 64, false), same: sameInt },
    { fn: 'sumAligned', params: [slice('u32')], model: ([c]) => sum(c), same: sameInt },
    {
      fn: 'fillU16',
      params: [slice('u16', { writable: true }), u16],
      model: () => undefined,
      same,
      effects: ([s, v], [, value]) => viewIs(s, () => value),
    },
    {
      fn: 'reverseI32',
      params: [slice('i32', { writable: true })],
      model: () => undefined,
      same,
      effects: ([s], [c]) => viewIs(s, (i, n) => c[n - 1 - i]),
    },
    { fn: 'lengthZ', params: [sentinelBytes(maxUsize)], model: ([c]) => c, same: sameInt },
    {
      fn: 'bump',
      params: [single('u32', true)],
      model: () => undefined,
      same,
      effects: ([p], [c]) => viewIs(p, () => wrap(c + 1n, 32, false)),
    },
    { fn: 'readI64', params: [single('i64', false)], model: ([c]) => c, same: sameInt },
    { fn: 'sumMany', generate: manyArgs, model: ([c, n]) => sum(c.slice(0, Number(n))), same: sameInt },
    { fn: 'pointSum', params: [point], model: ([p]) => pointSum(p), same: (a, b) => Object.is(a, b) },
    { fn: 'scalePoint', generate: scaleArgs, model: () => undefined, same },
    {
      fn: 'flagBits',
      params: [struct('Flags', [['a', int(3, false)], ['b', bool], ['c', int(4, false)]], 'Flags')],
      model: ([f]) => Number(f.a) | (f.b ? 8 : 0) | (Number(f.c) << 4),
      same,
    },
    {
      fn: 'pairSum',
      params: [struct('Pair', [['a', u16], ['b', u64]], 'Pair')],
      // Zig's overflow check fires past u64.
      model: ([p]) => (p.a + p.b > 2n ** 64n - 1n ? PANICS : p.a + p.b),
      same: sameInt,
    },
    { fn: 'choiceValue', params: [choice(i32, bool)], model: ([c]) => ('n' in c ? c.n : c.b ? -1000n : -2000n), same: sameInt },
    {
      fn: 'recordChecksum',
      params: [struct('Record', [['id', u64], ['name', bytes], ['values', slice('f32')], ['point', point], ['extra', optional(u16)]])],
      model: ([r]) => {
        let total = Number(r.id % 1000n);
        for (const c of r.name) total += Number(c);
        for (const v of r.values) total += v;
        total += pointSum(r.point);
        return total + Number(r.extra ?? 7n);
      },
      same: (a, b) => Object.is(a, b),
    },
    { fn: 'applyTwice', params: [callback(), i32], model: ([f, x]) => BigInt(f(f(Number(x)))), same: sameInt },
    {
      fn: 'sumAround',
      generate: (r, ctx) => aroundArgs(r, ctx, false),
      // In place, Zig sees what the callback wrote into its second half; a copy does not.
      model: ([c, change]) => {
        const half = Math.floor(c.length / 2);
        return change === 'writes the buffer' ? [sum(c), sum(c.slice(0, half)) + 0x5an * BigInt(c.length - half)] : [sum(c)];
      },
      same: (result, options) => options.some((o) => sameInt(result, o)),
    },
    { fn: 'fillAround', generate: (r, ctx) => aroundArgs(r, ctx, true), model: () => undefined, same },
    { fn: 'duplicate', params: [bytes], model: ([c]) => c, same: (result, c) => sameBytes(result, c) },
    { fn: 'doubleLater', params: [i32], model: ([x]) => wrap(x * 2n, 32, true), same: sameInt, async: true },
  ];
}

/** Whether a returned slice object holds the bytes `c`. */
function sameBytes(result, c) {
  const got = result?.typedArray;
  return got instanceof Uint8Array && got.length === c.length && got.every((b, i) => BigInt(b) === c[i]);
}

/**
 * After a successful call, whether the view argument `a` (when Zig saw
 * the caller's memory: a typed array or DataView in a frame) holds
 * `expected(i, n)` at each index; canaries around it are checked too.
 */
function viewIs(a, expected) {
  if (!a.frame) return null;
  return a.frame.check(() => {
    const { view } = a.frame;
    const e = a.elem;
    const n = view instanceof DataView ? view.byteLength / e.Ctor.BYTES_PER_ELEMENT : view.length;
    for (let i = 0; i < n; i++) {
      const got = view instanceof DataView ? view[e.get](i * e.Ctor.BYTES_PER_ELEMENT, true) : view[i];
      if (BigInt(got) !== BigInt(expected(i, n))) return `element ${i} is ${got}, expected ${expected(i, n)}`;
    }
    return null;
  });
}

/** `[:0]const u8`: strings and byte arrays; canon is what lengthZ returns. */
function sentinelBytes(maxUsize) {
  // Shared memory ending in a zero is taken with that zero as the
  // terminator; a copy (from an array or a string) gets one added.
  const lengthOf = (list, value) => {
    const copied = typeof value === 'string' || Array.isArray(value);
    const n = !copied && list.length > 0 && list[list.length - 1] === 0n ? list.length - 1 : list.length;
    const zero = list.indexOf(0n);
    return zero >= 0 && zero < n ? maxUsize : BigInt(n);
  };
  return {
    name: '[:0]const u8',
    valid(r, ctx) {
      const a = bytes.valid(r, ctx);
      return { ...a, canon: lengthOf(a.canon, a.value) };
    },
    hostile(r, ctx) {
      const a = bytes.hostile(r, ctx);
      return a.canon === undefined ? a : { ...a, canon: lengthOf(a.canon, a.value) };
    },
  };
}

/**
 * Arguments of sumAround and fillAround: a byte view (sometimes of a
 * resizable buffer) and a callback that changes the buffer while Zig uses
 * it: shrinks or grows it, writes it, calls Zig, or (in wasm mode only: see
 * the report of the boundary fuzzer) detaches it. Zig sees the bytes the
 * call started with; what it writes lands as far as the buffer reaches.
 */
function aroundArgs(r, ctx, writes) {
  const count = r.int(0, 64);
  const values = Array.from({ length: count }, () => BigInt(r.byte()));
  const frame = framed(r, Uint8Array, count, values.map(Number), { resizable: r.chance(0.6) });
  const { buffer, view } = frame;
  const start = view.byteOffset;
  const changes = [
    ['does nothing', () => {}],
    ['writes the buffer', () => { if (buffer.byteLength > 0) new Uint8Array(buffer).fill(0x5a); }],
    ['calls Zig', () => { ctx.mod.sumBytes(view); ctx.mod.echoU8(1); }],
  ];
  if (buffer.resizable) changes.push(['shrinks the buffer', () => buffer.resize(r.int(0, buffer.byteLength))], ['grows the buffer', () => buffer.resize(buffer.maxByteLength)]);
  if (ctx.mode === 'wasm') changes.push(['detaches the buffer', () => structuredClone(buffer, { transfer: [buffer] })]);
  const [desc, change] = r.pick(changes);
  const value = r.int(0, 255);
  // After the call, the view's bytes (as far as they reach) are Zig's value
  // (fillAround), or what JS left; canaries past the view are not Zig's.
  const after = (outcome) => {
    if (outcome !== 'returned' || desc !== 'does nothing') return null;
    return frame.check(writes ? () => {
      const now = new Uint8Array(buffer, start, count);
      return now.every((b) => b === value) ? null : 'the view does not hold what Zig wrote';
    } : null);
  };
  const args = [ok(view, values, `Uint8Array(${count})${buffer.resizable ? ' of a resizable buffer' : ''}`, after)];
  if (writes) args.push(ok(value, BigInt(value), `u8 ${value}`));
  args.push(ok(change, desc, `a callback that ${desc}`));
  return args;
}

/** Arguments of sumMany: a u32 slice-like and a count no larger than it. */
function manyArgs(r, ctx) {
  const hostile = r.chance(0.3);
  const p = hostile ? sliceU32.hostile(r, ctx) : sliceU32.valid(r, ctx);
  const n = p.canon ? r.int(0, p.canon.length) : 0;
  return [p, ok(n, BigInt(n), `n = ${n}`)];
}

/** Arguments of scalePoint: a Point instance (changed in place) or a plain object, and a factor. */
function scaleArgs(r, ctx) {
  const p = r.chance(0.2) ? point.hostile(r, ctx) : point.valid(r, ctx);
  const k = r.chance(0.2) ? i32.hostile(r, ctx) : i32.valid(r, ctx);
  if (p.canon !== undefined && r.chance(0.5)) {
    let instance;
    try {
      instance = new ctx.mod.Point({ x: Number(p.canon.x), y: p.canon.y, on: p.canon.on, color: p.canon.color });
    } catch {
      return [p, k];
    }
    const before = instance.valueOf();
    const after = (outcome) => {
      const now = instance.valueOf();
      if (outcome !== 'returned' || k.canon === undefined) return JSON.stringify(now) === JSON.stringify(before) ? null : 'the Point changed although the call failed';
      const x = Number(wrap(BigInt(before.x) * k.canon, 32, true));
      const y = before.y * Number(k.canon);
      return now.x === x && Object.is(now.y, y) ? null : `the Point holds ${JSON.stringify(now)}, expected x ${x}, y ${y}`;
    };
    return [ok(instance, p.canon, 'a Point instance', after), k];
  }
  return [p, k];
}

/**
 * `*const fn (i32) i32`: JS functions. Canon: the function as Zig sees
 * it (a result that does not convert, or a throw, gives Zig zero).
 */
function callback() {
  const asZigSees = (f) => (x) => {
    try {
      const v = f(x);
      const n = typeof v === 'bigint' ? v : Number.isInteger(v) ? BigInt(v) : null;
      return n !== null && n >= -(2n ** 31n) && n < 2n ** 31n ? Number(n) : 0;
    } catch {
      return 0;
    }
  };
  const pick = (r, ctx) => r.pick([
    [(x) => x + 1, 'x + 1'],
    [(x) => x * 3, 'x * 3'],
    [(x) => BigInt(x) - 2n, 'x - 2 as a BigInt'],
    [(x) => { ctx.mod.echoU8(5); ctx.mod.sumBytes('abc'); return x ^ 5; }, 'x ^ 5, calling Zig first'],
    [() => { throw new Error('callback fails'); }, 'a function that throws'],
    [() => 'nope', 'a function returning a string'],
    [(x) => x + 0.5, 'a function returning a fraction'],
  ]);
  return {
    name: '*const fn (i32) i32',
    valid(r, ctx) {
      const [f, desc] = pick(r, ctx);
      return ok(f, asZigSees(f), desc);
    },
    hostile: (r) => r.pick([
      () => refuse(r.pick([null, undefined, 5, 'f', {}, [() => 1]]), 'not a function'),
      () => own(throwingProxy(), 'a proxy whose every trap throws'),
    ])(),
  };
}

export { framed };
