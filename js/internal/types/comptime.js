// Values that exist only at compile time (types, comptime numbers, enum
// literals, null, undefined, function bodies, and the optionals, arrays,
// pointers, structs and unions holding them) arrive in the descriptor as
// JSON that their type reads (js/zig/values.zig). Each becomes a read-only
// JS value: a type its class, a function its callable, an array or tuple a
// read-only array, a struct a read-only object, a union a read-only object
// of its active field.
import { readOnlyError, unsupportedError } from '../errors.js';
import { comptimeNumber, fromDefault } from './defaults.js';
import { classOfType } from './scalar-class.js';
import { COMPTIME_KINDS } from './comptime-type.js';

/**
 * The JS value of fixed value `json` (a constant's value or a comptime
 * field's) of converter `type`. `held.type(i)` is converter i and
 * `held.function(i)` the callable of function i; `where` names the value
 * in errors (`ops[0]`, `Config.mode`).
 */
export function fixedValue(type, json, held, where) {
  if (COMPTIME_KINDS.has(type.kind)) return comptimeValue(type, json, held, where);
  if (type.kind === 'void') return undefined;
  // A function pointer fixed at compile time: the function it points at.
  if (type.kind === 'function_pointer' && json?.function !== undefined) return held.function(json.function);
  // A value in memory (a comptime field `magic: u32 = 0xCAFE`): as its type reads it, read-only.
  const dv = new DataView(new ArrayBuffer(Math.max(type.size, 1)));
  type.write(dv, 0, fromDefault(type, json), where);
  return typeof type.view === 'function' ? type.view(dv, 0, true) : type.read(dv, 0);
}

function comptimeValue(type, json, held, where) {
  const child = (index, value, at) => fixedValue(held.type(index), value, held, at);
  const items = (list) => list.map((value, i) => child(type.child, value, `${where}[${i}]`));
  switch (type.kind) {
    case 'null': return null;
    case 'undefined': return undefined;
    // An enum literal (`.hello`) is its name, as enum values are to JS.
    case 'enum_literal': return json;
    case 'comptime_int': case 'comptime_float': return comptimeNumber(type.kind, json);
    case 'type': return classOfType(held.type(json.type));
    case 'function': return json.unsupported === undefined ? held.function(json.function) : refusedFunction(where, json.unsupported);
    case 'comptime_optional': return json === null ? null : child(type.child, json, where);
    // Read once, at import: an error is the value (not thrown), as the module must load.
    case 'comptime_error_union': return isErrorJson(json) ? held.type(type.error_set).fromCode(json.code) : child(type.child, json, where);
    case 'comptime_array': return readOnlyArray(items(json), where);
    case 'comptime_pointer': return type.slice ? readOnlyArray(items(json), where) : child(type.child, json, where);
    case 'comptime_struct': {
      const at = (f) => (type.tuple ? `${where}[${f.name}]` : `${where}.${f.name}`);
      const values = type.fields.map((f) => child(f.type, json[f.name], at(f)));
      if (type.tuple) return readOnlyArray(values, where);
      return readOnlyObject(Object.fromEntries(type.fields.map((f, i) => [f.name, values[i]])), (key) => `${where}.${key}`);
    }
    case 'comptime_union': {
      const active = type.fields.filter((f) => Object.hasOwn(json, f.name));
      const entries = active.map((f) => [f.name, child(f.type, json[f.name], `${where}.${f.name}`)]);
      return readOnlyObject(Object.fromEntries(entries), (key) => `${where}.${key}`);
    }
    default: throw new TypeError(`${where}: ${type.name} is not a comptime type`);
  }
}

/** `{"error":name,"code":N}`, as values.zig renders an error a comptime error union holds. */
function isErrorJson(json) {
  return json !== null && typeof json === 'object' && Object.keys(json).length === 2 &&
    typeof json.error === 'string' && typeof json.code === 'number';
}

/** A function zigport cannot call (generic, variadic, unsupported types): it says why when called. */
function refusedFunction(where, reason) {
  return { [where]() { throw unsupportedError(where, reason); } }[where];
}

function readOnlyArray(values, where) {
  return readOnlyObject(values, (key) => `${where}[${key}]`);
}

/** `target`, frozen, whose writes throw the error of a Zig constant named by `nameOf(key)`. */
function readOnlyObject(target, nameOf) {
  const refuse = (_, key) => { throw readOnlyError(nameOf(String(key))); };
  return new Proxy(Object.freeze(target), { set: refuse, defineProperty: refuse, deleteProperty: refuse });
}
