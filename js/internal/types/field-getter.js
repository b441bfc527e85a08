// Getters generated for one field each. A getter shared by every field of
// every struct (a closure over the field's type) sees every struct class and
// every reader in its inline caches, which V8 gives up specialising; source
// generated per field, with the field's offset and DataView read written
// in, keeps each getter monomorphic, so that TurboFan inlines it into the
// caller as a symbol load, an add and one DataView read.
import { AT, DV } from './memory.js';

/**
 * The getter of a scalar field at byte `offset` of its struct, when the
 * field's type has an inline read (types whose read converts the bytes
 * further, such as u48 or usize, have none); otherwise null.
 */
export function fieldGetter(type, offset, name) {
  const get = type.inline?.get;
  if (typeof get !== 'function') return null;
  const source = `return function get() { const dv = this[DV]; return ${get('dv', `this[AT] + ${offset}`)}; };`;
  const made = new Function('DV', 'AT', source)(DV, AT);
  Object.defineProperty(made, 'name', { value: `get ${name}` });
  return made;
}
