// Zig arrays `[N]T` as JS objects: `length`, `array[i]` with bounds checks,
// `get(i)`/`set(i, v)`, iteration, `typedArray` for numeric elements and
// `string` for u8. Like structs they own or view bytes, so an array inside
// a Zig variable is live.
import {
  AT, DV, bind, freshMemory, castMemory, childView, assertWritable, copyBytes, defineSpecialProperties,
  displayName, plain,
} from './memory.js';
import { typeMismatch, rangeError } from '../errors.js';

const TYPED_ARRAYS = {
  u8: Uint8Array, i8: Int8Array, u16: Uint16Array, i16: Int16Array, u32: Uint32Array, i32: Int32Array,
  u64: BigUint64Array, i64: BigInt64Array, f32: Float32Array, f64: Float64Array,
};

const INDEX = /^(0|[1-9]\d*)$/;

/** Builds the converter (and class) for an `array` type descriptor. */
export function arrayType(t, child) {
  const name = displayName(t.name);
  const stride = child.size;
  const object = typeof child.view === 'function';
  const TypedArray = TYPED_ARRAYS[child.name];

  function ZigArray(init) {
    if (!new.target) return indexed(bind(Object.create(ZigArray.prototype), castMemory(init, t.size, `${name}()`), 0));
    bind(this, freshMemory(t.size), 0);
    assign(this, init ?? [], `new ${name}()`);
    return indexed(this);
  }
  Object.defineProperty(ZigArray, 'name', { value: name });

  function check(index, where) {
    if (!Number.isInteger(index) || index < 0 || index >= t.len) {
      throw rangeError(where, `index ${index} is out of bounds for ${name} (length ${t.len})`);
    }
  }
  Object.defineProperties(ZigArray.prototype, {
    length: { get: () => t.len },
    get: {
      value(index, where = `${name}.get()`) {
        check(index, where);
        if (object) return childView(this, index, (dv, at, ro) => child.view(dv, at + index * stride, ro));
        return child.read(this[DV], this[AT] + index * stride);
      },
    },
    set: {
      value(index, value) {
        const where = `${name}[${index}]`;
        check(index, where);
        assertWritable(this, where);
        child.write(this[DV], this[AT] + index * stride, value, where);
      },
    },
    [Symbol.iterator]: {
      *value() {
        for (let i = 0; i < t.len; i++) yield this.get(i);
      },
    },
    valueOf: { value() { return Array.from(this, plain); }, writable: true },
    typedArray: {
      get() {
        if (!TypedArray) throw new TypeError(`${name} has no typed-array form`);
        return new TypedArray(this[DV].buffer, this[DV].byteOffset + this[AT], t.len);
      },
    },
    string: {
      get() {
        if (child.name !== 'u8') throw new TypeError(`${name} is not text`);
        return new TextDecoder().decode(new Uint8Array(this[DV].buffer, this[DV].byteOffset + this[AT], t.len));
      },
      set(text) {
        const bytes = new TextEncoder().encode(text);
        if (bytes.length !== t.len) throw rangeError(`${name}.string`, `needs ${t.len} bytes of UTF-8, received ${bytes.length}`);
        this.$ = bytes;
      },
    },
  });
  defineSpecialProperties(ZigArray.prototype, t, assign);

  function assign(target, init, where) {
    assertWritable(target, where);
    if (init instanceof ZigArray) return copyBytes(target[DV], target[AT], init[DV], init[AT], t.size);
    if (typeof init === 'string' && child.name === 'u8') init = new TextEncoder().encode(init);
    if (init === null || typeof init !== 'object' || !(Symbol.iterator in init)) {
      throw typeMismatch(where, name, 'an array or iterable of elements', init);
    }
    const items = Array.from(init);
    if (items.length !== t.len) throw rangeError(where, `${name} needs ${t.len} elements, received ${items.length}`);
    items.forEach((item, i) => child.write(target[DV], target[AT] + i * stride, item, `${where}[${i}]`));
    return undefined;
  }

  /** Wraps an array object so that `array[i]` reads and writes elements. */
  function indexed(target) {
    return new Proxy(target, {
      get(obj, key, receiver) {
        if (typeof key === 'string' && INDEX.test(key)) return obj.get(Number(key), `${name}[${key}]`);
        return Reflect.get(obj, key, receiver === target ? obj : obj);
      },
      set(obj, key, value) {
        if (typeof key === 'string' && INDEX.test(key)) {
          obj.set(Number(key), value);
          return true;
        }
        return Reflect.set(obj, key, value, obj);
      },
      has(obj, key) {
        if (typeof key === 'string' && INDEX.test(key)) return Number(key) < t.len;
        return Reflect.has(obj, key);
      },
    });
  }

  return {
    ...t,
    constructor: ZigArray,
    child,
    read(dv, offset) {
      const copy = bind(Object.create(ZigArray.prototype), freshMemory(t.size), 0);
      copyBytes(copy[DV], 0, dv, offset, t.size);
      return indexed(copy);
    },
    view: (dv, offset, readOnly) => indexed(bind(Object.create(ZigArray.prototype), dv, offset, readOnly)),
    write(dv, offset, value, where) {
      if (value instanceof ZigArray) return copyBytes(dv, offset, value[DV], value[AT], t.size);
      const temp = bind(Object.create(ZigArray.prototype), freshMemory(t.size), 0);
      assign(temp, value, where);
      return copyBytes(dv, offset, temp[DV], 0, t.size);
    },
    inline: null,
  };
}
