// Generators of arguments for scalar parameters (integers, floats, bool,
// enums, error sets, optionals, error unions): valid values across each
// type's range and its edges, and hostile ones (out of range, wrong type,
// NaN and infinities, objects whose valueOf or toString re-enter Zig).
import { EITHER, FuzzError, OWN, REFUSE, arg, either, ok, own, refuse } from './arg.mjs';

/** Values no scalar takes, with what each must give. */
function junk(r, ctx) {
  return r.pick([
    () => refuse(Symbol('s'), 'a symbol'),
    () => refuse(() => 1, 'a function'),
    () => refuse({}, 'an empty object'),
    () => refuse([1], 'an array'),
    () => refuse('12', 'a numeric string'),
    () => own(throwingProxy(), 'a proxy whose every trap throws'),
    () => refuse(new Proxy({}, {}), 'an empty proxy'),
    () => refuse(cyclic(), 'a cyclic object'),
    () => refuse(reentering(ctx, 1), 'an object whose valueOf calls Zig'),
  ])();
}

/** An object every operation on which throws a FuzzError. */
export function throwingProxy() {
  const fail = () => { throw new FuzzError('trap'); };
  return new Proxy({}, { get: fail, has: fail, ownKeys: fail, getPrototypeOf: fail, getOwnPropertyDescriptor: fail });
}

export function cyclic() {
  const o = { a: 1 };
  o.self = o;
  return o;
}

/** An object whose conversions call into Zig before answering `value`. */
export function reentering(ctx, value) {
  const reenter = () => { ctx.mod.echoU8(7); ctx.mod.sumBytes(new Uint8Array([1, 2, 3])); };
  return {
    valueOf() { reenter(); return value; },
    toString() { reenter(); return String(value); },
    [Symbol.toPrimitive]() { reenter(); return value; },
  };
}

/** An integer type of `bits` bits. Canon: a BigInt. */
export function int(bits, signed) {
  const min = signed ? -(1n << BigInt(bits - 1)) : 0n;
  const max = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
  const name = `${signed ? 'i' : 'u'}${bits}`;
  const inRange = (v) => v >= min && v <= max;
  const valid = (r) => {
    const v = r.pick([min, max, 0n, 1n, min + 1n, max - 1n, min + r.bigBits(bits) % (max - min + 1n)]);
    // A number when it is exact as one, sometimes, else a BigInt.
    const asNumber = v >= -(2n ** 53n) && v <= 2n ** 53n && r.chance(0.5);
    return ok(asNumber ? Number(v) : v, v, `${name} ${v}`);
  };
  return {
    name,
    valid,
    hostile(r, ctx) {
      return r.pick([
        () => refuse(r.pick([0.5, -1.25, 1e-300, 2 ** 40 + 0.5]), 'a fraction'),
        () => refuse(r.pick([NaN, Infinity, -Infinity]), 'NaN or an infinity'),
        () => ok(-0, 0n, 'minus zero'),
        () => refuse(max + 1n + r.bigBits(8), `${name} max + k as a BigInt`),
        () => refuse(min - 1n - r.bigBits(8), `${name} min - k as a BigInt`),
        () => refuse(2n ** 200n, 'a 200-bit BigInt'),
        () => (Number(max + 1n) > Number(max) ? refuse(Number(max + 1n) * 2, `${name} max as a number, doubled`) : valid(r)),
        () => refuse(null, 'null'),
        () => refuse(undefined, 'undefined'),
        () => refuse(true, 'true'),
        () => {
          const big = 2 ** r.int(53, 80);
          return inRange(BigInt(big)) ? ok(big, BigInt(big), 'a large exact number') : refuse(big, 'a large number');
        },
        () => junk(r, ctx),
      ])();
    },
    same: (result, canon) => typeof result !== 'undefined' && BigInt(result) === canon,
  };
}

