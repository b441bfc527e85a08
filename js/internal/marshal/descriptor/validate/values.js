// Checks on comptime values (a constant's `value`, a comptime field's
// `default`; the twin of marshal/src/descriptor/validate/values.rs): the
// JSON must be what JS reads for the value's type, so that every type and
// function index it names is in range. Values are serde/ content, objects
// as Maps.
import { at } from '../u64.js';
import { isIntegerText } from './kinds.js';
import { Problem, expect, within } from './problem.js';

/** How deeply comptime containers may nest. */
const MAX_DEPTH = 64;

/** What Rust's `str::parse::<f64>` accepts. */
const F64_TEXT = /^[+-]?(inf|infinity|nan|([0-9]+\.?[0-9]*|\.[0-9]+)(e[+-]?[0-9]+)?)$/i;

/** Checks that `value` is a value of type `typeIndex`. */
export function checkValue(d, typeIndex, value) {
  checkAt(d, typeIndex, value, 0);
}

/** Member `key` of an object value (Value::get), or undefined. */
const get = (value, key) => (value.c === 'obj' ? value.v.get(key) : undefined);
/** A non-negative integer value (Value::as_u64), or null. */
const asU64 = (value) => (value?.c === 'u64' ? value.v : null);
const text = (value) => (value.c === 'str' ? value.v : null);

function checkAt(d, typeIndex, value, depth) {
  expect(depth <= MAX_DEPTH, 'comptime value nests too deeply');
  const t = at(d.types, typeIndex);
  if (t === undefined) throw new Problem(`refers to missing type #${typeIndex}`);
  const k = t.kind;
  const s = text(value);
  const inner = (child, item) => checkAt(d, child, item, depth + 1);
  switch (k.tag) {
    case 'comptime_int': return expect(s !== null && isIntegerText(s), 'a comptime_int must be integer text');
    case 'comptime_float': return expect(s !== null && F64_TEXT.test(s), 'a comptime_float must be number text');
    case 'enum_literal': return expect(s !== null && s !== '', 'an enum literal must be its name');
    case 'null':
    case 'undefined': return expect(value.c === 'unit', 'null and undefined are null');
    case 'type': {
      const index = asU64(get(value, 'type'));
      return expect(index !== null && index < BigInt(d.types.length), 'a type must name a type of the table');
    }
    case 'function': {
      const index = asU64(get(value, 'function'));
      const listed = index !== null && index < BigInt(d.functions.length);
      const refused = get(value, 'unsupported')?.c === 'str';
      return expect(listed || refused, 'a function must name a listed function or why it is unsupported');
    }
    case 'comptime_optional': return value.c === 'unit' ? undefined : inner(k.child, value);
    case 'comptime_error_union':
      expect(at(d.types, k.errorSet)?.kind.tag === 'error_set', "an error union's error set must be an error set");
      return isErrorValue(value) ? undefined : inner(k.child, value);
    case 'comptime_array': {
      if (value.c !== 'seq') throw new Problem("an array's value must be an array");
      expect(BigInt(value.v.length) === k.len, "an array's value must have its length");
      return value.v.forEach((item) => inner(k.child, item));
    }
    case 'comptime_pointer':
      if (!k.slice) return inner(k.child, value);
      if (value.c !== 'seq') throw new Problem("a slice's value must be an array");
      return value.v.forEach((item) => inner(k.child, item));
    case 'comptime_struct': return checkStruct(k, value, inner);
    case 'comptime_union': return checkUnion(k, value, inner);
    // A value in memory: JS writes it through its type, which checks it.
    default: return undefined;
  }
}

function checkStruct(k, value, inner) {
  if (value.c !== 'obj') throw new Problem("a struct's value must be an object");
  for (const f of k.fields) {
    const field = value.v.get(f.name);
    if (field === undefined) throw new Problem(`field ${f.name} has no value`);
    within(`field ${f.name}: `, () => inner(f.typeIndex, field));
  }
}

function checkUnion(k, value, inner) {
  if (value.c !== 'obj') throw new Problem("a union's value must be an object");
  expect(value.v.size <= 1, "a union's value has at most its active field");
  for (const [name, field] of value.v) {
    const f = k.fields.find((candidate) => candidate.name === name);
    if (f === undefined) throw new Problem(`union has no field ${name}`);
    within(`field ${name}: `, () => inner(f.typeIndex, field));
  }
}

/** `{"error": name, "code": N}`: the error a comptime error union holds. */
function isErrorValue(value) {
  const name = get(value, 'error');
  const named = name?.c === 'str' && name.v !== '';
  const code = asU64(get(value, 'code'));
  const coded = code !== null && code > 0n;
  return named && coded && value.v.size === 2;
}
