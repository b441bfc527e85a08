// Comptime-only types (`type`, `comptime_int`, `@TypeOf(.enum_literal)`, a
// struct holding types, ...) as JS classes: named after the type, holding
// its declarations, and never instantiated, as no value of one exists while
// the program runs. Their values reach JS as constants (comptime.js).
import { displayName } from './memory.js';
import { unsupportedError } from '../errors.js';

/** Kinds whose values exist only at comptime. */
export const COMPTIME_KINDS = new Set([
  'comptime_int', 'comptime_float', 'enum_literal', 'null', 'undefined', 'type', 'function',
  'comptime_optional', 'comptime_error_union', 'comptime_array', 'comptime_pointer', 'comptime_struct', 'comptime_union',
]);

/** Builds the converter (and class) for a comptime-only type descriptor. */
export function comptimeType(t) {
  const name = displayName(t.name);
  const Class = {
    [name]: function () {
      throw new TypeError(`${name} exists only at comptime: no value of it can be made at run time`);
    },
  }[name];
  const fail = () => { throw unsupportedError(name, 'values of comptime-only types cannot cross the boundary'); };
  return { ...t, constructor: Class, read: fail, write: fail, normalize: fail, inline: null };
}
