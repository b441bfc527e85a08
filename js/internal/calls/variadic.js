// The extra arguments of variadic C functions (`snprintf(buf, n, fmt, ...)`).
// Nothing in such a function says what types its extras have, so JS states
// each one's C type by passing an instance of a Zig type, as in Zigar:
// `new Int(5)`, `new Double(1.5)`, `new CStr('text')` from the module's
// `pub const Int = c_int;` and so on. Each extra becomes a record in the
// frame (js/zig/variadic.zig): its class and 64 bits, or for a pointer a
// record for the runtime, which places the memory and writes its address
// as for any pointer argument (copying it back when C may have written it).
import { argumentCountError } from '../errors.js';
import { DV, AT } from '../types/memory.js';
import { scalarOrPointerTypeOf } from '../types/scalar-class.js';
import { pointerTarget } from '../types/pointer-class.js';

/** Classes of extras, as variadic.zig reads them. */
const INT32 = 1;
const INT64 = 2;
const POINTER = 3;
const DOUBLE = 4;
const NONE = 0xffffffff;

/** Throws unless a call of variadic function `fn` with `fixed` parameters may take `received` arguments. */
export function checkVariadicCount(fn, fixed, received) {
  if (received < fixed) throw argumentCountError(fn.name, fixed, received, true);
  const extras = received - fixed;
  if (extras > fn.variadic.max) {
    throw new RangeError(`${fn.name}(): at most ${fn.variadic.max} extra arguments can be passed to a variadic function, received ${extras}`);
  }
}

/**
 * Writes the extras of a call (the arguments after the `fixed` ones) into
 * the frame at `f` (in `dv`), pointers as records in `records` for frame
 * slots from `slotBase` on.
 */
export function describeExtras(fn, fixed, slotBase, args, records, dv, f) {
  const v = fn.variadic;
  const count = args.length - fixed;
  dv.setUint32(f + v.count_offset, count, true);
  for (let j = 0; j < count; j++) {
    const i = fixed + j;
    const where = `${fn.name}(args[${i}])`;
    const value = args[i];
    const type = extraType(value, where);
    const at = f + v.extras_offset + j * v.stride;
    const [cls, bits] = type.pointer ? [POINTER, 0n] : scalarBits(type, value, where);
    dv.setUint32(at, cls, true);
    dv.setUint32(at + 4, 0, true);
    dv.setBigUint64(at + v.bits, bits, true);
    // The runtime writes an address here (4 bytes of it in WebAssembly).
    dv.setBigUint64(at + v.address, 0n, true);
    const m = type.pointer ? pointerTarget(value) : null;
    if (m) records.visit(slotBase + j, m, type, NONE, 0, where);
  }
}

/** The converter of the Zig type `value` is an instance of, if C can take it as an extra. */
function extraType(value, where) {
  const type = scalarOrPointerTypeOf(value);
  if (type === undefined) {
    // Another zigport object (a struct, an array): a Zig value, but not one C takes.
    const name = value !== null && typeof value === 'object' && value[DV] !== undefined ? value[Symbol.toStringTag] : null;
    if (name) throw refused(where, name, 'C takes only integers, floats and pointers as variadic arguments');
    throw new TypeError(`${where}: Arguments passed to variadic function must be casted to a Zig type`);
  }
  if (type.kind === 'slice') throw refused(where, type.name, 'a slice is no C pointer (declare a [*] or [*:0] pointer type)');
  if (type.pointee?.places.length > 0) throw refused(where, type.name, 'C would get the pointers inside its target unplaced');
  return type;
}

/** The class and 64 bits of a scalar extra: integers widened as C promotes them, f32 promoted to double. */
function scalarBits(type, value, where) {
  const read = type.read(value[DV], value[AT]);
  switch (type.kind) {
    case 'bool': return [INT32, read ? 1n : 0n];
    case 'int':
      if (type.size > 8) throw refused(where, type.name, 'C passes integers of at most 64 bits');
      return [type.size <= 4 ? INT32 : INT64, BigInt.asUintN(64, BigInt(read))];
    case 'float': {
      if (type.size !== 4 && type.size !== 8) throw refused(where, type.name, 'only f32 (promoted to double) and f64 can be passed');
      const d = new DataView(new ArrayBuffer(8));
      d.setFloat64(0, read, true);
      return [DOUBLE, d.getBigUint64(0, true)];
    }
    default:
      throw refused(where, type.name, 'C takes only integers, floats and pointers as variadic arguments');
  }
}

function refused(where, name, why) {
  return new TypeError(`${where}: ${name} cannot be passed to a variadic function: ${why}`);
}
