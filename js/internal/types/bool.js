// Zig `bool`: one byte, JS true/false.
import { typeMismatch } from '../errors.js';

/** Builds the converter for the `bool` type descriptor. */
export function boolType(t) {
  return {
    ...t,
    read: (dv, offset) => dv.getUint8(offset) !== 0,
    normalize(value, where) {
      if (typeof value === 'boolean') return value;
      throw typeMismatch(where, 'bool', 'true or false', value);
    },
    write(dv, offset, value, where) {
      dv.setUint8(offset, this.normalize(value, where) ? 1 : 0);
    },
    inline: {
      guard: (v) => `(typeof ${v} === "boolean")`,
      get: (dv, off) => `(${dv}.getUint8(${off}) !== 0)`,
      set: (dv, off, v) => `${dv}.setUint8(${off}, ${v} ? 1 : 0)`,
    },
  };
}
