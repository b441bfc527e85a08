// Zig `*T` and `[]T` parameters. JS passes memory (ArrayBuffer, typed
// array, DataView, Buffer, strings for `[]const u8`, and zigport objects
// such as struct instances, whose memory is used as is); the runtime
// points Zig at it in place when alignment allows, or at an aligned copy
// that is copied back afterwards when the pointer is not const. Here we only
// find which bytes of which ArrayBuffer a value means.
import { typeMismatch, rangeError } from '../errors.js';
import { AT, DV, READ_ONLY, isSharedArrayBuffer } from './memory.js';
import { ELEMENT_TYPE, encodeText, sliceClass } from './array.js';
import { handlePointer } from './handle-pointer.js';
import { withFieldAccess } from './pointer-field.js';
import { pointerTarget } from './pointer-class.js';
import { scalarOrPointerTypeOf } from './scalar-class.js';

const TYPED_ARRAYS = {
  'u8': [Uint8Array, Uint8ClampedArray], 'i8': [Int8Array],
  'u16': [Uint16Array], 'i16': [Int16Array], 'u32': [Uint32Array], 'i32': [Int32Array],
  'u64': [BigUint64Array], 'i64': [BigInt64Array], 'usize': [BigUint64Array], 'isize': [BigInt64Array],
  'f32': [Float32Array], 'f64': [Float64Array],
};

