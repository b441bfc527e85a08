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

const notSupported = (what) => `"${what} is not supported yet"`;

// f80 and @Vector(3, i32) end before their size does, and Zig may keep a
// flag or tag in those spare bytes: zigport refuses such optionals, error
// unions and unions rather than guess where.
const spareTail = (T) => ({
  'bare union field': notSupported('BareHolder'),
  'tagged union field': notSupported('TaggedHolder'),
  'optional payload': notSupported(`?${T}`),
  'error-union payload': notSupported(`anyerror!${T}`),
});

const packedField = { 'packed struct field': notSupported('PackedHolder') };


/** Gaps of a pointer type that reads and writes everywhere but in packed structs. */
function pointerInContainers({ packable = true } = {}) {
  return packable ? packedField : {};
}

// An untagged union holding pointers is declined: nothing records which
// field is active, so JS could never tell whether a pointer is valid.
const untaggedPointers = { 'bare union field': /untagged union .* holds pointers, and nothing records which field is active/ };

// A bare union of comptime-only values is declined: while compiling, Zig
// does not say which of its fields is active, so nothing can be read.
const comptimeBareUnion = { 'bare union field': /Zig does not say which field of a bare union is active/ };

export const GAPS = {
  'u3': { unloadable: { 'vector element': "invalid descriptor: \"@Vector(2, u3): elements exceed the array's size\"" } },
  'u128': { unloadable: { 'packed struct field': 'invalid descriptor: "PackedHolder: field f: bits lie outside the struct"' } },
  'f16': { todo: packedField },
  'f32': { todo: packedField },
  'f64': { todo: packedField },
  'f80': { todo: { ...spareTail('f80'), ...packedField } },
  'f128': { todo: packedField },
  'void': { todo: packedField },
  'pointer-single': { declined: untaggedPointers, todo: pointerInContainers() },
  'pointer-single-const': { declined: untaggedPointers, todo: pointerInContainers() },
  'pointer-slice': { declined: untaggedPointers, todo: pointerInContainers({ packable: false }) },
  'pointer-slice-const': { declined: untaggedPointers, todo: pointerInContainers({ packable: false }) },
  'pointer-sentinel-slice': { declined: untaggedPointers, todo: pointerInContainers({ packable: false }) },
  'pointer-many': { declined: untaggedPointers, todo: pointerInContainers() },
  'pointer-many-sentinel': { declined: untaggedPointers, todo: pointerInContainers() },
  'pointer-c': { declined: untaggedPointers, todo: pointerInContainers() },
  'pointer-opaque': { declined: untaggedPointers, todo: pointerInContainers() },
  'function-pointer': { todo: packedField },
  'vector': { todo: { ...spareTail('@Vector(3, i32)'), ...packedField } },
  'vector-bool': { todo: packedField },
  'packed-struct': { todo: packedField },
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
