// Zig opaque types (`opaque {}`, `anyopaque`) have no size or fields JS could
// see; what crosses the boundary is a pointer to one. A returned `*Context`
// becomes a handle: an instance of the class named after the opaque type,
// holding the runtime's token for the address (JS never sees the address
// itself). A handle is only good for passing back to Zig.
import { displayName } from './memory.js';
import { defineZigIterator } from './iteration.js';

/** The runtime's token for the address a handle stands for. */
export const TOKEN = Symbol('zigport.handle');
/** Whether the handle came from a const pointer (`*const Context`). */
export const CONST_HANDLE = Symbol('zigport.constHandle');

/**
 * Builds the converter (and handle class) for an `opaque` type descriptor;
 * `held` finds its `next` when it is an iterator (iteration.js).
 */
export function opaqueType(t, held) {
  const name = displayName(t.name);
  const Handle = {
    [name]: function () {
      throw new TypeError(`${name} is an opaque Zig type: only Zig functions make its handles`);
    },
  }[name];
  Object.defineProperties(Handle.prototype, {
    [Symbol.toStringTag]: { get: () => name },
    // console.log shows the type, not the private slots.
    [Symbol.for('nodejs.util.inspect.custom')]: { value() { return `${name} {}`; } },
  });
  if (t.iterator != null) defineZigIterator(Handle.prototype, t.iterator, held, name);
  const fail = () => { throw new TypeError(`${name} is an opaque type: only pointers to it cross the boundary`); };
  return {
    ...t,
    constructor: Handle,
    read: fail,
    write: fail,
    normalize: fail,
    inline: null,
    /** A handle for `token`, read-only when it came from a const pointer. */
    handle(token, isConst) {
      const handle = Object.create(Handle.prototype);
      Object.defineProperty(handle, TOKEN, { value: token });
      Object.defineProperty(handle, CONST_HANDLE, { value: isConst });
      return handle;
    },
  };
}
