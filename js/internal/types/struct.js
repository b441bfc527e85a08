// Zig structs (plain, extern, packed, tuples) as JS classes. An instance
// owns or views the struct's bytes; each field is an accessor that converts
// on access, so a struct viewing Zig memory (a `pub var`) is always live.
// `new Point({ x: 1 })` fills missing fields from Zig's defaults; calling
// `Point(dataView)` without `new` casts existing memory without copying.
import {
  AT, BLANK, DV, bind, freshMemory, castMemory, childView, assertWritable, copyBytes, copyingAccess,
  defineSpecialProperties, displayName, plain,
} from './memory.js';
import { packedField } from './packed-field.js';
import { fieldGetter, fieldSetter } from './field-accessors.js';
import { ELEMENT_LAYOUT, elementLayout } from './element-view.js';
import { comptimeFieldError, typeMismatch } from '../errors.js';
import { fixedValue } from './comptime.js';
import { fromDefault } from './defaults.js';
import { ACTIVE_TAG } from './enum.js';
import { metaValue, withMetaRead } from './meta-reads.js';
import { defineFieldIterator, defineZigIterator } from './iteration.js';

/**
 * Builds the converter (and class) for a `struct` type descriptor. `held`
 * gives what comptime fields may hold: the module's converters and
 * functions (see fixedValue).
 */
export function structType(t, fieldType, describe, held) {
  const name = displayName(t.name);
  // Comptime fields take no memory: read-only values on the prototype.
  // Pointer fields get their type on first use: a struct may point at
  // itself (`parent: ?*Node`), and its pointer type needs the struct first.
  const pointsAway = (f) => ['slice', 'pointer'].includes(describe(f.typeIndex).kind);
  const fields = t.fields.filter((f) => !f.comptime).map((d) => {
    const f = { ...d, typeIndex: d.type };
    if (!pointsAway(f)) return { ...f, type: fieldType(f.typeIndex) };
    const field = { ...f };
    let type = null;
    Object.defineProperty(field, 'type', { get: () => (type ??= fieldType(f.typeIndex)) });
    return field;
  });
  const constants = t.fields.filter((f) => f.comptime);
  const byName = new Map(fields.map((f) => [f.name, f]));
  // A tagged union reads its active field (any other reads null); setting a
  // field activates it.
  const tag = t.tag ? { type: fieldType(t.tag.type), offset: t.tag.offset } : null;
  const activeTag = (obj) => tag.type.read(obj[DV], obj[AT] + tag.offset);
  const activeField = (obj) => String(activeTag(obj));
  // A bare union built with runtime safety: Zig's hidden tag holds the index
  // of the active field, so reading or assigning another one is refused (as
  // Zig's own access would panic); assigning the whole union switches it.
  // Without runtime safety every field reads the same bytes.
  const selector = t.selector ? unionSelector(t.selector, fields) : null;
  // Each field's read without that check (iteration reads them all, as Zigar does).
  const unchecked = new Map();

  // Plain scalar fields of a struct that is not a union read straight from
  // memory, those of the most common element type through a typed array.
  const direct = (f) => !tag && !selector && !pointsAway(f) && typeof f.type.view !== 'function';
  const layout = t.layout === 'packed' ? null : elementLayout(fields.filter(direct), t.size);

  // Instances are made by the constructor even where nothing is assigned
  // (`blank`): V8 then keeps room in each object for every slot bind()
  // adds, where objects from Object.create keep four and put the rest in
  // a second allocation.
  const blank = () => new Struct(BLANK);
  function Struct(init) {
    if (init === BLANK) return;
    if (!new.target) return bind(blank(), castMemory(init, t.size, `${name}()`), 0);
    bind(this, freshMemory(t.size), 0);
    assign(this, init ?? {}, `new ${name}()`);
  }
  Object.defineProperty(Struct, 'name', { value: name });
  if (layout) Object.defineProperty(Struct.prototype, ELEMENT_LAYOUT, { value: layout });
  for (const f of fields) {
    const access = t.layout === 'packed' ? packedField(f, describe(f.typeIndex).kind, name, t.size) : byteField(f);
    Object.defineProperty(Struct.prototype, f.name, withMetaRead(access, f.meta));
  }
  for (const c of constants) {
    // Read on first use: a function it holds exists only once the module's functions do.
    let value;
    let read = false;
    const get = () => {
      if (!read) {
        const fixed = c.slot === undefined ? fixedValue(fieldType(c.type), c.default, held, `${name}.${c.name}`) : held.stored(c.slot);
        [value, read] = [metaValue(fixed, c.meta), true];
      }
      return value;
    };
    Object.defineProperty(Struct.prototype, c.name, {
      get,
      set() { throw comptimeFieldError(`${name}.${c.name}`); },
      enumerable: true,
    });
  }
  Object.defineProperty(Struct.prototype, 'valueOf', {
    value() {
      if (tag) return { [activeField(this)]: plain(this[activeField(this)]) };
      if (selector) return { [selector.active(this)]: plain(this[selector.active(this)]) };
      const out = t.tuple ? [] : {};
      for (const f of [...fields, ...constants]) out[t.tuple ? Number(f.name) : f.name] = plain(this[f.name]);
      return out;
    },
    writable: true,
  });
  defineSpecialProperties(Struct.prototype, t, assign);
  if (tag) defineTagAccess(Struct, tag.type, activeTag);
  if (t.iterator != null) defineZigIterator(Struct.prototype, t.iterator, held, name);
  else defineFieldIterator(Struct.prototype, fieldIteration());

  /** Sets every field from `init` (an instance, or an object/array of field values). */
  function assign(target, init, where) {
    assertWritable(target, where);
    if (init instanceof Struct) return copyBytes(target[DV], target[AT], init[DV], init[AT], t.size);
    if (init === null || typeof init !== 'object') throw typeMismatch(where, name, 'an object of field values', init);
    const keys = t.tuple && Array.isArray(init) ? init.map((_, i) => String(i)) : Object.keys(init);
    for (const key of keys) {
      if (!byName.has(key) && !constants.some((c) => c.name === key)) {
        throw new TypeError(`${where}: ${name} has no field "${key}"`);
      }
    }
    if (t.union) return assignUnion(target, init, keys, where);
    for (const f of fields) {
      const given = Object.hasOwn(init, f.name);
      if (!given && f.default === undefined) throw new TypeError(`${where}: missing field "${f.name}" of ${name}`);
      const value = given ? init[f.name] : fromDefault(f.type, f.default);
      setField(target, f, value, `${where}.${f.name}`);
    }
    return undefined;
  }

  /** An extern union is set through exactly one of its fields. */
  function assignUnion(target, init, keys, where) {
    if (keys.length !== 1) throw new TypeError(`${where}: ${name} is a union; give exactly one field`);
    new Uint8Array(target[DV].buffer, target[DV].byteOffset + target[AT], t.size).fill(0);
    selector?.activate(target, keys[0]);
    setField(target, byName.get(keys[0]), init[keys[0]], `${where}.${keys[0]}`);
  }

  /**
   * What iterating a struct that is no Zig iterator yields (as Zigar): every
   * field, comptime ones included; a tagged union's active one; a bare
   * union's every field, each read as if it were active.
   */
  function fieldIteration() {
    const all = t.fields.map((f) => f.name);
    const names = tag ? (obj) => [activeField(obj)] : () => all;
    const read = (obj, key) => (selector && unchecked.has(key) ? unchecked.get(key).call(obj) : obj[key]);
    return { tuple: t.tuple, names, read };
  }

  function setField(target, f, value, where) {
    Object.getOwnPropertyDescriptor(Struct.prototype, f.name).set.call(target, value, where);
  }

  function byteField(f) {
    const where = `${name}.${f.name}`;
    // A pointer field reads and writes through its type's converter, never
    // as an object view; it is resolved on first use (see `fields`).
    if (pointsAway(f)) return pointerField(f, where);
    const type = f.type;
    const object = typeof type.view === 'function';
    function read() {
      if (!object) return type.read(this[DV], this[AT] + f.offset);
      return childView(this, f.name, (dv, at, ro) => type.view(dv, at + f.offset, ro));
    }
    unchecked.set(f.name, read);
    const getter = direct(f) ? fieldGetter(type, f.offset, f.name, layout) : null;
    const setter = direct(f) ? fieldSetter(type, f.offset, f.name, layout, where) : null;
    return {
      get: getter ?? function get() {
        if (tag && activeField(this) !== f.name) return null;
        selector?.check(this, f.name, where);
        return read.call(this);
      },
      set: setter ?? function set(value, at = where) {
        assertWritable(this, where);
        selector?.check(this, f.name, at);
        type.write(this[DV], this[AT] + f.offset, value, at);
        if (tag) tag.type.write(this[DV], this[AT] + tag.offset, f.name, at);
      },
      enumerable: true,
    };
  }

  /**
   * A pointer or slice field. In a tagged union (a variable: such unions
   * never cross calls) only the active one is read, as for other fields.
   */
  function pointerField(f, where) {
    return {
      get() {
        if (tag && activeField(this) !== f.name) return null;
        return f.type.read(this[DV], this[AT] + f.offset);
      },
      set(value, at = where) {
        assertWritable(this, where);
        f.type.write(this[DV], this[AT] + f.offset, value, at);
        if (tag) tag.type.write(this[DV], this[AT] + tag.offset, f.name, at);
      },
      enumerable: true,
    };
  }

  return {
    ...t,
    constructor: Struct,
    fieldType: (key) => byName.get(key)?.type,
    ...copyingAccess(Struct, t.size, assign, undefined, blank),
    view: (dv, offset, readOnly) => bind(blank(), dv, offset, readOnly),
    inline: null,
  };
}