/** Builds the converter for a `slice` or `pointer` type descriptor. */
export function pointerType(t, child) {
  if (child.kind === 'opaque') return withFieldAccess(handlePointer(t, child));
  const isSlice = t.kind === 'slice';
  // Slices and many-item pointers (`[*]T`, `[*c]T`, `[*:0]T`) take a run of
  // elements; a single-item pointer takes one.
  const run = isSlice || t.many === true;
  const writable = !t.const;
  // A pointer to an array (`*[20]u8`) also takes the array's typed array.
  const elementName = child.kind === 'array' ? child.child.name : child.name;
  const accepted = TYPED_ARRAYS[elementName] ?? [];
  // The typed array of the element type, which calls are given most often.
  const primary = accepted[0];
  const objectClass = Object.hasOwn(child, 'constructor') ? child.constructor : undefined;
  const views = sliceClass(t, child);
  // An ArrayBuffer is bytes: it stands for a run of wider elements only through a typed array or DataView.
  const takesArrayBuffer = !run || child.name === 'u8' || child.name === 'i8';
  const takesString = run && encodeText(child.name, '') !== null;
  const cString = t.many === true && t.nullable === true && !t.terminated;
  const expected = [objectClass?.name, ...accepted.map((c) => c.name), 'DataView', takesArrayBuffer && 'ArrayBuffer']
    .filter(Boolean).join(', ') + (takesString ? ', a string' : '') + (run ? ' or an array of values' : ' or an initializer');
  if (isSlice && child.pointer) return withFieldAccess(sliceOfPointers(t, child));
  return withFieldAccess({
    ...t,
    pointee: child,
    // `optional`: JS may pass null (`?*T`, `?[]T`, `[*c]T`).
    pointer: { isSlice, writable, elemSize: child.size, optional: t.nullable === true },
    fast: fastShape(t, child, primary, objectClass),
    /**
     * What a returned pointer means to JS, given the memory it points at: a
     * slice view, the struct/array object it points to, or (for a pointer
     * to a scalar) a one-element slice view. A many-item pointer is a slice
     * view of the one element its length is known to cover (for `[*:0]T`,
     * of the elements before the zero). Const pointers give read-only views.
     */
    result(buffer, byteOffset, byteLength) {
      const dv = new DataView(buffer, byteOffset, byteLength);
      if (!run && typeof child.view === 'function') return child.view(dv, 0, !writable);
      return views.view(dv, 0, byteLength / child.size, !writable);
    },
    /**
     * `{ buffer, byteOffset, byteLength }` of the memory `value` means; for
     * a zero-terminated pointer or slice, with the terminator.
     */
    target(value, where) {
      const shared = (primary !== undefined && value instanceof primary && ArrayBuffer.isView(value) ? viewMemory(value, where) : null)
        ?? heldMemory(value, where) ?? objectMemory(value, where) ?? memoryOf(value, accepted, takesArrayBuffer, where);
      const found = shared ?? copyOf(value, where);
      if (!found) throw typeMismatch(where, t.name, expected, value);
      if (isSharedArrayBuffer(found.buffer)) {
        throw typeMismatch(where, t.name, 'memory that is not a SharedArrayBuffer', value);
      }
      const { byteLength } = found;
      if (run ? byteLength % child.size !== 0 : byteLength < child.size) {
        throw rangeError(where, run
          ? `${t.name} needs a whole number of ${child.size}-byte elements, received ${byteLength} bytes`
          : `${t.name} needs at least ${child.size} bytes, received ${byteLength}`);
      }
      // The copy of a string for `char *` ends in the zero C reads up to (copyOf).
      if (t.c_string && typeof value === 'string') return { ...found, zeroAdded: true };
      if (!t.terminated) return found;
      return shared ? terminatedMemory(found, where) : withTerminator(found);
    },
  });

  /**
   * Shared memory for `[*:0]T` or `[:0]T` must carry its zero terminator, or
   * Zig would look for it past the memory. Memory that ends in a zero
   * element is taken as is (that element is the terminator, as in Zigar);
   * memory followed by one in the same buffer (a view read from Zig) is
   * taken with it. Otherwise a const pointer gets a terminated copy; a
   * writable one is refused, since Zig's writes would land in the copy.
   */
  function terminatedMemory(found, where) {
    const { buffer, byteOffset, byteLength } = found;
    const size = child.size;
    if (byteLength >= size && isZero(buffer, byteOffset + byteLength - size, size)) return found;
    if (byteOffset + byteLength + size <= buffer.byteLength && isZero(buffer, byteOffset + byteLength, size)) {
      return { buffer, byteOffset, byteLength: byteLength + size };
    }
    if (writable) throw rangeError(where, `${t.name} expects the sentinel value 0 at ${byteLength / size}, after the last element`);
    return withTerminator(found);
  }

  /** A copy of `found` with a zero element after it. */
  function withTerminator({ buffer, byteOffset, byteLength }) {
    const copy = new Uint8Array(byteLength + child.size);
    copy.set(new Uint8Array(buffer, byteOffset, byteLength));
    return { buffer: copy.buffer, byteOffset: 0, byteLength: copy.byteLength };
  }

  /**
   * What a pointer object (`new CStr('text')`, of a pointer type the module
   * declares) points at, when it points at this pointer's elements; null
   * for any other value.
   */
  function heldMemory(value, where) {
    const held = pointerTarget(value);
    if (held === undefined) return null;
    const from = scalarOrPointerTypeOf(value);
    if (from?.pointee !== child) throw typeMismatch(where, t.name, expected, value);
    if (writable && from.const) {
      throw new TypeError(`${where}: ${t.name} would let Zig write through ${from.name}, a const pointer`);
    }
    if (held === null) throw typeMismatch(where, t.name, 'a pointer that is not null', value);
    return held;
  }

  /** The bytes a zigport object (of the pointee's type, or an array or slice of it) owns or views. */
  function objectMemory(value, where) {
    const own = objectClass && value instanceof objectClass && !run;
    // A single-item pointer also takes the view a pointer to a scalar reads as.
    const elements = value?.[ELEMENT_TYPE] === child && (run || value.length >= 1);
    if ((!own && !elements) || value[DV] === undefined) return null;
    if (writable && value[READ_ONLY]) {
      throw new TypeError(`${where}: ${t.name} would let Zig write to constant memory`);
    }
    const dv = value[DV];
    const byteLength = elements && run ? value.length * child.size : child.size;
    return { buffer: dv.buffer, byteOffset: dv.byteOffset + value[AT], byteLength };
  }

  /**
   * A fresh buffer holding `value`: a string (UTF-8 for u8, UTF-16 for u16),
   * the items of an array or other iterable, or an initializer of the one
   * value a single-item pointer points at. Zig sees the copy, as in Zigar;
   * JS memory of the wrong kind (a typed array of other elements, a zigport
   * object of another type) is refused rather than converted.
   */
  function copyOf(value, where) {
    if (typeof value === 'string') {
      const units = run ? encodeText(child.name, value) : null;
      if (!units) return null;
      const found = { buffer: units.buffer, byteOffset: units.byteOffset, byteLength: units.byteLength };
      // A C string (`[*c]const u8`) ends at a zero C looks for, as a
      // string literal in C would: the copy gets one after its text.
      return cString ? withTerminator(found) : found;
    }
    if (looksLikeMemory(value) || value?.[ELEMENT_TYPE] !== undefined) return null;
    if (!run && objectClass) {
      if (value === null || typeof value !== 'object') return null;
      const dv = new DataView(new ArrayBuffer(child.size));
      child.write(dv, 0, value, where);
      return { buffer: dv.buffer, byteOffset: 0, byteLength: dv.byteLength };
    }
    const iterable = value !== null && typeof value === 'object' && typeof value[Symbol.iterator] === 'function';
    const items = Array.isArray(value) ? value : iterable ? Array.from(value) : run ? null : [value];
    if (!items) return null;
    const dv = new DataView(copyBuffer(items.length, where));
    // Every index, holes included: a hole reads as undefined, which is
    // refused like any other undefined element rather than left as zero.
    for (let i = 0; i < items.length; i++) child.write(dv, i * child.size, items[i], `${where}[${i}]`);
    return { buffer: dv.buffer, byteOffset: 0, byteLength: dv.byteLength };
  }

  /** A buffer for `count` elements, or a RangeError naming the argument when JS cannot allocate one. */
  function copyBuffer(count, where) {
    const byteLength = count * child.size;
    try {
      return new ArrayBuffer(byteLength);
    } catch {
      throw rangeError(where, `${t.name} cannot be copied from ${count} elements: no memory for ${byteLength} bytes`);
    }
  }
}

