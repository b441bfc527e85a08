// The module's `pub var` and `pub const` declarations as JS properties, and
// how a `pub var` leaves Zig's memory when the module is abandoned.
import { bind } from '../types/memory.js';
import { metaValue, withMetaRead } from '../types/meta-reads.js';
import { define, readOnly } from './properties.js';

/**
 * A `pub var` reads and writes Zig's memory in place; a `pub const` is read
 * from a copy and refuses writes (also to its fields). A `@"meta(zigar)"`
 * mark changes what a read gives (a var's on every read, as its memory may
 * have changed). For a `pub var`, returns the function that moves it into
 * JS memory (see `abandon`).
 */
export function defineVariable(namespace, exports, v, type, host) {
  const follows = holdsPointers(type);
  // `storage()` is the variable's memory now (a WebAssembly memory can move).
  let storage = host.storage(v.slot, v.mutable, follows);
  const object = typeof type.view === 'function' ? type.view(storage(), 0, !v.mutable) : undefined;
  if (v.mutable) {
    define(namespace, v.name, withMetaRead({
      get: object ? () => object : () => type.read(storage(), 0),
      set: (value) => type.write(storage(), 0, value, v.name),
    }, v.meta));
    return () => {
      const zig = storage();
      const copy = new DataView(new Uint8Array(zig.buffer, zig.byteOffset, zig.byteLength).slice().buffer);
      // Pointers in JS memory are kept as their targets, not as addresses:
      // the value is written again, its pointers to what they point at now.
      if (follows) type.write(copy, 0, type.read(zig, 0), v.name);
      storage = () => copy;
      if (object) bind(object, copy, 0, false);
    };
  } else {
    exports[v.name] = metaValue(object ?? type.read(storage(), 0), v.meta);
    define(namespace, v.name, { value: exports[v.name] }, readOnly(v.name));
  }
}

/**
 * The value of a comptime field Zig keeps in memory (descriptor variable
 * `v`, hidden from the namespace): read once, as a `pub const` is, and
 * read-only.
 */
export function storedConstant(v, type, host) {
  const storage = host.storage(v.slot, false, holdsPointers(type));
  return typeof type.view === 'function' ? type.view(storage(), 0, true) : type.read(storage(), 0);
}

/**
 * Whether JS follows pointers in a `type` value: its places, its handles, a
 * tagged union's pointer fields, or an error union's pointer (neither of
 * which ever crosses a call inside a value).
 */
function holdsPointers(type) {
  return type.places.length > 0 || type.holdsHandles || (type.union === true && type.fields.some((f) => type.fieldType(f.name).pointer))
    || (type.kind === 'error_union' && (type.payload.kind === 'pointer' || type.payload.kind === 'slice'));
}
