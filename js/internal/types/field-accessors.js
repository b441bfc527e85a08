// Getters and setters generated for one field each. An accessor shared by
// every field of every struct (a closure over the field's type) sees every
// struct class and every value in its inline caches, which V8 gives up
// specialising; source generated per field, with the field's offset, check
// and access written in, keeps each accessor monomorphic, so that TurboFan
// inlines it into the caller. A field its struct's element array covers
// (see element-view.js) reads and writes that array's element, and the
// DataView only when the array has none or no longer covers it.
import { readOnlyError } from '../errors.js';
import { AT, DV, READ_ONLY } from './memory.js';
import { ELEMENTS, elementIndex } from './element-view.js';

/**
 * The getter of a scalar field at byte `offset` of its struct, when the
 * field's type has an inline read (types whose read converts the bytes
 * further, such as u48 or usize, have none); otherwise null. `layout` is
 * the struct's element layout, or null.
 */
export function fieldGetter(type, offset, name, layout) {
  const get = type.inline?.get;
  if (typeof get !== 'function') return null;
  const index = elementIndex(layout, type, offset);
  const viaElement = index < 0 ? ''
    : `const a = this[ELEMENTS]; if (a !== null) { const v = a[${index}]; if (v !== undefined) return v; } `;
  const source = `return function get() { ${viaElement}const dv = this[DV]; return ${get('dv', `this[AT] + ${offset}`)}; };`;
  return named(new Function('DV', 'AT', 'ELEMENTS', source)(DV, AT, ELEMENTS), `get ${name}`);
}

/**
 * The setter of the same fields, when the type has an inline write: a value
 * that passes the type's inline check is stored as it is, anything else
 * goes through `type.write`, which converts or refuses it. `where` names
 * the field in errors.
 */
export function fieldSetter(type, offset, name, layout, where) {
  const inline = type.inline;
  if (typeof inline?.set !== 'function') return null;
  const index = elementIndex(layout, type, offset);
  // An element array over a buffer since detached or shrunk has length 0,
  // and a store to it would vanish: such writes take the DataView, which
  // throws. The read-only check is assertWritable's, written in: its shared
  // load of the flag sees every struct class, and calling it took a field
  // write from 1.21-1.33x a plain object's to 2.04-2.15x.
  const viaElement = index < 0 ? ''
    : `const a = this[ELEMENTS]; if (a !== null && ${index} < a.length) { a[${index}] = value; return; } `;
  const source = `return function set(value, at = where) {
    if (this[READ_ONLY]) throw readOnlyError(where);
    if (${inline.guard('value')}) { ${viaElement}const dv = this[DV]; ${inline.set('dv', `this[AT] + ${offset}`, 'value')}; return; }
    type.write(this[DV], this[AT] + ${offset}, value, at);
  };`;
  const made = new Function('DV', 'AT', 'READ_ONLY', 'ELEMENTS', 'readOnlyError', 'type', 'where', source);
  return named(made(DV, AT, READ_ONLY, ELEMENTS, readOnlyError, type, where), `set ${name}`);
}

function named(fn, name) {
  Object.defineProperty(fn, 'name', { value: name });
  return fn;
}
