// Pointers to opaque types: JS passes back the handles Zig returned (see
// opaque.js); the runtime checks that each is one it made.
import { typeMismatch } from '../errors.js';
import { TOKEN, CONST_HANDLE } from './opaque.js';

/**
 * `*Context`, `*anyopaque` and their const forms: JS passes a handle a Zig
 * function returned. `*anyopaque` takes any handle (every pointer coerces
 * to it in Zig); a typed pointer takes only handles of its own type, and a
 * non-const one refuses handles that came from const pointers.
 */
export function handlePointer(t, child) {
  const writable = !t.const;
  const anything = child.name === 'anyopaque';
  const expected = anything ? 'a handle that a Zig function returned' : `a handle to ${child.constructor.name} that a Zig function returned`;
  return {
    ...t,
    pointer: { isSlice: false, writable, elemSize: 0, optional: t.nullable === true, handle: true },
    result(buffer, byteOffset, byteLength, token) {
      return child.handle(token, !writable);
    },
    target(value, where) {
      const token = value?.[TOKEN];
      const fits = token !== undefined && (anything || value instanceof child.constructor);
      if (!fits) throw typeMismatch(where, t.name, expected, value);
      if (writable && value[CONST_HANDLE]) {
        throw new TypeError(`${where}: ${t.name} would let Zig write through a handle from a const pointer`);
      }
      return { buffer: token, byteOffset: 0, byteLength: 0 };
    },
  };
}
