// What every object that stands for Zig memory has in common: where its
// bytes are, the special properties (`dataView`, `base64`, `$`, `toJSON`,
// `valueOf`, `Symbol.toStringTag`), and how one is cast over existing memory
// or copied from a call frame. One prototype helper per concern; each kind of
// object (struct.js, array.js) adds its own members.
import { readOnlyError, typeMismatch } from '../errors.js';
import { copyTargets } from './pointer-targets.js';
import { isZigMemory } from '../runtime/zig-memory.js';
import { fromBase64, toBase64 } from '../members/base64.js';
import { ELEMENTS, ELEMENT_LAYOUT, elementsAt } from './element-view.js';

/** Private slots of memory-backed objects. */
export const DV = Symbol('zigport.dataView');
export const AT = Symbol('zigport.offset');
export const READ_ONLY = Symbol('zigport.readOnly');
export const CHILDREN = Symbol('zigport.children');
/** Constructor argument asking a class for an instance with nothing bound or assigned. */
export const BLANK = Symbol('zigport.blank');
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/** The Zig type's display name without the root module's prefix. */
export function displayName(zigName) {
  return zigName.replace(/\bmodule\./g, '');
}

/**
 * ArrayBuffers that can be replaced under their objects (a WebAssembly
 * memory's, which growth detaches), each with the tracker that re-points
 * the objects viewing it at the new buffer (see js/internal/wasm/memory.js).
 */
const movable = new Map();

/** Registers (or, with null, forgets) the tracker of a replaceable buffer. */
export function trackBuffer(buffer, tracker) {
  if (tracker) movable.set(buffer, tracker);
  else movable.delete(buffer);
}

/** The tracker of `buffer` if it is replaceable (a WebAssembly memory's), else undefined. */
export function trackerOf(buffer) {
  return movable.size === 0 ? undefined : movable.get(buffer);
}

/**
 * A function giving `dv` again after a write through it that may grow
 * WebAssembly memory (a pointer pointed at a copy in it), which detaches
 * the old buffer: a view of the same bytes in the memory's current buffer.
 * Called before the write, while `dv` can still say where it lies.
 */
export function reopener(dv) {
  const tracker = trackerOf(dv.buffer);
  if (!tracker) return () => dv;
  const { byteOffset, byteLength } = dv;
  return () => {
    tracker.sync();
    return dv.buffer === tracker.buffer ? dv : new DataView(tracker.buffer, byteOffset, byteLength);
  };
}

/** Points `object` at `size` bytes of `dv` from `offset`. */
export function bind(object, dv, offset, readOnly = false) {
  object[DV] = dv;
  object[AT] = offset;
  object[READ_ONLY] = readOnly;
  object[CHILDREN] = null;
  const layout = object[ELEMENT_LAYOUT];
  if (layout !== undefined) object[ELEMENTS] = makingChild ? null : elementsAt(layout, dv, offset);
  if (movable.size !== 0) movable.get(dv.buffer)?.track(object, dv);
  return object;
}

/**
 * Points a bound object at `dv`, the same bytes in a buffer that replaced
 * its own; an element array it has follows (one it lacks stays lacking).
 */
export function repoint(object, dv) {
  object[DV] = dv;
  if (object[ELEMENTS]) object[ELEMENTS] = elementsAt(object[ELEMENT_LAYOUT], dv, object[AT]);
}

/** Fresh zeroed memory for a new object of `size` bytes. */
export function freshMemory(size) {
  return new DataView(new ArrayBuffer(size));
}

/** DataView over exactly the bytes `value` means, for casting (any size when `size` is undefined). */
export function castMemory(value, size, where) {
  let dv;
  if (value instanceof ArrayBuffer) dv = new DataView(value);
  else if (ArrayBuffer.isView(value)) dv = new DataView(value.buffer, value.byteOffset, value.byteLength);
  else throw typeMismatch(where, 'a cast', 'an ArrayBuffer, typed array or DataView', value);
  if (size !== undefined && dv.byteLength !== size) {
    throw new RangeError(`${where}: casting needs exactly ${size} bytes, received ${dv.byteLength}`);
  }
  return dv;
}

// True while childView makes a child: bind() then gives it no element
// array. Children (elements of arrays, struct-valued fields) are made by
// the thousand as code walks an array, where x[i]'s Proxy costs a hundred
// times a field read; an array each would double what a kept child costs.
let makingChild = false;

/** Child object of `parent` at `offset`, the same object each time. */
export function childView(parent, key, make) {
  parent[CHILDREN] ??= new Map();
  let child = parent[CHILDREN].get(key);
  if (!child) {
    const outer = makingChild;
    makingChild = true;
    try {
      child = make(parent[DV], parent[AT], parent[READ_ONLY]);
    } finally {
      makingChild = outer;
    }
    parent[CHILDREN].set(key, child);
  }
  return child;
}

