// Classes for scalar types a module declares (`pub const Count = u32`): an
// instance owns (or, called without `new`, views) one value's bytes, with
// `$` and `valueOf()` for the value, and `dataView`/`base64` like any
// object over Zig memory.
import { pointerClass } from './pointer-class.js';
import { AT, DV, bind, castMemory, freshMemory, defineSpecialProperties, displayName, assertWritable } from './memory.js';

/** The class for scalar converter `type` (int, float or bool). */
export function scalarClass(type) {
  const name = displayName(type.name);
  function Scalar(value) {
    if (!new.target) return bind(Object.create(Scalar.prototype), castMemory(value, type.size, `${name}()`), 0);
    bind(this, freshMemory(type.size), 0);
    if (value !== undefined) assign(this, value, `new ${name}()`);
  }
  Object.defineProperty(Scalar, 'name', { value: name });
  function assign(target, value, where) {
    assertWritable(target, where);
    type.write(target[DV], target[AT], value, where);
  }
  defineSpecialProperties(Scalar.prototype, type, assign);
  Object.defineProperties(Scalar.prototype, {
    $: {
      get() { return type.read(this[DV], this[AT]); },
      set(value) { assign(this, value, `${name}.$`); },
    },
    valueOf: { value() { return this.$; }, writable: true },
    [Symbol.toPrimitive]: { value() { return this.$; } },
  });
  return Scalar;
}

/**
 * The JS class of converter `type`: its own, or for a scalar or pointer
 * one made on first use; undefined for types JS cannot hold.
 */
export function classOfType(type) {
  if (Object.hasOwn(type, 'constructor')) return type.constructor;
  let made;
  if (['int', 'float', 'bool'].includes(type.kind)) made = scalarClass(type);
  else if (type.pointer && type.target && !type.pointer.handle) made = pointerClass(type);
  else return undefined;
  typesOfClasses.set(made, type);
  return (type.constructor = made);
}

/** The converter of each scalar and pointer class made here. */
const typesOfClasses = new WeakMap();

/**
 * The converter whose scalar or pointer class `value` is an instance of
 * (`new Int(5)`, `new CStr('text')`), or undefined.
 */
export function scalarOrPointerTypeOf(value) {
  if (value === null || typeof value !== 'object') return undefined;
  return typesOfClasses.get(Object.getPrototypeOf(value)?.constructor);
}
