// Zig `?T`: `null` (or `undefined` on the way in) when empty, otherwise the
// child's value. At the boundary it is `{ value, present }` (see wire.zig).
import { reopener } from './memory.js';

/** Builds the converter for an `optional` type descriptor. */
export function optionalType(t, child) {
  const { value_offset: valueAt, present_offset: presentAt } = t;
  // `undefined` is the one value of `void`, so in `?void` it is present.
  const absent = child.kind === 'void' ? (value) => value === null : (value) => value === null || value === undefined;
  return {
    ...t,
    child,
    read: (dv, offset) => (dv.getUint8(offset + presentAt) !== 0 ? child.read(dv, offset + valueAt) : null),
    write(dv, offset, value, where) {
      const present = !absent(value);
      const reopen = reopener(dv);
      if (present) child.write(dv, offset + valueAt, value, where);
      reopen().setUint8(offset + presentAt, present ? 1 : 0);
    },
    inline: null,
    // An optional pointer is a pointer argument that may be absent.
    pointer: child.pointer ? { ...child.pointer, optional: true } : undefined,
    target: child.target,
    result: child.result,
    pointee: child.pointee,
  };
}
