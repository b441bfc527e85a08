// What `valueOf()` gives for a value of each Zig type (types/memory.js's
// plain(): an object's `valueOf()`, anything else as it is): numbers and
// booleans stay, enums become their names, structs plain objects (tuples
// arrays, unions one field), arrays, vectors and slices arrays, pointers
// the plain form of what they point at. Errors, handles and functions are
// themselves.
import { propertyKey } from './names.js';
import { group, unknown } from './fragments.js';

/**
 * Makes `plain(index)` for a descriptor; `text(index, 'out')` is a type's
 * read form and `classes.name(index)` the identifier of a declared type.
 */
export function plainTexts(descriptor, classes, text) {
  const types = descriptor.types;

  function plain(index, seen = new Set()) {
    const t = types[index];
    switch (t.kind) {
      case 'enum': return 'string';
      case 'optional': return `${group(plain(t.child, seen))} | null`;
      case 'error_union': return plain(t.payload, seen);
      case 'struct': return t.role || !classes.name(index) ? unknown(`the plain form of ${t.name}`) : structPlain(index, t, seen);
      case 'array': return `${group(plain(t.child, seen))}[]`;
      case 'slice': case 'pointer': return pointerPlain(t, seen);
      default: return text(index, 'out');
    }
  }

  /** A struct's fields (comptime ones too, as struct.js's valueOf gives them). */
  function structPlain(index, t, seen) {
    if (seen.has(index)) return unknown('a recursive value');
    const inner = new Set([...seen, index]);
    const live = t.fields.filter((f) => !f.comptime);
    const entry = (f) => `${propertyKey(f.name)}: ${plain(f.type, inner)}`;
    if (t.union) return live.map((f) => `{ ${entry(f)} }`).join(' | ') || 'never';
    const all = [...live, ...t.fields.filter((f) => f.comptime)];
    if (t.tuple) return `[${all.map((f) => plain(f.type, inner)).join(', ')}]`;
    return `{ ${all.map(entry).join('; ')} }`;
  }

  /** What a pointer points at, plain: a slice view's elements, or the struct or array itself. */
  function pointerPlain(t, seen) {
    const child = types[t.child];
    const nullable = t.nullable ? ' | null' : '';
    if (child.kind === 'opaque') return text(t.child, 'out') + nullable;
    const run = t.kind === 'slice' || t.many === true;
    // A single pointer to a scalar reads as a one-element slice view.
    const viewed = !run && (child.kind === 'struct' || child.kind === 'array');
    return (viewed ? plain(t.child, seen) : `${group(plain(t.child, seen))}[]`) + nullable;
  }

  return plain;
}
