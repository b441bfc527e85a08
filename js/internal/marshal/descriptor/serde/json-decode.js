// Decoding the descriptor's JSON text by spec (see spec.js), in the order,
// and with the errors and positions, of serde's derived deserializers over
// serde_json.
import { Code, invalidLength, invalidType, duplicateField } from './errors.js';
import { JsonReader } from './json-reader.js';
import { taggedFromEntries, toValue, uint, variantName } from './content-decode.js';
import { assemble } from './spec.js';

/** Decodes `text` as one value of `spec`, with nothing but whitespace after it. */
export function decodeJson(spec, text) {
  const reader = new JsonReader(text);
  const value = read(reader, spec);
  reader.end();
  return value;
}

function read(r, spec) {
  if (spec.t === 'option') {
    if (r.skipSpace() !== 0x6e) return read(r, spec.inner);
    r.eat();
    r.ident('ull');
    return null;
  }
  if (spec.t === 'value') return toValue(r.any());
  if (spec.t === 'enum') return unitEnum(r, spec);
  const b = r.skipSpace();
  if (b === -1) throw r.peekError(Code.EofValue);
  try {
    return readAt(r, spec, b);
  } catch (err) {
    throw r.fix(err);
  }
}

function readAt(r, spec, b) {
  switch (spec.t) {
    case 'uint':
      if (b === 0x2d || (b >= 0x30 && b <= 0x39)) {
        if (b === 0x2d) r.eat();
        return uint(spec, r.number(b !== 0x2d));
      }
      throw invalidAhead(r, spec.name);
    case 'bool':
      if (b !== 0x74 && b !== 0x66) throw invalidAhead(r, 'a boolean');
      r.eat();
      r.ident(b === 0x74 ? 'rue' : 'alse');
      return b === 0x74;
    case 'string':
      if (b !== 0x22) throw invalidAhead(r, 'a string');
      r.eat();
      return r.string();
    case 'vec':
      if (b !== 0x5b) throw invalidAhead(r, 'a sequence');
      return r.container(() => r.elements(() => read(r, spec.inner)), () => r.endSeq());
    case 'struct':
      if (b === 0x7b) return r.container(() => structFromMap(r, spec), () => r.endMap());
      if (b === 0x5b && !spec.flatten) return r.container(() => structFromSeq(r, spec), () => r.endSeq());
      throw invalidAhead(r, `struct ${spec.name}`);
    default:
      throw new Error(`no JSON decoding for ${spec.t}`);
  }
}

/**
 * The error for a value of the wrong type ahead: reads a scalar to name
 * it, leaves an array or object unread (serde_json's `peek_invalid_type`).
 */
function invalidAhead(r, expected) {
  const b = r.peek();
  if (b === 0x5b) return invalidType({ c: 'seq' }, expected);
  if (b === 0x7b) return invalidType({ c: 'map' }, expected);
  if (b === -1 || !'ntf-"0123456789'.includes(String.fromCharCode(b))) return r.peekError(Code.ExpectedValue);
  return invalidType(r.anyAt(b), expected);
}

function structFromMap(r, spec) {
  const values = new Array(spec.fields.length);
  const found = new Array(spec.fields.length).fill(false);
  const gathered = [];
  for (let first = true, key = r.key(true); key !== null; first = false, key = r.key(first)) {
    const f = spec.byKey.get(key);
    if (f && found[f.position]) throw duplicateField(key);
    r.colon();
    if (f) {
      found[f.position] = true;
      values[f.position] = read(r, f.spec);
    } else if (spec.flatten) {
      gathered.push([{ c: 'str', v: key }, r.any()]);
    } else {
      r.skip();
    }
  }
  const out = assemble(spec, values, found);
  if (spec.flatten) out[spec.flatten.prop] = taggedFromEntries(spec.flatten.spec, gathered);
  return out;
}

/** A struct written as an array of its fields in order (which serde accepts). */
function structFromSeq(r, spec) {
  const out = {};
  const n = spec.fields.length;
  let first = true;
  spec.fields.forEach((f, i) => {
    if (r.hasElement(first)) {
      first = false;
      out[f.prop] = read(r, f.spec);
    } else if (typeof f.missing === 'function') {
      out[f.prop] = f.missing();
    } else {
      throw invalidLength(i, `struct ${spec.name} with ${n} element${n === 1 ? '' : 's'}`);
    }
  });
  return out;
}

/** An enum of unit variants: `"name"` or `{"name": null}`. */
function unitEnum(r, spec) {
  const b = r.skipSpace();
  if (b === 0x22) {
    r.eat();
    const name = r.string();
    try {
      return variantName(spec.variants, { c: 'str', v: name });
    } catch (err) {
      throw r.fix(err);
    }
  }
  if (b !== 0x7b) throw r.peekError(b === -1 ? Code.EofValue : Code.ExpectedValue);
  const variant = r.nested(() => {
    const k = r.skipSpace();
    if (k === 0x7d) throw r.peekError(Code.ExpectedValue);
    if (k === -1) throw r.peekError(Code.EofObject);
    if (k !== 0x22) throw r.peekError(Code.KeyMustBeAString);
    r.eat();
    const name = r.string();
    let found;
    try {
      found = variantName(spec.variants, { c: 'str', v: name });
    } catch (err) {
      throw r.fix(err);
    }
    r.colon();
    unit(r);
    return found;
  });
  const end = r.skipSpace();
  if (end === 0x7d) {
    r.eat();
    return variant;
  }
  throw r.error(end === -1 ? Code.EofObject : Code.ExpectedValue);
}

function unit(r) {
  const b = r.skipSpace();
  if (b === -1) throw r.peekError(Code.EofValue);
  if (b === 0x6e) {
    r.eat();
    r.ident('ull');
    return;
  }
  throw r.fix(invalidAhead(r, 'unit'));
}