/**
 * Which values a call may hand the runtime's buffer invoker as they are
 * (calls/function.js): for a plain slice, a typed array of exactly its
 * elements; for a single-item pointer, an instance of the pointee's class.
 * `target` would take such a value's memory whole, with no copy and no
 * terminator, so the runtime sees the same bytes either way. Undefined for
 * every other shape (sentinels, many-item and C pointers, pointers to
 * pointers), which takes the general path; so does a pointee that holds
 * pointers, which the runtime declines.
 */
function fastShape(t, child, primary, objectClass) {
  if (t.terminated || t.c_string || t.many || child.pointer) return undefined;
  if (t.kind === 'slice') {
    return primary?.BYTES_PER_ELEMENT === child.size ? { view: primary } : undefined;
  }
  return objectClass && child.size > 0 ? { object: objectClass } : undefined;
}

/** Whether the `size` bytes at `offset` of `buffer` are all zero. */
function isZero(buffer, offset, size) {
  const bytes = new Uint8Array(buffer, offset, size);
  return bytes.every((b) => b === 0);
}

/**
 * The memory a typed array views, with the view itself (`view`, which
 * covers exactly that memory, so that a copy needs no view of its own).
 */
function viewMemory(view, where) {
  const { buffer, byteLength } = view;
  if (byteLength === 0 && isDetached(buffer)) throw detached(where, view);
  return { buffer, byteOffset: view.byteOffset, byteLength, view };
}

function memoryOf(value, accepted, takesArrayBuffer, where) {
  let found = null;
  if ((isArrayBuffer(value) || isSharedArrayBuffer(value)) && takesArrayBuffer) {
    found = { buffer: value, byteOffset: 0, byteLength: value.byteLength };
  } else if (ArrayBuffer.isView(value) && (value instanceof DataView || accepted.some((ctor) => value instanceof ctor))) {
    try {
      found = { buffer: value.buffer, byteOffset: value.byteOffset, byteLength: value.byteLength };
    } catch {
      // V8 refuses to read a DataView's range once its buffer is detached.
      throw detached(where, value);
    }
  }
  if (found?.byteLength === 0 && isDetached(found.buffer)) throw detached(where, value);
  return found;
}

