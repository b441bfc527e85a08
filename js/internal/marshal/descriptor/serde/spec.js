// The shapes of the descriptor's parts, as data that both decoders (from
// JSON text, and from content gathered for a flattened field) follow, so
// that each part is declared once, in the order Rust declares its fields.

import { missingField } from './errors.js';

export const u32 = { t: 'uint', name: 'u32', max: (1n << 32n) - 1n };
export const u64 = { t: 'uint', name: 'u64', max: (1n << 64n) - 1n };
export const usize = { t: 'uint', name: 'usize', max: (1n << 64n) - 1n };
export const bool = { t: 'bool' };
export const string = { t: 'string' };
/** Any JSON value (`serde_json::Value`). */
export const value = { t: 'value' };

export const option = (inner) => ({ t: 'option', inner });
export const vec = (inner) => ({ t: 'vec', inner });

/** An enum of unit variants, written as its variant's name. */
export const unitEnum = (name, variants) => ({ t: 'enum', name, variants });

/**
 * A field: `key` in JSON, `prop` in the decoded object. `missing` says
 * what its absence means: 'required' (an error), 'none' (an `Option`
 * without a default: null in a map, an error in a sequence), or a function
 * giving the default (`#[serde(default)]`).
 */
export const field = (key, prop, spec, missing = 'required') => ({ key, prop, spec, missing });
export const byDefault = (value) => () => value;

/**
 * A struct named `name`. `flatten` names the prop of a flattened
 * internally tagged enum (see `taggedEnum`) that takes the other keys.
 */
export function struct(name, fields, flatten = null) {
  const byKey = new Map(fields.map((f, i) => [f.key, { ...f, position: i }]));
  return { t: 'struct', name, fields, byKey, flatten };
}

/**
 * An internally tagged enum: `tag` names the variant, whose fields are the
 * object's other keys. `variants` lists each as `[name, fields | null]`
 * (null for a unit variant).
 */
export function taggedEnum(name, tag, variants) {
  return {
    t: 'tagged',
    name,
    tag,
    names: variants.map(([n]) => n),
    variants: new Map(variants.map(([n, fields]) => [n, fields && struct(`variant ${name}::${pascal(n)}`, fields)])),
  };
}

const pascal = (snake) => snake.split('_').map((w) => w[0].toUpperCase() + w.slice(1)).join('');

/** The missing value of field `f` when a map lacks it, or undefined when it must be there. */
export function absent(f) {
  if (f.missing === 'none') return null;
  if (typeof f.missing === 'function') return f.missing();
  return undefined;
}

/**
 * The decoded object of struct `spec` from its fields' values by position
 * (`found[i]` false for a field the map lacked), in field order, after
 * `head` (so that objects of one struct share one shape).
 */
export function assemble(spec, values, found, head = {}) {
  const out = head;
  spec.fields.forEach((f, i) => {
    if (found[i]) {
      out[f.prop] = values[i];
      return;
    }
    const missing = absent(f);
    if (missing === undefined) throw missingField(f.key);
    out[f.prop] = missing;
  });
  return out;
}
