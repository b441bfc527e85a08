// Zig `void`: no bytes; JS `undefined`.
import { typeMismatch } from '../errors.js';

/** Builds the converter for the `void` type descriptor. */
export function voidType(t) {
  return {
    ...t,
    read: () => undefined,
    normalize(value, where) {
      if (value === undefined) return value;
      throw typeMismatch(where, 'void', 'undefined', value);
    },
    write(dv, offset, value, where) {
      this.normalize(value, where);
    },
    inline: null,
  };
}
