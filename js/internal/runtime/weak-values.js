// A map whose values are held weakly: an entry lasts while its value is
// alive elsewhere, and goes when the value is collected. This is how one
// place in memory keeps one JS object without keeping it alive.

export class WeakValues {
  constructor() {
    this.entries = new Map();
    this.collected = new FinalizationRegistry((key) => {
      if (this.entries.get(key)?.deref() === undefined) this.entries.delete(key);
    });
  }

  /** The live value for `key`, or undefined. */
  get(key) {
    return this.entries.get(key)?.deref();
  }

  /** Holds `value` (an object) weakly under `key`. */
  set(key, value) {
    this.entries.set(key, new WeakRef(value));
    this.collected.register(value, key);
  }
}