/**
 * What a tagged union offers about its tag: `Shape.tag` is the tag enum,
 * `Shape.tag(u)` (or the enum called on `u`) the active member, and
 * `String(u)` / `Number(u)` its name and value.
 */
function defineTagAccess(Union, tagType, activeTag) {
  // Configurable: a declaration of the union's own named `tag` takes its place.
  Object.defineProperty(Union, 'tag', { value: tagType.constructor, configurable: true });
  Object.defineProperty(Union.prototype, ACTIVE_TAG, { get() { return activeTag(this); } });
  Object.defineProperty(Union.prototype, Symbol.toPrimitive, {
    value(hint) {
      const member = activeTag(this);
      return hint === 'number' ? Number(member) : String(member);
    },
  });
}

/**
 * The hidden tag of a bare union (`{ offset, size }` from the descriptor):
 * which field is active, the check that an access names it, and switching.
 */
function unionSelector({ offset, size }, fields) {
  const names = fields.map((f) => f.name);
  const read = (obj) => {
    let index = 0;
    for (let i = size - 1; i >= 0; i--) index = index * 256 + obj[DV].getUint8(obj[AT] + offset + i);
    return index;
  };
  const active = (obj) => names[read(obj)] ?? `no field (hidden tag ${read(obj)})`;
  return {
    active,
    check(obj, name, where) {
      if (active(obj) !== name) {
        throw new TypeError(`${where} is not the active field of this union (${active(obj)} is); assign the whole union to switch`);
      }
    },
    activate(obj, name) {
      let index = names.indexOf(name);
      for (let i = 0; i < size; i++, index = Math.floor(index / 256)) obj[DV].setUint8(obj[AT] + offset + i, index % 256);
    },
  };
}
