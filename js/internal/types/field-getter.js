// Getters generated for one field each. A getter shared by every field of
// every struct (a closure over the field's type) sees every struct class and
// every reader in its inline caches, which V8 gives up specialising; source
// generated per field, with the field's offset and read written in, keeps
// each getter monomorphic, so that TurboFan inlines it into the caller.
// A field its struct's element array covers (see element-view.js) reads
// that array's element, and the DataView only when the array has none.
import { AT, DV } from './memory.js';
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
  const made = new Function('DV', 'AT', 'ELEMENTS', source)(DV, AT, ELEMENTS);
  Object.defineProperty(made, 'name', { value: `get ${name}` });
  return made;
}
