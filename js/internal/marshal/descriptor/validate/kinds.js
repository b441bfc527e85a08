// What the checks ask of a type's kind, and the bounds they share (the
// helpers of marshal/src/descriptor/validate/mod.rs).
import { at, checkedAdd, isMultipleOf } from '../u64.js';
import { Problem, expect } from './problem.js';

/** Upper bound on every size and offset, so that sums of two never overflow. */
export const MAX_EXTENT = 1n << 32n;

/** A child type of type `parent`: in range, and not the parent itself. */
export function nested(d, parent, child) {
  if (child === parent) throw new Problem('type contains itself');
  const t = at(d.types, child);
  if (t === undefined) throw new Problem(`refers to missing type #${child}`);
  return t;
}

const IN_MEMORY = new Set(['bool', 'void', 'int', 'float', 'enum', 'error_set', 'array', 'struct',
  'function_pointer', 'allocator']);

/** Kinds whose values JS reads and writes where they lie in memory. */
export function inMemory(kind) {
  if (kind.tag === 'optional' || kind.tag === 'error_union') return kind.memory;
  return IN_MEMORY.has(kind.tag);
}

/** Whether `kind` is a pointer JS can follow where it lies in memory. */
export function followable(d, kind) {
  if (kind.tag === 'slice') return true;
  if (kind.tag === 'pointer') return at(d.types, kind.child) !== undefined;
  return false;
}

const COMPTIME_ONLY = new Set(['comptime_int', 'comptime_float', 'null', 'undefined', 'enum_literal', 'type',
  'function', 'comptime_optional', 'comptime_error_union', 'comptime_array', 'comptime_pointer',
  'comptime_struct', 'comptime_union']);

/** Kinds whose values exist only while compiling: JS reads them from JSON. */
export const comptimeOnly = (kind) => COMPTIME_ONLY.has(kind.tag);

/** Checks that bytes `start..end` lie inside `outer`, `start` a multiple of `align`. */
export function inside(outer, start, end, align) {
  if (start > MAX_EXTENT || end > outer.size || start > end) {
    throw new Problem(`bytes ${start}..${end} lie outside its ${outer.size} bytes`);
  }
  expect(isMultipleOf(start, align), 'member is misaligned');
}

/** The end of `start..start + len`, refused when it would not fit a u64 (Rust's `span`). */
export function span(start, len) {
  const end = checkedAdd(start, len);
  if (end === null) throw new Problem(`bytes from ${start} lie outside any type`);
  return end;
}

export const isIntegerText = (s) => /^-?[0-9]+$/.test(s);