/** A float type of `bits` bits (32 or 64). Canon: the number Zig holds. */
export function float(bits) {
  const round = bits === 32 ? Math.fround : (x) => x;
  const name = `f${bits}`;
  const samples = [0, -0, 1.5, -2.25, 1e-45, 3.4e38, 1e300, -1e-310, NaN, Infinity, -Infinity, Math.PI];
  return {
    name,
    valid: (r) => {
      const v = r.chance(0.5) ? r.pick(samples) : (r.u32() - 2 ** 31) / r.int(1, 1000);
      return ok(v, round(v), `${name} ${Object.is(v, -0) ? '-0' : v}`);
    },
    hostile(r, ctx) {
      return r.pick([
        () => { const b = r.pick([5n, -(2n ** 40n), 2n ** 70n]); return either(b, round(Number(b)), 'a BigInt'); },
        () => refuse(null, 'null'),
        () => refuse(undefined, 'undefined'),
        () => refuse('1.5', 'a numeric string'),
        () => refuse(false, 'false'),
        () => junk(r, ctx),
      ])();
    },
    same: (result, canon) => Object.is(result, canon),
  };
}

export const bool = {
  name: 'bool',
  valid: (r) => { const v = r.chance(0.5); return ok(v, v, String(v)); },
  hostile: (r, ctx) => r.pick([
    () => refuse(r.pick([0, 1, '', 'true', null, undefined, 1n]), 'a value that is only truthy or falsy'),
    () => refuse(new Boolean(true), 'a Boolean object'),
    () => junk(r, ctx),
  ])(),
  same: (result, canon) => result === canon,
};

/** Color = enum(u8) { red, green, blue = 7 }. Canon: its value. */
export const color = {
  name: 'Color',
  valid(r, ctx) {
    const [tag, value] = r.pick([['red', 0], ['green', 1], ['blue', 7]]);
    const form = r.int(0, 2);
    return ok(form === 0 ? tag : form === 1 ? value : ctx.mod.Color[tag], value, `Color.${tag} as ${['name', 'number', 'member'][form]}`);
  },
  hostile: (r, ctx) => r.pick([
    () => refuse(r.pick(['purple', 'Red', 'constructor', 'toString', '__proto__', 'valueOf', '']), 'a name it lacks'),
    () => refuse(r.pick([2, 3, -1, 8, 255, 256, 1.5, NaN]), 'a value it lacks'),
    () => refuse(r.pick([null, undefined, true]), 'null, undefined or true'),
    () => refuse(ctx.mod.Failure.Alpha, 'an error'),
    () => junk(r, ctx),
  ])(),
  same: (result, canon) => result === canon,
};

/** Failure = error{ Alpha, BetaGamma }. Canon: its name. */
export const failure = {
  name: 'Failure',
  valid(r, ctx) {
    const name = r.pick(['Alpha', 'BetaGamma']);
    return ok(r.chance(0.7) ? ctx.mod.Failure[name] : name, name, `error.${name}`);
  },
  hostile: (r, ctx) => r.pick([
    () => refuse(r.pick(['Gamma', 'constructor', 'toString', 'Alpha ', '__proto__']), 'a name it lacks'),
    // An Error is taken by its message, as the error of that name.
    () => either(new Error('Alpha'), 'Alpha', 'a plain Error named Alpha'),
    () => refuse(new Error('Delta'), 'a plain Error named Delta'),
    () => refuse(r.pick([0, 1, null, undefined]), 'a number, null or undefined'),
    () => junk(r, ctx),
  ])(),
};

/** `?T` of scalar kind `inner`. Canon: null or inner's. */
export function optional(inner) {
  return {
    name: `?${inner.name}`,
    valid: (r, ctx) => (r.chance(0.3) ? ok(r.chance(0.5) ? null : undefined, null, 'null') : inner.valid(r, ctx)),
    hostile(r, ctx) {
      const h = inner.hostile(r, ctx);
      // Null and undefined are the optional's own null.
      return h.value === null || h.value === undefined ? ok(h.value, null, h.desc) : h;
    },
    same: (result, canon) => (canon === null ? result === null : inner.same(result, canon)),
  };
}

/** `Failure!i32`. Canon: `{ error }` or `{ value }`. */
export function errorUnion(inner) {
  return {
    name: `Failure!${inner.name}`,
    valid(r, ctx) {
      if (r.chance(0.3)) {
        const e = failure.valid(r, ctx);
        // Only the error objects: a string is a value of the payload's type.
        return ok(ctx.mod.Failure[e.canon], { error: e.canon }, e.desc);
      }
      const v = inner.valid(r, ctx);
      return { ...v, canon: { value: v.canon } };
    },
    hostile(r, ctx) {
      const h = inner.hostile(r, ctx);
      return { ...h, canon: h.canon === undefined ? undefined : { value: h.canon } };
    },
  };
}

export { OWN, REFUSE, arg };
