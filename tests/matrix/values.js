// How a matrix cell compares what JS reads with what the type table says it
// should read, and what JS writes for the type's second sample value.
import assert from 'node:assert/strict';

/**
 * The plain JS form of a value read from Zig: Zig objects (structs, arrays,
 * pointers…) give their `valueOf()`; primitives, errors and functions are
 * already plain.
 */
export function plain(value) {
  if (value === null || typeof value !== 'object' || value instanceof Error) return value;
  return value.valueOf();
}

/**
 * Checks that `read()` gives sample `which` ('a' or 'b') of `type`: through
 * the type's own `same` when it has one (values that are not compared by
 * their plain form, such as errors and function pointers), else by deep
 * equality of the plain form with `type.reads[which]`.
 */
export function expectValue(type, mod, read, which) {
  const expected = type.reads[which];
  if (type.same) return type.same(read, expected, mod);
  assert.deepEqual(plain(read()), expected);
}

/** What JS assigns or passes for the type's second sample value. */
export function writeValue(type, mod) {
  if (typeof type.write === 'function') return type.write(mod);
  return 'write' in type ? type.write : type.reads.b;
}
