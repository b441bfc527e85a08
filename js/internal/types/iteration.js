// What `for (const x of value)` does with a struct, union or opaque handle,
// as in Zigar. A Zig iterator (a type whose `next` takes `*Self` and returns
// `?X` or `E!?X`; iterators.zig decides) yields what `next` returns until
// it returns null, and its Zig errors are thrown from the iteration. Other
// structs yield `[name, value]` entries, tuples their values, and a tagged
// union its one active field.

/**
 * Makes the instances of `proto` Zig iterators: `next(...)` calls Zig's
 * `next` (descriptor function `index`, found through `held` once the module
 * has made its functions), and `[Symbol.iterator](arg = {})` calls it until
 * null, passing `arg` when `next` takes an argument besides `self`.
 */
export function defineZigIterator(proto, index, held, name) {
  const callable = () => {
    const fn = held.function(index);
    if (typeof fn !== 'function') throw new TypeError(`${name}: the module lists no function ${index} as its next()`);
    return fn;
  };
  // A declared `next` puts the same method on the prototype later; this one
  // also serves types the module only returns (std's iterators).
  if (!Object.hasOwn(proto, 'next')) {
    Object.defineProperty(proto, 'next', {
      value: function next(...args) { return callable()(this, ...args); },
      configurable: true,
      writable: true,
    });
  }
  Object.defineProperty(proto, Symbol.iterator, {
    value: function iterate(arg = {}) {
      const fn = callable();
      // `length` counts what JS passes, `self` included (argument-forms.js).
      const args = fn.length === 2 ? [arg] : [];
      return stepper(() => fn(this, ...args));
    },
    configurable: true,
    writable: true,
  });
}

/** A JS iterator over what `step()` returns, ending at the first null. */
function stepper(step) {
  let done = false;
  return {
    next() {
      if (done) return { value: undefined, done };
      const value = step();
      if (value === null) done = true;
      return done ? { value: undefined, done } : { value, done };
    },
    [Symbol.iterator]() { return this; },
  };
}

/**
 * Iteration of a struct or union that is no Zig iterator: `[name, value]`
 * for each of `names` (those `names(obj)` gives), or for a tuple each value.
 * `read(obj, name)` reads one field.
 */
export function defineFieldIterator(proto, { tuple, names, read }) {
  Object.defineProperty(proto, Symbol.iterator, {
    value: function* iterate() {
      for (const name of names(this)) yield tuple ? read(this, name) : [name, read(this, name)];
    },
    configurable: true,
    writable: true,
  });
}
