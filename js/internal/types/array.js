// Zig arrays `[N]T` and slices `[]T` as JS objects: `length`, `x[i]` with
// bounds checks, `get(i)`/`set(i, v)`, iteration, `typedArray` for numeric
// elements and `string` for u8 (UTF-8) and u16 (UTF-16). Like structs they
// own or view bytes, so an array inside a Zig variable, or a slice of a
// buffer, is live.
import {
  AT, DV, READ_ONLY, bind, freshMemory, castMemory, childView, assertWritable, copyingAccess, defineSpecialProperties,
  displayName, isDetachedBuffer, plain,
} from './memory.js';
import { typeMismatch, rangeError } from '../errors.js';
import { fromDefault } from './defaults.js';
import {
  fromBits, isBitScalar, readBits, toBits, writeBits,
} from './bits.js';

/** Typed-array classes by element kind and bits (`usize` is u64 natively, u32 in WebAssembly). */
const TYPED_ARRAYS = {
  u8: Uint8Array, i8: Int8Array, u16: Uint16Array, i16: Int16Array, u32: Uint32Array, i32: Int32Array,
  u64: BigUint64Array, i64: BigInt64Array, f32: Float32Array, f64: Float64Array,
  // Where the JS runtime has it (Node 20 does not).
  f16: globalThis.Float16Array ?? 'Float16Array',
};

/** The typed-array class of elements `child`, if JS has one. */
function typedArrayOf(child) {
  if (child.kind === 'int') return TYPED_ARRAYS[`${child.signed ? 'i' : 'u'}${child.bits}`];
  return child.kind === 'float' ? TYPED_ARRAYS[`f${child.bits}`] : undefined;
}

const encoder = new TextEncoder();

/** Elements that are text: u8 as UTF-8, u16 as UTF-16 (code units in the machine's order, little-endian here). */
const TEXT_FORMS = {
  u8: { encoding: 'utf-8', units: 'bytes of UTF-8', encode: (text) => encoder.encode(text) },
  u16: { encoding: 'utf-16le', units: 'UTF-16 code units', encode: (text) => Uint16Array.from({ length: text.length }, (_, i) => text.charCodeAt(i)) },
};

/** `text` as elements named `elementName` (a typed array of u8 or u16 units), or null when those are not text. */
export function encodeText(elementName, text) {
  return Object.hasOwn(TEXT_FORMS, elementName) ? TEXT_FORMS[elementName].encode(text) : null;
}

const INDEX = /^(0|[1-9]\d*)$/;
// `where` of an element reached as `x[i]`: its message names the index.
const BY_INDEX = Symbol('zigport.byIndex');

/**
 * The element index a property key names (a canonical array index), or -1.
 * Keys not starting with a digit, as every other property's, are told
 * apart by their first character alone: every `x.length` and method call
 * on an array passes through here.
 */
function indexOfKey(key) {
  if (typeof key !== 'string') return -1;
  const first = key.charCodeAt(0);
  if (!(first >= 48 && first <= 57)) return -1;
  const index = Number(key);
  // A number printing back as the key is canonical, the common case; the
  // pattern settles the rest (digits past a double's precision).
  if (Number.isInteger(index) && `${index}` === key) return index;
  return INDEX.test(key) ? index : -1;
}
const LENGTH = Symbol('zigport.length');

/** The element converter of an array or slice object (so a slice parameter can take it). */
export const ELEMENT_TYPE = Symbol('zigport.elementType');

/** Builds the converter (and class) for an `array` type descriptor. */
export function arrayType(t, child) {
  // `[N:s]T` keeps `s` after the elements: every whole write puts it back.
  const sentinel = t.sentinel === undefined ? undefined : fromDefault(child, t.sentinel);
  const { Elements, name, assign, indexed } = elementsClass(t, child, () => t.len, sentinel);
  function ZigArray(init) {
    if (!new.target) return indexed(bind(Object.create(ZigArray.prototype), castMemory(init, t.size, `${name}()`), 0));
    bind(this, freshMemory(t.size), 0);
    assign(this, init ?? [], `new ${name}()`);
    return indexed(this);
  }
  Object.setPrototypeOf(ZigArray.prototype, Elements.prototype);
  Object.defineProperty(ZigArray, 'name', { value: name });
  return {
    ...t,
    ...copyingAccess(ZigArray, t.size, assign, indexed),
    constructor: ZigArray,
    child,
    view: (dv, offset, readOnly) => indexed(bind(Object.create(ZigArray.prototype), dv, offset, readOnly)),
    inline: null,
  };
}

/**
 * The class of slices `[]T` (results that point at memory): each views
 * `length` elements where they lie. Returns `(dv, offset, length, readOnly)
 * => slice`, and the class for `instanceof`.
 */
