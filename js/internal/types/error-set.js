// Zig error sets as JS objects and as values. `FileError.access_denied` is
// the ZigError a function throws for `error.access_denied` (one object per
// error, shared by every set that names it). `FileError(x)` looks an error up
// by name, message, code or its JSON form; `err instanceof FileError` and
// `err in FileError` tell whether the set contains it. As a value (a
// parameter, result, variable, field or element) an error set is its error
// code in memory, and reads as the error object.
import { displayName } from './memory.js';
import { showValue, typeMismatch, ZigError } from '../errors.js';

/**
 * Builds the converter (and lookup object) for an `error_set` type
 * descriptor. `errors` is the module's error table (see `moduleErrors`); a
 * set without a member list is `anyerror`, which holds every error. A
 * `nullable` one is `?E`, which Zig keeps as the code with 0 for null.
 */
export function errorSetType(t, errors) {
  const name = displayName(t.name);
  const members = t.errors ? t.errors.map((e) => errors.forCode(e.value)) : null;
  const contains = members ? (e) => members.includes(e) : (e) => errors.isKnown(e);
  const find = members
    ? (test) => members.find(test)
    : (test) => errors.find(test);

  /** The member `key` names (an error, a name or message, a code, `{ error }`), or undefined. */
  function lookup(key) {
    if (typeof key === 'number') return find((e) => e.number === key);
    if (typeof key === 'string') return find((e) => e.errorName === key || e.message === key);
    if (key instanceof ZigError) return contains(key) ? key : find((e) => e.errorName === key.errorName);
    // Any other Error stands for the member whose message it carries.
    if (key instanceof Error) return find((e) => e.message === key.message);
    if (key && typeof key === 'object' && typeof key.error === 'string') return lookup(key.error);
    return undefined;
  }

  function ErrorSet(key) {
    if (new.target) throw new TypeError(`${name} is a set of errors; it has no instances to create`);
    return lookup(key);
  }
  Object.defineProperty(ErrorSet, 'name', { value: name });
  for (const e of members ?? []) Object.defineProperty(ErrorSet, e.errorName, { value: e, enumerable: true });
  Object.defineProperty(ErrorSet, Symbol.hasInstance, { value: contains });
  // `err in Set` looks up String(err), the error's "ZigError: message" text.
  const constructor = new Proxy(ErrorSet, {
    has: (target, key) => (members ?? errors.all()).some((e) => String(e) === key) || Reflect.has(target, key),
  });

  /** The member for `value` (null for `?E`), or a TypeError naming `where`. */
  function normalize(value, where) {
    if (t.nullable && (value === null || value === undefined)) return null;
    const found = lookup(value);
    if (found) return found;
    const accepted = typeof value === 'number' || typeof value === 'string' || value instanceof Error ||
      (value && typeof value === 'object' && typeof value.error === 'string');
    if (!accepted) throw typeMismatch(where, name, 'an error, its name or its number', value);
    const given = value instanceof Error ? `error "${value.message}"` : showValue(value);
    throw new TypeError(`${where}: ${given} is not an error of ${name}`);
  }

  const get = { 1: 'getUint8', 2: 'getUint16', 4: 'getUint32' }[t.size];
  const set = get?.replace('get', 'set');
  return {
    ...t,
    constructor,
    normalize,
    /** The error of code `code`, which Zig produced (a comptime value's). */
    fromCode: (code) => errors.forCode(code),
    read(dv, offset) {
      const code = dv[get](offset, true);
      if (code === 0 && t.nullable) return null;
      const error = errors.forStoredCode(code);
      return contains(error) ? error : errors.unknown(code);
    },
    write(dv, offset, value, where) {
      dv[set](offset, normalize(value, where)?.number ?? 0, true);
    },
    inline: null,
  };
}

/**
 * The error objects of one module: `forCode(code)` for a code Zig produced
 * (asked of Zig once, then shared), `forStoredCode(code)` for a code read from
 * memory JS may have written, which is asked of Zig only when some error set
 * of the module names it, and an "Unknown error: N" object otherwise.
 * `thrown(code, above)` is the error of `code` as a call or a read throws
 * it: with the stack of this throw when `restack` (see error-stack.js) is
 * given, or as it is.
 */
export function moduleErrors(descriptorTypes, errorName, restack = null) {
  const byCode = new Map();
  const declared = new Set(descriptorTypes.flatMap((t) => (t.kind === 'error_set' ? t.errors ?? [] : []))
    .map((e) => Number(e.value)));
  const unknown = new Map();
  let declaredMade = false;
  const forCode = (code) => {
    let error = byCode.get(code);
    if (!error) byCode.set(code, (error = new ZigError(errorName(code), code)));
    return error;
  };
  return {
    forCode,
    thrown(code, above) {
      const error = forCode(code);
      restack?.(error, above);
      return error;
    },
    forStoredCode: (code) => (byCode.has(code) || declared.has(code) ? forCode(code) : undefined),
    unknown(code) {
      if (!unknown.has(code)) unknown.set(code, Object.assign(new Error(`Unknown error: ${code}`), { number: code }));
      return unknown.get(code);
    },
    isKnown: (e) => byCode.get(e?.number) === e,
    /** Every error the module names or has produced. */
    all() {
      if (!declaredMade) for (const code of declared) forCode(code);
      declaredMade = true;
      return [...byCode.values()];
    },
    find(test) {
      return this.all().find(test);
    },
  };
}
