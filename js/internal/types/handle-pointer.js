// Pointers to opaque types: JS passes back the handles Zig returned (see
// opaque.js); the runtime checks that each is one it made.
import { typeMismatch } from '../errors.js';
import { TOKEN, CONST_HANDLE } from './opaque.js';
import { DV, READ_ONLY, isSharedArrayBuffer } from './memory.js';

/**
 * `*Context`, `*anyopaque` and their const forms: JS passes a handle a Zig
 * function returned. `*anyopaque` takes any handle (every pointer coerces
 * to it in Zig) and, as C's `void *`, any memory: an ArrayBuffer, a typed
 * array, a DataView or a zigport object. A typed pointer takes only handles
 * of its own type, and a non-const one refuses handles that came from const
 * pointers.
 */
export function handlePointer(t, child) {
  const writable = !t.const;
  const anything = child.name === 'anyopaque';
  const handleExpected = anything ? 'a handle that a Zig function returned' : `a handle to ${child.constructor.name} that a Zig function returned`;
  const expected = anything ? `${handleExpected}, an ArrayBuffer, a typed array, a DataView or a Zig object` : handleExpected;

  /**
   * What a pointer held in memory (a variable, a field) may be set to:
   * only a handle, since Zig may keep it past the call, when JS memory
   * could be gone.
   */
  function heldTarget(value, where, wanted = handleExpected) {
    const token = value?.[TOKEN];
    const fits = token !== undefined && (anything || value instanceof child.constructor);
    if (!fits) throw typeMismatch(where, t.name, wanted, value);
    if (writable && value[CONST_HANDLE]) {
      throw new TypeError(`${where}: ${t.name} would let Zig write through a handle from a const pointer`);
    }
    return { buffer: token, byteOffset: 0, byteLength: 0 };
  }

  return {
    ...t,
    pointer: { isSlice: false, writable, elemSize: 0, optional: t.nullable === true, handle: true },
    result(buffer, byteOffset, byteLength, token) {
      return child.handle(token, !writable);
    },
    /** What an argument means: a handle, or for `*anyopaque` also memory. */
    target(value, where) {
      return (anything && memoryOf(value, writable, where)) || heldTarget(value, where, expected);
    },
    heldTarget,
  };
}

/** The bytes `value` holds, for `*anyopaque`: null for anything but memory. */
function memoryOf(value, writable, where) {
  if (value instanceof ArrayBuffer) return { buffer: value, byteOffset: 0, byteLength: value.byteLength };
  if (ArrayBuffer.isView(value)) {
    if (isSharedArrayBuffer(value.buffer)) return null;
    return { buffer: value.buffer, byteOffset: value.byteOffset, byteLength: value.byteLength };
  }
  if (value?.[DV] === undefined || value[TOKEN] !== undefined) return null;
  if (writable && value[READ_ONLY]) throw new TypeError(`${where}: *anyopaque would let Zig write to constant memory`);
  // The object's own bytes, as its `dataView` shows them.
  const dv = value.dataView;
  return { buffer: dv.buffer, byteOffset: dv.byteOffset, byteLength: dv.byteLength };
}