export function sliceClass(t, child) {
  const { Elements, name, indexed } = elementsClass(t, child, (s) => s[LENGTH]);
  function ZigSlice(source) {
    if (new.target) throw new TypeError(`${name} views memory; call ${name}(buffer) to cast`);
    const dv = castMemory(source, undefined, `${name}()`);
    return view(dv, 0, dv.byteLength / child.size, false);
  }
  Object.setPrototypeOf(ZigSlice.prototype, Elements.prototype);
  Object.defineProperty(ZigSlice, 'name', { value: name });
  function view(dv, offset, length, readOnly) {
    const slice = bind(Object.create(ZigSlice.prototype), dv, offset, readOnly);
    slice[LENGTH] = length;
    return indexed(slice);
  }
  Object.defineProperties(ZigSlice.prototype, {
    /** Elements `begin` to `end` (negative from the end), sharing this slice's memory. */
    subarray: {
      value(begin = 0, end = this.length) {
        const [b, e] = clampRange(this.length, begin, end);
        return view(this[DV], this[AT] + b * child.size, e - b, this[READ_ONLY]);
      },
      writable: true,
    },
    /** The same elements, copied into new JS memory. */
    slice: {
      value(begin = 0, end = this.length) {
        const [b, e] = clampRange(this.length, begin, end);
        const bytes = new Uint8Array(this[DV].buffer, this[DV].byteOffset + this[AT] + b * child.size, (e - b) * child.size);
        return view(new DataView(bytes.slice().buffer), 0, e - b, false);
      },
      writable: true,
    },
  });
  return { Slice: ZigSlice, view };
}

/** `[begin, end]` as Array.prototype.slice reads them: relative to `length`, clamped. */
function clampRange(length, begin, end) {
  const at = (i) => {
    const n = Math.trunc(Number(i)) || 0;
    return n < 0 ? Math.max(length + n, 0) : Math.min(n, length);
  };
  const b = at(begin);
  return [b, Math.max(b, at(end))];
}

