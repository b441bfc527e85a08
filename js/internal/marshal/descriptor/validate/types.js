// Checks on each type of the table, by kind (the twin of
// marshal/src/descriptor/validate/types.rs): sizes, alignments, and that
// every member lies inside its type. Children may not be checked yet when
// their parent is, so sums with their sizes wrap as Rust's do.
import { absDiff, add, at, checkedAdd, checkedMul, divCeil, isMultipleOf, isPowerOfTwo, mul } from '../u64.js';
import { comptimeOnly, followable, inMemory, inside, isIntegerText, MAX_EXTENT, nested, span } from './kinds.js';
import { Problem, expect, within } from './problem.js';
import { checkValue } from './values.js';

const FLOAT_BITS = new Set([16n, 32n, 64n, 80n, 128n]);

export function checkType(d, index, t) {
  if (!isPowerOfTwo(t.align) || t.align > 1n << 16n) {
    throw new Problem(`alignment ${t.align} is not a power of two up to 65536`);
  }
  if (t.size > MAX_EXTENT) throw new Problem(`size ${t.size} is implausibly large`);
  if (!isMultipleOf(t.size, t.align)) throw new Problem(`size ${t.size} is not a multiple of alignment ${t.align}`);
  const k = t.kind;
  switch (k.tag) {
    case 'bool': return expect(t.size === 1n, 'a bool must be 1 byte');
    case 'void':
    case 'opaque': return expect(t.size === 0n, 'a value without storage must have size 0');
    case 'int':
      expect(k.bits <= 65535n, 'integers are at most 65535 bits');
      return expect(k.bits <= t.size * 8n, 'integer bits exceed its size');
    case 'float':
      expect(FLOAT_BITS.has(k.bits), 'floats are 16, 32, 64, 80 or 128 bits');
      return expect(k.bits <= t.size * 8n, 'float bits exceed its size');
    case 'optional': return checkOptional(d, index, t, k);
    case 'error_union': return checkErrorUnion(d, index, t, k);
    case 'error_set': return checkErrorSet(d, t, k.errors ?? []);
    case 'slice':
      pointee(d, index, k.child);
      return checkSlice(t, k.ptrOffset, k.lenOffset, d.pointerSize);
    case 'pointer': return checkPointer(d, index, t, k);
    case 'function_pointer': return checkFunctionPointer(d, t, k);
    case 'allocator': return checkAllocator(d, t, k);
    case 'array':
      if (k.bitPacked) return checkBitVector(d, index, t, k.child, k.len);
      return checkArray(d, index, t, k.child, k.len, k.sentinel !== null);
    case 'enum': return checkEnum(d, index, t, k);
    case 'struct': return checkStruct(d, index, t, k);
    case 'unsupported': return undefined;
    default:
      // The rest are comptime-only: read from JSON, with no storage.
      expect(comptimeOnly(k), 'this kind of type has no checks');
      for (const child of comptimeChildren(k)) nested(d, index, child);
      return expect(t.size === 0n, 'a comptime-only value has no storage');
  }
}

/** The types a comptime-only type holds. */
function comptimeChildren(k) {
  switch (k.tag) {
    case 'comptime_error_union': return [k.child, k.errorSet];
    case 'comptime_optional':
    case 'comptime_array':
    case 'comptime_pointer': return [k.child];
    case 'comptime_struct':
    case 'comptime_union': return k.fields.map((f) => f.typeIndex);
    default: return [];
  }
}

function checkPointer(d, index, t, k) {
  const handle = nested(d, index, k.child).kind.tag === 'opaque';
  // A handle is a single-item pointer: nothing lies past its address.
  if (!handle || k.many) pointee(d, index, k.child);
  const word = d.pointerSize;
  expect(t.size === word && t.align === word, "a pointer must be one address wide (the descriptor's pointer_size)");
}

function checkFunctionPointer(d, t, k) {
  const word = d.pointerSize;
  expect(t.size === word && t.align === word, 'a function pointer must be one address wide');
  const callerOk = k.caller === null || at(d.functions, k.caller)?.role === 'caller';
  expect(callerOk, "a function pointer's caller must be a caller function");
}

