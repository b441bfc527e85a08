// What a `@"meta(zigar)"` mark does to a value JS reads. The module's hooks
// run in the exporter (js/zig/meta.zig), which marks a declaration, a field
// or a function's result only where the mark applies to its type; here the
// mark turns the object that was read into what the hook asked for, using
// the object's own getters (`string`, `typedArray`, `clampedArray`,
// `valueOf()`). Only reads change: writes take what they always took.
import { ELEMENT_TYPE } from './array.js';
import { plain } from './memory.js';

const READS = {
  string: asString,
  clamped_array: (value) => value.clampedArray,
  typed_array: asTypedArray,
  plain,
};

/**
 * The function that turns a value read at a place marked `mark` into what
 * the hook asked for; absent (null or undefined) values stay as they are.
 */
function metaRead(mark) {
  const read = READS[mark];
  if (!read) throw new TypeError(`Unknown @"meta(zigar)" mark "${mark}" in the module's descriptor`);
  return (value) => (value === null || value === undefined ? value : read(value));
}

/** A property descriptor whose getter's value goes through mark `mark` (none: unchanged). */
export function withMetaRead(descriptor, mark) {
  if (!mark) return descriptor;
  const read = metaRead(mark);
  const { get } = descriptor;
  return { ...descriptor, get() { return read(get.call(this)); } };
}

/** `value` as read through mark `mark` (none: unchanged). */
export function metaValue(value, mark) {
  return mark ? metaRead(mark)(value) : value;
}

/** A function whose results go through mark `mark`, with `callable`'s name and length (none: `callable`). */
export function withMetaResult(callable, mark) {
  if (!mark) return callable;
  const read = metaRead(mark);
  const made = { [callable.name](...args) { return read(callable(...args)); } }[callable.name];
  Object.defineProperty(made, 'length', { value: callable.length });
  return made;
}

/**
 * Text of u8 (UTF-8) or u16 (UTF-16) elements, or an array of such texts
 * for an array or slice of them (an absent inner value reads as null).
 */
function asString(value) {
  const element = value[ELEMENT_TYPE];
  if (element.kind === 'int' && (element.bits === 8 || element.bits === 16)) return value.string;
  return Array.from(value, (item) => (item === null ? null : asString(item)));
}

/** The live typed array; `f16` elements stay objects where JS has no Float16Array. */
function asTypedArray(value) {
  if (value[ELEMENT_TYPE].kind === 'float' && value[ELEMENT_TYPE].bits === 16 && !globalThis.Float16Array) return value;
  return value.typedArray;
}
