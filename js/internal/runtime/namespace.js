// The default export of a module: its namespace, whose properties are the
// module's declarations. It is iterable over `[name, value]` of everything
// but its functions, and `valueOf()`/`JSON.stringify` give those as a plain
// object, as a struct's would.
import { jsonSafe, plain } from '../types/memory.js';

/**
 * Makes `namespace` iterable and gives it `valueOf` and `toJSON`; the
 * declarations named in `unsupported` (which throw when read) stay out.
 */
export function defineNamespaceForms(namespace, unsupported) {
  const skip = new Set(unsupported);
  const entries = () => Object.keys(namespace)
    .filter((name) => !skip.has(name))
    .map((name) => [name, namespace[name]])
    .filter(([, value]) => typeof value !== 'function');
  // Not enumerable, and configurable so that a declaration of the same name
  // takes the place of each.
  Object.defineProperties(namespace, {
    [Symbol.iterator]: { value: () => entries()[Symbol.iterator](), configurable: true },
    valueOf: { value: () => Object.fromEntries(entries().map(([k, v]) => [k, plain(v)])), configurable: true },
    toJSON: { value: () => jsonSafe(namespace.valueOf()), configurable: true },
  });
}