function checkAllocator(d, t, k) {
  const word = d.pointerSize;
  expect(t.size === 2n * word && t.align === word, 'an allocator must be two addresses wide');
  inside(t, k.ptrOffset, span(k.ptrOffset, word), word);
  inside(t, k.vtableOffset, span(k.vtableOffset, word), word);
  expect(absDiff(k.ptrOffset, k.vtableOffset) >= word, "an allocator's two addresses overlap");
}

function checkEnum(d, index, t, k) {
  const tag = nested(d, index, k.tagType);
  expect(tag.kind.tag === 'int' && tag.size === t.size, 'enum tag must be an integer of its size');
  expect(k.members.every((m) => isIntegerText(m.value)), 'enum values must be integers');
}

function checkStruct(d, index, t, k) {
  const selector = k.selector;
  if (selector !== null) {
    expect(k.union && k.unionTag === null, 'only a bare union has a selector');
    expect([1n, 2n, 4n].includes(selector.size), 'a selector is 1, 2 or 4 bytes');
    expect(selector.offset <= MAX_EXTENT, 'offset is implausibly large');
    const end = add(selector.offset, selector.size);
    inside(t, selector.offset, end, 1n);
    const clear = (f) => {
      const size = at(d.types, f.typeIndex)?.size ?? 0n;
      return f.offset >= end || add(f.offset, size) <= selector.offset;
    };
    expect(k.fields.every(clear), 'the selector overlaps a field');
  }
  if (k.unionTag !== null) {
    const tagType = nested(d, index, k.unionTag.typeIndex);
    expect(tagType.kind.tag === 'enum', 'a union tag must be an enum');
    expect(k.unionTag.offset <= MAX_EXTENT, 'offset is implausibly large');
    inside(t, k.unionTag.offset, add(k.unionTag.offset, tagType.size), tagType.align);
  }
  for (const f of k.fields) {
    if (k.union && isVoid(d, index, f.typeIndex)) continue;
    within(`field ${f.name}: `, () => checkField(d, index, t, k.layout, f));
  }
}

/** Whether a union's field is void (and so lies nowhere). */
function isVoid(d, index, child) {
  try {
    return nested(d, index, child).kind.tag === 'void';
  } catch (err) {
    if (err instanceof Problem) return false;
    throw err;
  }
}

function checkOptional(d, index, t, k) {
  const child = nested(d, index, k.child);
  const valueAt = k.valueOffset;
  const presentAt = k.presentOffset;
  expect(valueAt <= MAX_EXTENT && presentAt <= MAX_EXTENT, 'offset is implausibly large');
  const valueEnd = add(valueAt, child.size);
  inside(t, valueAt, valueEnd, child.align);
  inside(t, presentAt, presentAt + 1n, 1n);
  expect(!(valueAt <= presentAt && presentAt < valueEnd), 'presence flag overlaps the value');
}

function checkErrorUnion(d, index, t, k) {
  const valueAt = k.valueOffset;
  const codeAt = k.codeOffset;
  expect(valueAt <= MAX_EXTENT && codeAt <= MAX_EXTENT, 'offset is implausibly large');
  const payload = nested(d, index, k.payload);
  const set = nested(d, index, k.errorSet);
  expect(set.kind.tag === 'error_set', 'error_set is not an error set');
  const codeBytes = divCeil(d.errorCodeBits, 8n);
  inside(t, valueAt, add(valueAt, payload.size), payload.align);
  inside(t, codeAt, codeAt + codeBytes, set.align);
  const overlap = valueAt < codeAt + codeBytes && codeAt < add(valueAt, payload.size);
  expect(!overlap, 'error code overlaps the value');
}

function checkErrorSet(d, t, errors) {
  expect(t.size >= divCeil(d.errorCodeBits, 8n), 'error set is smaller than an error code');
  const limit = 1n << d.errorCodeBits;
  const fits = (e) => e.value !== 0n && e.value < limit;
  expect(errors.every(fits), 'error codes must be non-zero and fit the code size');
}