/** What arrays and slices share, with `lengthOf(object)` giving the element count. */
function elementsClass(t, child, lengthOf, sentinel) {
  const name = displayName(t.name);
  const stride = child.size;
  const object = typeof child.view === 'function';
  const { readAt, writeAt } = t.bit_packed ? bitElements(child) : byteElements(child, stride);
  const TypedArray = t.bit_packed ? undefined : typedArrayOf(child);
  /** A live typed array of class `Class` over the elements, or a TypeError. */
  const typedView = (self, Class) => {
    if (!Class) throw new TypeError(`${name} has no typed-array form`);
    if (typeof Class === 'string') throw new TypeError(`${name}: this JS runtime has no ${Class}`);
    return new Class(self[DV].buffer, self[DV].byteOffset + self[AT], lengthOf(self));
  };
  /** Copies typed array `from` (exactly of class `Class` and length) into the elements. */
  const copyTyped = (self, Class, from, where) => {
    const view = typedView(self, Class);
    if (!(from instanceof view.constructor)) throw typeMismatch(where, name, `an ${view.constructor.name} of its length`, from);
    if (from.length !== view.length) throw rangeError(where, `${name} needs ${view.length} elements, received ${from.length}`);
    assertWritable(self, where);
    view.set(from);
  };
  const textForm = t.bit_packed ? undefined : TEXT_FORMS[child.name];
  const bytes = (self) => new Uint8Array(self[DV].buffer, self[DV].byteOffset + self[AT], lengthOf(self) * stride);

  function Elements() {}
  const getWhere = `${name}.get()`;
  function check(self, index, where) {
    const length = lengthOf(self);
    if (!Number.isInteger(index) || index < 0 || index >= length) {
      const at = where === BY_INDEX ? `${name}[${index}]` : where;
      throw rangeError(at, `index ${index} is out of bounds for ${name} (length ${length})`);
    }
  }
  Object.defineProperties(Elements.prototype, {
    [ELEMENT_TYPE]: { value: child },
    length: { get() { return lengthOf(this); } },
    get: {
      value(index, where = getWhere) {
        check(this, index, where);
        if (object) return childView(this, index, (dv, at, ro) => child.view(dv, at + index * stride, ro));
        return readAt(this[DV], this[AT], index);
      },
    },
    set: {
      value(index, value) {
        const where = `${name}[${index}]`;
        check(this, index, where);
        assertWritable(this, where);
        writeAt(this[DV], this[AT], index, value, where);
      },
    },
    [Symbol.iterator]: {
      *value() {
        for (let i = 0; i < lengthOf(this); i++) yield this.get(i);
      },
    },
    valueOf: { value() { return Array.from(this, plain); }, writable: true },
    /** `[index, value]` pairs: iterable, with a `length`. */
    entries: {
      value() {
        const self = this;
        return { length: lengthOf(self), *[Symbol.iterator]() { for (let i = 0; i < lengthOf(self); i++) yield [i, self.get(i)]; } };
      },
      writable: true,
    },
    typedArray: {
      get() { return typedView(this, TypedArray); },
      set(from) { copyTyped(this, TypedArray, from, `${name}.typedArray`); },
    },
    clampedArray: {
      get() { return typedView(this, child.name === 'u8' ? Uint8ClampedArray : undefined); },
      set(from) { copyTyped(this, child.name === 'u8' ? Uint8ClampedArray : undefined, from, `${name}.clampedArray`); },
    },
    string: {
      get() {
        if (!textForm) throw new TypeError(`${name} is not text`);
        return new TextDecoder(textForm.encoding).decode(bytes(this));
      },
      set(text) {
        if (!textForm) throw new TypeError(`${name} is not text`);
        const encoded = textForm.encode(String(text));
        const length = lengthOf(this);
        if (encoded.length !== length) {
          throw rangeError(`${name}.string`, `needs ${length} ${textForm.units}, received ${encoded.length}`);
        }
        assign(this, encoded, `${name}.string`);
      },
    },
  });
  defineSpecialProperties(Elements.prototype, t, assign, t.bit_packed ? () => t.size : (self) => lengthOf(self) * stride);

  function assign(target, init, where) {
    assertWritable(target, where);
    const length = lengthOf(target);
    // Text for u8 elements is UTF-8, for u16 UTF-16, as `string` reads it.
    if (typeof init === 'string' && textForm) init = textForm.encode(init);
    if (init === null || typeof init !== 'object' || !(Symbol.iterator in init)) {
      throw typeMismatch(where, name, 'an array or iterable of elements', init);
    }
    // A typed array over a detached buffer cannot even be iterated.
    if (ArrayBuffer.isView(init) && isDetachedBuffer(init.buffer)) {
      throw new TypeError(`${where}: the ArrayBuffer behind this ${init.constructor.name} is detached`);
    }
    const items = Array.from(init);
    if (items.length !== length) throw rangeError(where, `${name} needs ${length} elements, received ${items.length}`);
    items.forEach((item, i) => writeAt(target[DV], target[AT], i, item, `${where}[${i}]`));
    if (sentinel !== undefined) child.write(target[DV], target[AT] + length * stride, sentinel, `${where} sentinel`);
    return undefined;
  }

  /** Wraps an object so that `x[i]` reads and writes elements. */
  function indexed(target) {
    return new Proxy(target, {
      get(obj, key) {
        const index = indexOfKey(key);
        if (index >= 0) return obj.get(index, BY_INDEX);
        return Reflect.get(obj, key, obj);
      },
      set(obj, key, value) {
        const index = indexOfKey(key);
        if (index < 0) return Reflect.set(obj, key, value, obj);
        obj.set(index, value);
        return true;
      },
      has(obj, key) {
        const index = indexOfKey(key);
        return index >= 0 ? index < lengthOf(obj) : Reflect.has(obj, key);
      },
    });
  }

  return { Elements, name, assign, indexed };
}

/** Element `index` of elements laid out `stride` bytes apart from `offset`. */
function byteElements(child, stride) {
  return {
    readAt: (dv, offset, index) => child.read(dv, offset + index * stride),
    writeAt: (dv, offset, index, value, where) => child.write(dv, offset + index * stride, value, where),
  };
}

/**
 * Element `index` of a bit-packed vector (of bools, u3, u24, f80 ...),
 * which Zig lays out `bits` bits apart from the first byte's lowest bit (the
 * bits past the last element are Zig's). Bools and integers convert straight
 * from their bits; floats through a scratch copy of their own size.
 */
function bitElements(child) {
  const bits = child.kind === 'bool' ? 1 : child.bits;
  if (isBitScalar(child)) {
    return {
      readAt: (dv, offset, index) => fromBits(child, readBits(dv, offset, index * bits, bits), bits),
      writeAt: (dv, offset, index, value, where) => writeBits(dv, offset, index * bits, bits, toBits(child, value, where)),
    };
  }
  return {
    readAt(dv, offset, index) {
      const scratch = new DataView(new ArrayBuffer(child.size));
      writeBits(scratch, 0, 0, bits, readBits(dv, offset, index * bits, bits));
      return child.read(scratch, 0);
    },
    writeAt(dv, offset, index, value, where) {
      const scratch = new DataView(new ArrayBuffer(child.size));
      child.write(scratch, 0, value, where);
      writeBits(dv, offset, index * bits, bits, readBits(scratch, 0, 0, bits));
    },
  };
}
