// Zig functions named `get <name>` and `set <name>` (`pub fn @"get total"()
// u32`) are also the accessor `<name>`: on the module's namespace and on a
// type (static, when they take no self), and on a type's instances when
// their first parameter is the type or a pointer to it. They stay callable
// under their own names too.

const ACCESSOR_NAME = /^(get|set)\s+(\S.*)$/;

/** `{ kind: 'get' | 'set', property }` for an accessor function's name, else null. */
export function accessorName(name) {
  const m = ACCESSOR_NAME.exec(name);
  return m ? { kind: m[1], property: m[2] } : null;
}

/**
 * Collects accessor functions and defines them once both halves are known.
 * `add(target, property, kind, fn)` records one half; `defineAll(onWrite)`
 * defines every property, where `onWrite(property)` is what a write to a
 * property without a setter does.
 */
export class AccessorTable {
  #byTarget = new Map();

  add(target, property, kind, fn) {
    if (!this.#byTarget.has(target)) this.#byTarget.set(target, new Map());
    const pairs = this.#byTarget.get(target);
    pairs.set(property, { ...pairs.get(property), [kind]: fn });
  }

  defineAll(onWrite) {
    for (const [target, pairs] of this.#byTarget) {
      for (const [property, { get, set }] of pairs) {
        // A property of the same name that JS cannot redefine keeps its place.
        if (Object.getOwnPropertyDescriptor(target, property)?.configurable === false) continue;
        Object.defineProperty(target, property, {
          get: get ?? (() => undefined),
          set: set ?? onWrite(property),
          enumerable: false,
          configurable: true,
        });
      }
    }
  }
}

/**
 * Records function `fn` (a descriptor entry, callable as `callable`) when
 * its name makes it an accessor: `visible` is how many arguments JS passes,
 * `hasSelf` says whether the first one is an instance of the owning class.
 */
export function recordAccessor(table, { name, visible, hasSelf }, callable, { home, prototype }) {
  const accessor = accessorName(name);
  if (!accessor) return;
  const { kind, property } = accessor;
  if (hasSelf && prototype) {
    if (kind === 'get' && visible === 1) table.add(prototype, property, kind, function get() { return callable(this); });
    if (kind === 'set' && visible === 2) table.add(prototype, property, kind, function set(v) { callable(this, v); });
    return;
  }
  if (kind === 'get' && visible === 0) table.add(home, property, kind, () => callable());
  if (kind === 'set' && visible === 1) table.add(home, property, kind, (v) => { callable(v); });
}
