// Typed-array views for struct field access. V8 reads and writes an
// element of a typed array held in an object's slot faster than it goes
// through a DataView (the DataView's offset arithmetic and bounds checks do
// not fold away), so a struct whose scalar fields mostly share one element
// type gets, when bound, one typed array over its bytes of that type
// (unless it is a child of an array or struct: see childView in memory.js);
// each field of that type reads and writes its element (field-accessors.js).
// The DataView stays the truth: a misaligned object has no array, and an
// array whose buffer was detached, shrunk or replaced (WebAssembly growth)
// reads `undefined` and has length 0, which sends the access to the
// DataView, with its error or its new buffer.

/** Slot of a bound object holding its element array, or null. */
export const ELEMENTS = Symbol('zigport.elements');
/** Prototype slot: the element array's class and length for objects of that class. */
export const ELEMENT_LAYOUT = Symbol('zigport.elementLayout');

// Typed arrays read in the platform's byte order; Zig memory (and
// WebAssembly's) is little-endian on every host zigport runs on, and the
// arrays are only used where that holds.
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The element layout of a struct of `size` bytes whose scalar fields are
 * `fields` ({ type, offset }): the typed-array class that the most fields
 * can read through, or null when none can.
 */
export function elementLayout(fields, size) {
  if (!LITTLE_ENDIAN) return null;
  const counts = new Map();
  for (const { type, offset } of fields) {
    const Array = type.inline?.array;
    if (Array && offset % Array.BYTES_PER_ELEMENT === 0) counts.set(Array, (counts.get(Array) ?? 0) + 1);
  }
  let best = null;
  for (const [Array, count] of counts) if (!best || count > counts.get(best)) best = Array;
  return best && { Array: best, length: Math.floor(size / best.BYTES_PER_ELEMENT) };
}

/** The element index a field at `offset` reads, when its type reads through `layout`'s array. */
export function elementIndex(layout, type, offset) {
  if (!layout || type.inline?.array !== layout.Array) return -1;
  return offset % layout.Array.BYTES_PER_ELEMENT === 0 ? offset / layout.Array.BYTES_PER_ELEMENT : -1;
}

/**
 * The element array of an object of `layout` at `offset` in `dv`, or null
 * when the bytes are misaligned for it or not all in `dv`.
 */
export function elementsAt(layout, dv, offset) {
  if (layout === undefined || layout === null) return null;
  const { Array, length } = layout;
  const start = dv.byteOffset + offset;
  if (start % Array.BYTES_PER_ELEMENT !== 0 || offset + length * Array.BYTES_PER_ELEMENT > dv.byteLength) return null;
  return new Array(dv.buffer, start, length);
}
