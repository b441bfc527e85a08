// Zig error sets as JS objects: `FileError.access_denied` is the ZigError a
// function throws for `error.access_denied` (one object per error, shared by
// every set that names it). `FileError(x)` looks an error up by name,
// message, code or its JSON form; `err instanceof FileError` and
// `err in FileError` tell whether the set contains it.
import { displayName } from './memory.js';
import { unsupportedError } from '../errors.js';

/** Builds the converter (and lookup object) for an `error_set` type descriptor. */
export function errorSetType(t, errorFor) {
  const name = displayName(t.name);
  const members = (t.errors ?? []).map((e) => errorFor(e.value));
  const contains = (value) => members.includes(value);

  function ErrorSet(key) {
    if (new.target) throw new TypeError(`${name} is a set of errors; it has no instances to create`);
    if (typeof key === 'number') return members.find((e) => e.number === key);
    if (typeof key === 'string') return members.find((e) => e.errorName === key || e.message === key);
    if (key instanceof Error) return contains(key) ? key : undefined;
    if (key && typeof key.error === 'string') return members.find((e) => e.errorName === key.error);
    return undefined;
  }
  Object.defineProperty(ErrorSet, 'name', { value: name });
  for (const e of members) Object.defineProperty(ErrorSet, e.errorName, { value: e, enumerable: true });
  Object.defineProperty(ErrorSet, Symbol.hasInstance, { value: contains });
  // `err in Set` looks up String(err), the error's "ZigError: message" text.
  const lookup = new Proxy(ErrorSet, {
    has: (target, key) => members.some((e) => String(e) === key) || Reflect.has(target, key),
  });
  const cannot = () => { throw unsupportedError(name, `values of type ${name} cannot cross the boundary yet`); };
  return { ...t, constructor: lookup, read: cannot, write: cannot, normalize: cannot, inline: null };
}
