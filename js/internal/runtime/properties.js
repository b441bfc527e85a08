// How the module's declarations become properties: read-only ones throw a
// clear error when assigned.
import { readOnlyError } from '../errors.js';

/** A property whose writes fail with `onWrite` (or an accessor pair). */
export function define(target, name, { value, get, set }, onWrite) {
  const descriptor = get
    ? { get, set, enumerable: true, configurable: true }
    : { get: () => value, set: onWrite, enumerable: true, configurable: true };
  // A class's `prototype` cannot be redefined; such a declaration stays out of JS.
  if (Object.getOwnPropertyDescriptor(target, name)?.configurable === false) return;
  Object.defineProperty(target, name, descriptor);
}

/** The setter of a read-only declaration `name`. */
export function readOnly(name) {
  return () => { throw readOnlyError(name); };
}