const TypedArray = Object.getPrototypeOf(Uint8Array);
const arrayBufferLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;

/**
 * Whether `value` is an ArrayBuffer itself, not an object that only
 * inherits from one (a Proxy of one, or `Object.create(buffer)`), whose
 * memory no one can reach.
 */
function isArrayBuffer(value) {
  if (!(value instanceof ArrayBuffer)) return false;
  try {
    arrayBufferLength.call(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether `value` is, or passes for, memory (a buffer or a view): such a
 * value is never copied element by element, so one that only passes for
 * memory (a Proxy of a typed array) is refused as the wrong type.
 */
function looksLikeMemory(value) {
  return value instanceof ArrayBuffer || value instanceof DataView || value instanceof TypedArray
    || ArrayBuffer.isView(value) || isSharedArrayBuffer(value);
}

/** Node 20 has no `ArrayBuffer.prototype.detached`; a detached buffer reads as empty. */
function isDetached(buffer) {
  try {
    new Uint8Array(buffer);
    return false;
  } catch {
    return true;
  }
}

function detached(where, value) {
  return new TypeError(`${where}: the ArrayBuffer behind this ${value.constructor.name} is detached`);
}

/**
 * `[]const []const u8` and the like: JS passes an array (or iterable) of
 * values each child pointer accepts. The outer slice's memory is a buffer
 * made for the call, in which the runtime writes each element's address.
 * Strings for `[]const u8` elements are encoded side by side into one
 * buffer, so a thousand strings are one ArrayBuffer rather than a thousand.
 * `elements` lists, per element, its ArrayBuffer, byte offset and length.
 */
function sliceOfPointers(t, child) {
  const views = sliceClass(t, child);
  const packsStrings = child.pointer.isSlice && !child.pointer.writable && child.pointer.elemSize === 1;
  return {
    ...t,
    pointee: child,
    pointer: { isSlice: true, writable: false, elemSize: child.size, holdsPointers: true, optional: t.nullable === true },
    target(value, where) {
      if (value === null || typeof value !== 'object' || !(Symbol.iterator in value) || ArrayBuffer.isView(value)) {
        throw typeMismatch(where, t.name, 'an array of values for its elements', value);
      }
      const items = Array.isArray(value) ? value : Array.from(value);
      const n = items.length;
      const elements = { owners: new Array(n), offsets: new Float64Array(n), lengths: new Float64Array(n) };
      const pool = packsStrings ? stringPool(items) : null;
      let used = 0;
      for (let i = 0; i < n; i++) {
        const item = items[i];
        if (pool !== null && typeof item === 'string') {
          const { written } = utf8.encodeInto(item, pool.subarray(used));
          elements.owners[i] = pool.buffer;
          elements.offsets[i] = pool.byteOffset + used;
          elements.lengths[i] = written;
          used += written;
        } else {
          const m = child.target(item, `${where}[${i}]`);
          elements.owners[i] = m.buffer;
          elements.offsets[i] = m.byteOffset;
          elements.lengths[i] = m.byteLength;
        }
      }
      const buffer = new ArrayBuffer(n * child.size);
      return { buffer, byteOffset: 0, byteLength: buffer.byteLength, elements };
    },
    /** A slice view whose elements read the inner pointers (their targets are remembered beside them). */
    result(buffer, byteOffset, byteLength) {
      return views.view(new DataView(buffer, byteOffset, byteLength), 0, byteLength / child.size, t.const);
    },
  };
}

/** A zeroed buffer with room for every string of `items` as UTF-8, or null. */
function stringPool(items) {
  let capacity = 0;
  for (const item of items) if (typeof item === 'string') capacity += item.length * 3;
  return capacity > 0 ? new Uint8Array(capacity) : null;
}

const utf8 = new TextEncoder();
