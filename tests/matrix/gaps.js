// Cells of the matrix zigport does not support yet, per type id, with the
// error they give. Zig accepts every one of them, so each is a todo: remove
// an entry once zigport handles the cell and the test starts to check it.
//
// `declined` cells are refused by zigport by design, with a reason (a
// pattern here) JS gets when it touches the declaration; the test checks it.
// `unloadable` cells keep the whole module from loading (a compile error in
// zigport's exporter, or a descriptor or layout check the runtime fails), so
// the module leaves them out and the test does not run; `todo` cells load
// but are missing or read or write wrongly. A reason is a string for both
// modes, or { native, wasm }.

// An untagged union holding pointers is declined: nothing records which
// field is active, so JS could never tell whether a pointer is valid.
const untaggedPointers = { 'bare union field': /untagged union .* holds pointers, and nothing records which field is active/ };

// A bare union of comptime-only values is declined: while compiling, Zig
// does not say which of its fields is active, so nothing can be read.
const comptimeBareUnion = { 'bare union field': /Zig does not say which field of a bare union is active/ };

/** A pointer type: declined in a bare union. */
function pointerGaps() {
  return { declined: untaggedPointers };
}

export const GAPS = {
  'pointer-single': pointerGaps(),
  'pointer-single-const': pointerGaps(),
  'pointer-slice': pointerGaps(),
  'pointer-slice-const': pointerGaps(),
  'pointer-sentinel-slice': pointerGaps(),
  'pointer-many': pointerGaps(),
  'pointer-many-sentinel': pointerGaps(),
  'pointer-c': pointerGaps(),
  'pointer-opaque': pointerGaps(),
  'type': { declined: comptimeBareUnion },
  'comptime-int': { declined: comptimeBareUnion },
  'comptime-float': { declined: comptimeBareUnion },
  'enum-literal': { declined: comptimeBareUnion },
  'null': { declined: comptimeBareUnion },
  'undefined': {
    declined: comptimeBareUnion,
    todo: {
      'optional payload': 'reads null: an optional set to undefined cannot be told from null while compiling',
    },
  },
};
