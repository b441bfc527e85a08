// Zig integers of every width. Up to 32 bits they are JS numbers; wider ones
// are bigints, except usize/isize, which are numbers while the value is a
// safe integer. Both numbers and bigints are accepted on the way in.
import { outOfRange, typeMismatch } from '../errors.js';

const ACCESSORS = {
  1: ['getInt8', 'setInt8', 'getUint8', 'setUint8'],
  2: ['getInt16', 'setInt16', 'getUint16', 'setUint16'],
  4: ['getInt32', 'setInt32', 'getUint32', 'setUint32'],
};
// Typed arrays reading the full-width integers (see element-view.js).
const ELEMENT_ARRAYS = {
  1: [Int8Array, Uint8Array],
  2: [Int16Array, Uint16Array],
  4: [Int32Array, Uint32Array],
};

// Expressions that are true exactly when `v` is an in-range JS number for
// the common widths; cheaper than range comparisons. The typeof test comes
// first because the bit operators throw on bigints and symbols and call
// valueOf on objects.
const EXACT_GUARDS = {
  'i8': (v) => `(typeof ${v} === "number" && (${v} << 24 >> 24) === ${v})`,
  'u8': (v) => `(typeof ${v} === "number" && (${v} & 255) === ${v})`,
  'i16': (v) => `(typeof ${v} === "number" && (${v} << 16 >> 16) === ${v})`,
  'u16': (v) => `(typeof ${v} === "number" && (${v} & 65535) === ${v})`,
  'i32': (v) => `(typeof ${v} === "number" && (${v} | 0) === ${v})`,
  'u32': (v) => `(typeof ${v} === "number" && (${v} >>> 0) === ${v})`,
};

/** Builds the converter for an `int` type descriptor. */
export function intType(t) {
  return t.bits <= 32 ? smallInt(t) : bigInt(t);
}

function limits(bits, signed) {
  const min = signed ? -(1n << BigInt(bits - 1)) : 0n;
  const max = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
  return { min, max, range: `${min} to ${max}` };
}

/** Converts an accepted JS value to an in-range bigint, or throws. */
function toBigInt(value, where, t, { min, max, range }) {
  let v;
  if (typeof value === 'bigint') v = value;
  else if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw outOfRange(where, t.name, value, 'not an integer');
    v = BigInt(value);
  } else throw typeMismatch(where, t.name, 'a number or bigint', value);
  if (v < min || v > max) throw outOfRange(where, t.name, value, range);
  return v;
}

function smallInt(t) {
  const { bits, signed, size, name } = t;
  // u0 and i0 hold only 0; the shifts in limits() would not say so.
  const lim = bits === 0 ? { min: 0n, max: 0n, range: '0 to 0' } : limits(bits, signed);
  const [min, max] = [Number(lim.min), Number(lim.max)];
  const names = ACCESSORS[size];
  const [get, set] = names ? (signed ? names.slice(0, 2) : names.slice(2)) : [null, null];
  const shift = 32 - bits;
  // Zig does not promise that padding bits of odd widths are clean.
  const clean = bits === 32 || bits === size * 8
    ? (v) => v
    : signed ? (v) => (v << shift) >> shift : (v) => (v & ((2 ** bits) - 1)) >>> 0;
  return {
    ...t,
    read: size === 0 ? () => 0 : (dv, offset) => clean(dv[get](offset, true)),
    normalize(value, where) {
      // In-range numbers, the common case, skip the round trip through a
      // bigint; `+ 0` turns -0 into 0, as that round trip does.
      if (typeof value === 'number' && value >= min && value <= max && Number.isInteger(value)) return value + 0;
      return Number(toBigInt(value, where, t, lim));
    },
    write(dv, offset, value, where) {
      const v = this.normalize(value, where);
      if (size !== 0) dv[set](offset, v, true);
    },
    inline: size === 0 ? null : {
      guard: EXACT_GUARDS[name] ?? ((v) => `(Number.isInteger(${v}) && ${v} >= ${min} && ${v} <= ${max})`),
      get: bits === size * 8 ? (dv, off) => `${dv}.${get}(${off}, true)` : null,
      set: (dv, off, v) => `${dv}.${set}(${off}, ${v}, true)`,
      array: bits === size * 8 ? ELEMENT_ARRAYS[size][signed ? 0 : 1] : null,
    },
  };
}

function bigInt(t) {
  const { bits, signed, size } = t;
  const lim = limits(bits, signed);
  const words = size / 8;
  const asN = signed ? BigInt.asIntN : BigInt.asUintN;
  const read = size === 8
    ? (dv, offset) => asN(bits, dv.getBigUint64(offset, true))
    : (dv, offset) => {
      let v = 0n;
      for (let i = words - 1; i >= 0; i--) v = (v << 64n) | dv.getBigUint64(offset + i * 8, true);
      return asN(bits, v);
    };
  const write = (dv, offset, v) => {
    let rest = BigInt.asUintN(size * 8, v);
    for (let i = 0; i < words; i++, rest >>= 64n) dv.setBigUint64(offset + i * 8, BigInt.asUintN(64, rest), true);
  };
  const sizeTyped = t.pointer_sized;
  return {
    ...t,
    read: sizeTyped
      ? (dv, offset) => {
        const v = read(dv, offset);
        return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
      }
      : read,
    normalize(value, where) {
      return toBigInt(value, where, t, lim);
    },
    write(dv, offset, value, where) {
      write(dv, offset, this.normalize(value, where));
    },
    inline: size === 8 && bits === 64 && !sizeTyped ? {
      guard: (v) => `(typeof ${v} === "bigint" && ${v} >= ${lim.min}n && ${v} <= ${lim.max}n)`,
      get: (dv, off) => `${dv}.${signed ? 'getBigInt64' : 'getBigUint64'}(${off}, true)`,
      set: (dv, off, v) => `${dv}.${signed ? 'setBigInt64' : 'setBigUint64'}(${off}, ${v}, true)`,
      array: signed ? BigInt64Array : BigUint64Array,
    } : null,
  };
}
