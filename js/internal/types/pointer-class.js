// Classes for pointer and slice types a module declares
// (`pub const CStr = [*:0]const u8`). An instance holds what it points at:
// the memory its initializer means, found as for a pointer argument (a JS
// buffer or zigport object shared, a string or array copied). Its use is to
// say which C type a value has where nothing else does: an extra argument
// of a variadic function (`format(buf, n, fmt, new CStr('text'))`).
import { displayName } from './memory.js';

const TARGET = Symbol('zigport.pointerTarget');

/** The class for pointer converter `type` (of kind `pointer` or `slice`). */
export function pointerClass(type) {
  const name = displayName(type.name);
  const Pointer = {
    [name]: function (value) {
      if (!new.target) throw new TypeError(`${name} is a pointer type: make one with new ${name}(value)`);
      const where = `new ${name}()`;
      const none = value === null || value === undefined;
      if (none && !type.pointer.optional) throw new TypeError(`${where}: ${type.name} cannot be null`);
      this[TARGET] = none ? null : type.target(value, where);
    },
  }[name];
  Object.defineProperties(Pointer.prototype, {
    [Symbol.toStringTag]: { get: () => name },
    /** What it points at, as a returned pointer of its type reads; null for null. */
    $: {
      get() {
        const m = this[TARGET];
        if (m === null) return null;
        // The terminator of `[*:0]T` is memory held, not an element shown.
        const shown = type.terminated ? m.byteLength - type.pointer.elemSize : m.byteLength;
        return type.result(m.buffer, m.byteOffset, shown);
      },
    },
    valueOf: { value() { return this.$?.valueOf(); }, writable: true },
  });
  return Pointer;
}

/** The memory a pointer object holds (`{ buffer, byteOffset, byteLength }`, or null), or undefined for other values. */
export function pointerTarget(value) {
  return value?.[TARGET];
}
