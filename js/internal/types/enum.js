// Zig enums: one frozen object per member, shared, and `instanceof` the
// enum's class. `Pet.cat`, `Pet('cat')` and `Pet(5)` are the same object;
// `valueOf()` and `String()` give the name, `Number()` the tag value.
import { displayName } from './memory.js';
import { typeMismatch, rangeError } from '../errors.js';

const TAG = Symbol('zigport.enumTag');
/** On a tagged union: its active tag, so that `Tag(u)` finds that member. */
export const ACTIVE_TAG = Symbol('zigport.activeTag');

/** Builds the converter (and class) for an `enum` type descriptor. */
export function enumType(t, tag) {
  const name = displayName(t.name);
  const bigTag = tag.bits > 32;
  const toTagValue = (text) => (bigTag ? BigInt(text) : Number(text));
  const byName = new Map();
  const byValue = new Map();

  function Enum(key) {
    if (new.target) throw new TypeError(`${name} members are fixed; use ${name}.member or ${name}(value)`);
    return lookup(key, `${name}()`, true);
  }
  const make = (memberName, value) => {
    const item = Object.create(Enum.prototype);
    Object.defineProperty(item, TAG, { value });
    Object.defineProperty(item, '$name', { value: memberName });
    return Object.freeze(item);
  };
  for (const m of t.members) {
    const item = make(m.name, toTagValue(m.value));
    byName.set(m.name, item);
    byValue.set(item[TAG], item);
    Object.defineProperty(Enum, m.name, { value: item, enumerable: true });
  }
  Object.defineProperties(Enum.prototype, {
    valueOf: { value() { return this.$name; } },
    toString: { value() { return this.$name; } },
    toJSON: { value() { return this.$name; } },
    [Symbol.toPrimitive]: { value(hint) { return hint === 'number' ? this[TAG] : this.$name; } },
    [Symbol.toStringTag]: { get: () => name },
    [Symbol.for('nodejs.util.inspect.custom')]: { value() { return `${name}.${this.$name}`; } },
  });
  Object.defineProperty(Enum, 'name', { value: name });

  /** The member for a name, member or tag value; unknown values of a non-exhaustive enum get an unnamed member. */
  function lookup(key, where, lenient = false) {
    if (key instanceof Enum) return key;
    if (key !== null && typeof key === 'object' && key[ACTIVE_TAG] instanceof Enum) return key[ACTIVE_TAG];
    const found = typeof key === 'string' ? byName.get(key)
      : typeof key === 'number' || typeof key === 'bigint' ? byValue.get(bigTag ? BigInt(key) : Number(key))
        : undefined;
    if (found) return found;
    if (!t.exhaustive && (typeof key === 'number' || typeof key === 'bigint')) {
      const value = tag.normalize(key, where);
      const item = make(`${value}`, value);
      byValue.set(value, item);
      return item;
    }
    if (lenient) return undefined;
    if (typeof key === 'string' || typeof key === 'number' || typeof key === 'bigint') {
      throw rangeError(where, `${name} has no member ${JSON.stringify(String(key))}`);
    }
    throw typeMismatch(where, name, 'a member, its name or its value', key);
  }

  return {
    ...t,
    constructor: Enum,
    tagBits: tag.bits,
    read: (dv, offset) => fromTag(tag.read(dv, offset)),
    normalize: (value, where) => lookup(value, where),
    write(dv, offset, value, where) {
      tag.write(dv, offset, lookup(value, where)[TAG], where);
    },
    tagOf: (value, where) => lookup(value, where)[TAG],
    fromTag,
    inline: null,
  };

  function fromTag(value) {
    return byValue.get(value) ?? (t.exhaustive ? undefined : lookup(value, name));
  }
}
