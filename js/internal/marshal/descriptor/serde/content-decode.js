// Decoding from content (JSON already read into tagged values), as serde's
// ContentDeserializer does for the keys a flattened field gathered: the
// variant fields of a type. Errors carry no position; the JSON decoder
// gives them the position after the object they came from.
import {
  duplicateField, invalidLength, invalidType, invalidValue, missingField, unknownVariant,
} from './errors.js';
import { assemble } from './spec.js';

/** Decodes content `c` as `spec` describes. */
export function fromContent(spec, c) {
  switch (spec.t) {
    case 'uint': return uint(spec, c);
    case 'bool':
      if (c.c !== 'bool') throw invalidType(c, 'a boolean');
      return c.v;
    case 'string':
      if (c.c !== 'str') throw invalidType(c, 'a string');
      return c.v;
    case 'option': return c.c === 'unit' ? null : fromContent(spec.inner, c);
    case 'vec':
      if (c.c !== 'seq') throw invalidType(c, 'a sequence');
      return c.v.map((item) => fromContent(spec.inner, item));
    case 'struct': return struct(spec, c);
    case 'enum': return unitEnum(spec, c);
    case 'value': return toValue(c);
    default: throw new Error(`no content decoding for ${spec.t}`);
  }
}

/** An unsigned integer as serde's primitive visitors take one. */
export function uint(spec, c) {
  if (c.c === 'u64') {
    if (c.v > spec.max) throw invalidValue(c, spec.name);
    return c.v;
  }
  if (c.c === 'i64') throw invalidValue(c, spec.name);
  throw invalidType(c, spec.name);
}

function struct(spec, c) {
  if (c.c === 'map') return structFromEntries(spec, c.v);
  if (c.c !== 'seq') throw invalidType(c, `struct ${spec.name}`);
  const out = {};
  const n = spec.fields.length;
  spec.fields.forEach((f, i) => {
    if (i < c.v.length) out[f.prop] = fromContent(f.spec, c.v[i]);
    else if (typeof f.missing === 'function') out[f.prop] = f.missing();
    else throw invalidLength(i, `struct ${spec.name} with ${n} element${n === 1 ? '' : 's'}`);
  });
  if (c.v.length > n) throw invalidLength(c.v.length, `${n} element${n === 1 ? '' : 's'} in sequence`);
  return out;
}

/** A struct from key/value content pairs: known keys once each, others ignored. */
export function structFromEntries(spec, entries, head = {}) {
  const values = new Array(spec.fields.length);
  const found = new Array(spec.fields.length).fill(false);
  for (const [k, v] of entries) {
    const f = k.c === 'str' ? spec.byKey.get(k.v) : undefined;
    if (!f) continue;
    if (found[f.position]) throw duplicateField(f.key);
    found[f.position] = true;
    values[f.position] = fromContent(f.spec, v);
  }
  return assemble(spec, values, found, head);
}

/** A unit-variant enum: its name, or a map of its name to null. */
function unitEnum(spec, c) {
  let name;
  let payload = null;
  if (c.c === 'map') {
    if (c.v.length !== 1) throw invalidValue(c, 'map with a single key');
    [[name, payload]] = c.v;
  } else if (c.c === 'str') {
    name = c;
  } else {
    throw invalidType(c, 'string or map');
  }
  const variant = variantName(spec.variants, name);
  if (payload !== null && payload.c !== 'unit') throw invalidType(payload, 'unit');
  return variant;
}

/** Which of `names` content `c` names (a name, or a variant index). */
export function variantName(names, c) {
  if (c.c === 'str') {
    if (!names.includes(c.v)) throw unknownVariant(c.v, names);
    return c.v;
  }
  if (c.c === 'u64') {
    if (c.v >= BigInt(names.length)) throw invalidValue(c, `variant index 0 <= i < ${names.length}`);
    return names[Number(c.v)];
  }
  throw invalidType(c, 'variant identifier');
}

/**
 * Decodes the keys a flattened internally tagged enum gathered: the tag
 * names the variant, the other keys are its fields.
 */
export function taggedFromEntries(spec, entries) {
  let tag;
  const rest = [];
  for (const [k, v] of entries) {
    if (k.c === 'str' && k.v === spec.tag) {
      if (tag !== undefined) throw duplicateField(spec.tag);
      tag = variantName(spec.names, v);
    } else {
      rest.push([k, v]);
    }
  }
  if (tag === undefined) throw missingField(spec.tag);
  const fields = spec.variants.get(tag);
  return fields ? structFromEntries(fields, rest, { tag }) : { tag };
}

/**
 * Content as a `serde_json::Value`: the same, except that an object keeps
 * the last value of a repeated key.
 */
export function toValue(c) {
  if (c.c === 'seq') return { c: 'seq', v: c.v.map(toValue) };
  if (c.c === 'map') return { c: 'obj', v: new Map(c.v.map(([k, v]) => [k.v, toValue(v)])) };
  return c;
}
