// Accessor properties from functions named `get <name>` and `set <name>`
// (ZIGAR-COMPAT.md section 1.4, runtime/accessors.js): on a namespace or class
// from functions without `self`, on instances from those taking it. A
// property with a getter only is read-only (the runtime refuses writes).
import { isVisible } from './functions.js';
import { propertyKey } from './names.js';

const ACCESSOR_NAME = /^(get|set)\s+(\S.*)$/;

/**
 * The lines declaring the accessors among `fns` (function descriptors);
 * `instance` picks those taking `self` (whose first parameter JS does
 * not pass then) rather than those without.
 */
export function accessorLines(descriptor, fns, text, { instance }) {
  const types = descriptor.types;
  const byProperty = new Map();
  for (const fn of fns) {
    const m = ACCESSOR_NAME.exec(fn.name);
    if (!m) continue;
    const params = fn.params.filter((p) => isVisible(types, p)).slice(instance ? 1 : 0);
    const [kind, property] = [m[1], m[2]];
    const entry = byProperty.get(property) ?? {};
    // The counts runtime/accessors.js requires: none for a getter, one for a setter.
    if (kind === 'get' && params.length === 0) entry.get = text(fn.ret.type, 'out');
    else if (kind === 'set' && params.length === 1) entry.set = text(params[0].type, 'in');
    else continue;
    byProperty.set(property, entry);
  }
  return [...byProperty].flatMap(([property, { get, set }]) => {
    const key = propertyKey(property);
    if (set === undefined) return [`readonly ${key}: ${get};`];
    // Without a getter the property reads as undefined.
    return [`get ${key}(): ${get ?? 'undefined'};`, `set ${key}(value: ${set});`];
  });
}
