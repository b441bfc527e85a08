// Turns the descriptor's type table into converters: objects that read and
// write one Zig type in a DataView, validating what JS hands them. One file
// per kind of type; this one only dispatches.
import { intType } from './int.js';
import { floatType } from './float.js';
import { boolType } from './bool.js';
import { voidType } from './void.js';
import { optionalType } from './optional.js';
import { errorUnionType } from './error-union.js';
import { pointerType } from './pointer.js';
import { structType } from './struct.js';
import { arrayType } from './array.js';
import { enumType } from './enum.js';
import { errorSetType, moduleErrors } from './error-set.js';
import { opaqueType } from './opaque.js';
import { asyncParamType } from '../calls/async-params.js';
import { functionPointerType } from './function-pointer.js';
import { allocatorType } from './allocator.js';
import { COMPTIME_KINDS, comptimeType } from './comptime-type.js';
import { unsupportedError } from '../errors.js';

/**
 * Builds a converter for every type of a descriptor. `errors` is the
 * module's error table (`moduleErrors` in error-set.js). Once the module
 * has made them all, `held` gives the converters and callables comptime
 * fields may hold (see fixedValue in comptime.js), and `roles` the
 * functions the exporter adds for the runtime: `caller[i]` (descriptor
 * function `i`, which calls function pointers of one type), `alloc` and
 * `free` (allocator.js).
 */
export function buildTypes(descriptor, errors, { held, roles }) {
  const built = new Array(descriptor.types.length);
  const context = { errors, descriptors: descriptor.types, held, roles, pointerSize: descriptor.pointer_size };
  const get = (index) => (built[index] ??= make(descriptor.types[index], get, context));
  const types = descriptor.types.map((_, i) => get(i));
  const places = placeFinder(descriptor.types, get);
  const handles = handleFinder(descriptor.types);
  // Plain properties, set once every type exists (a getter here would slow
  // every call through the converter).
  types.forEach((type, i) => {
    type.index = i;
    type.places = places(i);
    type.holdsHandles = handles(i);
  });
  return types;
}

/**
 * `places(i)`: where a value of type `i` holds pointers, in the order the
 * runtime numbers them (marshal/src/descriptor/places.rs): each
 * `{ offset, type, path }`, `type` being the pointer's converter and `path`
 * the field names and indices that lead to it.
 */
function placeFinder(descriptors, get) {
  const found = new Map();
  const places = (i) => {
    if (found.has(i)) return found.get(i);
    found.set(i, []);
    const t = descriptors[i];
    let list = [];
    // A handle (`*Opaque`) is no place: it never lies inside a value a call passes.
    if (t.kind === 'slice' || (t.kind === 'pointer' && descriptors[t.child].kind !== 'opaque')) {
      list = [{ offset: 0, type: get(i), path: [] }];
    } else if (t.kind === 'struct' && t.layout !== 'packed' && !t.union) {
      list = t.fields.filter((f) => !f.comptime).flatMap((f) => places(f.type).map(
        (p) => ({ ...p, offset: p.offset + f.offset, path: [f.name, ...p.path] })));
    } else if (t.kind === 'array' && places(t.child).length > 0) {
      const stride = descriptors[t.child].size;
      for (let k = 0; k < t.len; k++) {
        list.push(...places(t.child).map((p) => ({ ...p, offset: p.offset + k * stride, path: [k, ...p.path] })));
      }
    }
    found.set(i, list);
    return list;
  };
  return places;
}

/**
 * `holds(i)`: whether a value of type `i` is or holds (in its fields,
 * elements or payload) a handle (`*Opaque`), which is no place but, like
 * one, means nothing outside Zig's memory unless JS follows it.
 */
function handleFinder(descriptors) {
  const found = new Map();
  const holds = (i) => {
    if (found.has(i)) return found.get(i);
    found.set(i, false);
    const t = descriptors[i];
    let result = false;
    if (t.kind === 'pointer') result = descriptors[t.child].kind === 'opaque';
    else if (t.kind === 'struct' && t.layout !== 'packed') result = t.fields.some((f) => !f.comptime && holds(f.type));
    else if (t.kind === 'array' || t.kind === 'optional') result = holds(t.child);
    found.set(i, result);
    return result;
  };
  return holds;
}

function make(t, get, { errors, descriptors, held, roles, pointerSize }) {
  if (COMPTIME_KINDS.has(t.kind)) return comptimeType(t);
  switch (t.kind) {
    case 'int': return intType(t);
    case 'float': return floatType(t);
    case 'bool': return boolType(t);
    case 'void': return voidType(t);
    case 'optional': return optionalType(t, get(t.child));
    case 'error_union': return errorUnionType(t, get(t.payload), get(t.error_set), errors.thrown);
    case 'slice': case 'pointer': return pointerType(t, get(t.child));
    case 'struct': {
      const struct = structType(t, get, (i) => descriptors[i], held);
      // The zigar module's Promise, Generator and AbortSignal: filled by JS.
      return t.role ? asyncParamType(t, struct, { pointerSize, get, callbacks: () => roles.callbacks }) : struct;
    }
    case 'array': return arrayType(t, get(t.child));
    case 'enum': return enumType(t, get(t.tag));
    case 'error_set': return errorSetType(t, errors);
    case 'opaque': return opaqueType(t, held);
    case 'function_pointer': return functionPointerType(t, (i) => roles.caller[i], () => roles.callbacks);
    case 'allocator': return allocatorType(t, () => roles);
    default: return unusable(t);
  }
}

/** Types JS cannot hold a value of. */
function unusable(t) {
  const fail = () => { throw unsupportedError(t.name, `values of type ${t.name} cannot cross the boundary yet`); };
  return { ...t, read: fail, write: fail, normalize: fail, inline: null };
}