function checkSlice(t, ptrAt, lenAt, word) {
  expect(ptrAt <= MAX_EXTENT && lenAt <= MAX_EXTENT, 'offset is implausibly large');
  inside(t, ptrAt, ptrAt + word, word);
  inside(t, lenAt, lenAt + word, word);
  expect(absDiff(ptrAt, lenAt) >= word, 'slice address and length overlap');
}

function checkArray(d, index, t, childIndex, len, sentinel) {
  const child = nested(d, index, childIndex);
  expect(
    inMemory(child.kind) || followable(d, child.kind),
    'array elements must be values in memory or pointers to them',
  );
  const count = checkedAdd(len, sentinel ? 1n : 0n);
  const bytes = count === null ? null : checkedMul(child.size, count);
  expect(bytes !== null && bytes <= t.size, "elements exceed the array's size");
}

function checkBitVector(d, index, t, childIndex, len) {
  const child = nested(d, index, childIndex);
  let bits;
  if (child.kind.tag === 'bool') bits = 1n;
  else if (child.kind.tag === 'int' || child.kind.tag === 'float') bits = child.kind.bits;
  else throw new Problem('only vectors of bools, integers and floats are bit-packed');
  const total = checkedMul(len, bits);
  expect(total !== null && total <= t.size * 8n, "elements exceed the vector's size");
}

/** A comptime field read from memory: a hidden constant of its type holds it. */
function checkStoredField(d, typeIndex, slot) {
  const stored = d.variables.find((v) => v.slot === slot);
  const fits = stored !== undefined && stored.hidden && !stored.mutable && stored.typeIndex === typeIndex;
  expect(fits, "its value's storage slot is not a hidden constant of its type");
}

function checkField(d, parent, t, layout, f) {
  if (f.comptime) {
    if (f.slot !== null) return checkStoredField(d, f.typeIndex, f.slot);
    if (f.default === null) throw new Problem('a comptime field needs its value');
    return checkValue(d, f.typeIndex, f.default);
  }
  const ft = nested(d, parent, f.typeIndex);
  if (layout === 'packed') return checkPackedField(d, t, ft, f);
  expect(inMemory(ft.kind) || followable(d, ft.kind), 'fields must be values in memory or pointers to them');
  expect(f.offset <= MAX_EXTENT, 'offset is implausibly large');
  return inside(t, f.offset, add(f.offset, ft.size), ft.align);
}

/** Whether Zig packs values of kind `k` into a packed struct. */
function packable(d, k) {
  switch (k.tag) {
    case 'bool': case 'int': case 'float': case 'void': case 'enum': case 'function_pointer': return true;
    case 'array': return k.vector;
    case 'struct': return k.layout === 'packed' && !k.union;
    case 'pointer': return followable(d, k);
    default: return false;
  }
}

/** A packed field: `bits` fit in its own type and, from `bit_offset` on, in the struct. */
function checkPackedField(d, t, ft, f) {
  expect(packable(d, ft.kind), 'packed fields must be values Zig packs (no slices, optionals, unions or arrays)');
  if (f.bits === null) throw new Problem('a packed field needs its bit size');
  expect(f.bits <= mul(ft.size, 8n), "bits exceed the field type's size");
  expect(f.bitOffset <= MAX_EXTENT * 8n && add(f.bitOffset, f.bits) <= t.size * 8n, 'bits lie outside the struct');
}

/** The target of a pointer: a value in memory with storage, or (one level deep) a pointer or slice to such. */
function pointee(d, parent, child) {
  const t = nested(d, parent, child);
  if (t.kind.tag === 'slice' || t.kind.tag === 'pointer') {
    const target = nested(d, child, t.kind.child);
    const word = d.pointerSize;
    const strideOk = t.size === 2n * word || (t.size === word && t.kind.tag === 'pointer');
    const plain = inMemory(target.kind) && target.size > 0n;
    return expect(plain && strideOk, 'pointers nest only one level deep');
  }
  return expect(inMemory(t.kind) && t.size > 0n, 'pointers must point at values in memory');
}