/** Throws when `object` views constant memory. */
export function assertWritable(object, where) {
  if (object[READ_ONLY]) throw readOnlyError(where);
}

/** Copies `size` bytes of `from`'s memory over `to`'s, with the targets of pointers among them. */
export function copyBytes(to, toAt, from, fromAt, size) {
  new Uint8Array(to.buffer, to.byteOffset + toAt, size)
    .set(new Uint8Array(from.buffer, from.byteOffset + fromAt, size));
  const copied = copyTargets(from.buffer, from.byteOffset + fromAt, to.buffer, to.byteOffset + toAt, size);
  // In Zig's memory a pointer is its address: each target copied along is
  // pointed at again there, as assigning it would.
  if (copied.length > 0 && (isZigMemory(to.buffer) || trackerOf(to.buffer))) {
    for (const [at, entry] of copied) entry.repoint?.(to.buffer, at);
  }
}

/** A JSON-safe form of a plain value tree (bigints become numbers or strings). */
export function jsonSafe(value) {
  if (typeof value === 'bigint') {
    return value >= -9007199254740991n && value <= 9007199254740991n ? Number(value) : String(value);
  }
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonSafe(v)]));
  }
  return value;
}

/** `valueOf()` of a member: objects unwrap, scalars are themselves. */
export function plain(value) {
  return value !== null && typeof value === 'object' ? value.valueOf() : value;
}

/**
 * Whether `buffer` is a SharedArrayBuffer; a page that is not cross-origin
 * isolated has no such class, and then nothing is one.
 */
/** Whether `buffer` is detached (Node 20 has no `ArrayBuffer.prototype.detached`). */
export function isDetachedBuffer(buffer) {
  try {
    new Uint8Array(buffer);
    return false;
  } catch {
    return true;
  }
}

export function isSharedArrayBuffer(buffer) {
  return typeof SharedArrayBuffer === 'function' && buffer instanceof SharedArrayBuffer;
}

/**
 * Installs the special properties shared by structs, arrays and slices.
 * `sizeOf(object)` is the object's byte size (a slice's varies).
 */
export function defineSpecialProperties(proto, type, assign, sizeOf = () => type.size) {
  const name = displayName(type.name);
  Object.defineProperties(proto, {
    dataView: {
      get() { return new DataView(this[DV].buffer, this[DV].byteOffset + this[AT], sizeOf(this)); },
    },
    base64: {
      get() { return toBase64(new Uint8Array(this[DV].buffer, this[DV].byteOffset + this[AT], sizeOf(this))); },
      set(text) {
        assertWritable(this, `${name}.base64`);
        const bytes = fromBase64(text, `${name}.base64`);
        const size = sizeOf(this);
        if (bytes.length !== size) throw new RangeError(`${name}.base64: needs ${size} bytes, received ${bytes.length}`);
        new Uint8Array(this[DV].buffer, this[DV].byteOffset + this[AT], size).set(bytes);
      },
    },
    $: {
      get() { return this; },
      set(value) { assign(this, value, `${name}.$`); },
      configurable: true,
    },
    toJSON: { value() { return jsonSafe(this.valueOf()); }, writable: true },
    [Symbol.toStringTag]: { get: () => name },
    // console.log shows the value, not the private slots.
    [INSPECT]: {
      value(depth, options, inspect) {
        let shown;
        try {
          shown = inspect(this.valueOf(), { ...options, depth: options.depth === null ? null : depth });
        } catch (err) {
          shown = `<${err.message}>`;
        }
        return `${name} ${shown}`;
      },
    },
  });
}


/**
 * `read` and `write` for a class whose instances own or view `size` bytes:
 * `read` copies out of the memory (frames are reused, so results must not
 * view them); `write` copies an instance's bytes, or fills a temporary from
 * a plain value first so that a bad field leaves the target untouched.
 * `wrap` turns a bound object into what users see (arrays add a Proxy);
 * `blank` makes an instance with nothing bound yet.
 */
export function copyingAccess(Class, size, assign, wrap = (object) => object, blank = () => Object.create(Class.prototype)) {
  const fresh = () => bind(blank(), freshMemory(size), 0);
  return {
    read(dv, offset) {
      const copy = fresh();
      copyBytes(copy[DV], 0, dv, offset, size);
      return wrap(copy);
    },
    write(dv, offset, value, where) {
      if (value instanceof Class) return copyBytes(dv, offset, value[DV], value[AT], size);
      const temp = fresh();
      assign(temp, value, where);
      return copyBytes(dv, offset, temp[DV], 0, size);
    },
  };
}
