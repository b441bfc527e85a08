// Zig floats: f16, f32, f64, f80 and f128 are all JS numbers. f80 and f128
// round to the nearest double on the way out and widen exactly on the way in.
import { typeMismatch } from '../errors.js';
import {
  getFloat16, setFloat16, getFloat80, setFloat80, getFloat128, setFloat128,
} from '../members/float-formats.js';

const CODECS = {
  16: [getFloat16, setFloat16],
  32: [(dv, o) => dv.getFloat32(o, true), (dv, o, v) => dv.setFloat32(o, v, true)],
  64: [(dv, o) => dv.getFloat64(o, true), (dv, o, v) => dv.setFloat64(o, v, true)],
  80: [getFloat80, setFloat80],
  128: [getFloat128, setFloat128],
};

/** Builds the converter for a `float` type descriptor. */
export function floatType(t) {
  const [read, store] = CODECS[t.bits];
  const native = t.bits === 32 || t.bits === 64;
  return {
    ...t,
    read,
    normalize(value, where) {
      if (typeof value === 'number') return value;
      if (typeof value === 'bigint') return Number(value);
      throw typeMismatch(where, t.name, 'a number', value);
    },
    write(dv, offset, value, where) {
      store(dv, offset, this.normalize(value, where));
    },
    inline: native ? {
      guard: (v) => `(typeof ${v} === "number")`,
      get: (dv, off) => `${dv}.getFloat${t.bits}(${off}, true)`,
      set: (dv, off, v) => `${dv}.setFloat${t.bits}(${off}, ${v}, true)`,
      array: t.bits === 32 ? Float32Array : Float64Array,
    } : null,
  };
}
