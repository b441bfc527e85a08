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

const NOT_EXPORTED = 'the declaration is not exported';
const FUNCTION_NOT_EXPORTED = 'the function is not exported';
const UNTAGGED_POINTERS = 'zigport refuses an untagged union holding pointers: "nothing records which field is active"';
const notSupported = (what) => `"${what} is not supported yet"`;

// What a comptime field of these types holds is not readable while compiling
// (an address).
const comptimePointerField = { 'comptime field': 'reads null: what the pointer points at is not readable while compiling' };

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

/** The same reason for each of `positions`. */
function each(positions, reason) {
  return Object.fromEntries(positions.map((p) => [p, reason]));
}

const VARIABLES = ['pub var (read)', 'pub var (write)', 'pub var (live)'];

/** Gaps of a pointer type `T` that zigport barely handles: only returns and parameters work. */
function unsupportedPointer(T) {
  return {
    'pub const': NOT_EXPORTED,
    ...each(VARIABLES, notSupported(T)),
    'array element': notSupported(`[2]${T}`),
    'struct field': notSupported('Holder'),
    'packed struct field': notSupported('PackedHolder'),
    'bare union field': UNTAGGED_POINTERS,
    'tagged union field': notSupported('TaggedHolder'),
    'optional payload': notSupported(`?${T}`),
    'error-union payload': notSupported(`anyerror!${T}`),
    'vector element': notSupported(`@Vector(2, ${T})`),
  };
}

/** Gaps of a pointer type `T` that reads and writes but not in bare unions, error unions, vectors or packed structs. */
function pointerInContainers(T, { packable = true } = {}) {
  return {
    ...(packable ? packedField : {}),
    'bare union field': UNTAGGED_POINTERS,
    'error-union payload': notSupported(`anyerror!${T}`),
    ...(packable ? { 'vector element': notSupported(`@Vector(2, ${T})`) } : {}),
  };
}

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
  'error-union': {
    unloadable: {
      'error-union payload': "exporter compile error: layout.zig: \"expected type 'anyerror!error{Alpha,BetaGamma}!i32', found 'error{Alpha,BetaGamma}!i32'\"",
    },
  },
  'pointer-single': { todo: pointerInContainers('*i32') },
  'pointer-single-const': { todo: pointerInContainers('*const i32') },
  'pointer-slice': { todo: pointerInContainers('[]u8', { packable: false }) },
  'pointer-slice-const': { todo: pointerInContainers('[]const u8', { packable: false }) },
  'pointer-sentinel-slice': {
    unloadable: { 'comptime field': "exporter compile error: layout.zig: \"expected type '[:0]const u8', found '*const [3]u8'\"" },
    todo: {
      ...unsupportedPointer('[:0]const u8'),
      'parameter': FUNCTION_NOT_EXPORTED,
      'return value': FUNCTION_NOT_EXPORTED,
    },
  },
  'pointer-many': { todo: { ...comptimePointerField, ...unsupportedPointer('[*]i32') } },
  'pointer-many-sentinel': { todo: { ...comptimePointerField, ...unsupportedPointer('[*:0]const u8') } },
  'pointer-c': { todo: { ...comptimePointerField, ...unsupportedPointer('[*c]i32') } },
  'pointer-opaque': { todo: { ...comptimePointerField, ...unsupportedPointer('*Handle') } },
  'function-pointer': {
    todo: {
      ...packedField,
      'error-union payload': notSupported('anyerror!*const fn (i32) i32'),
      'vector element': notSupported('@Vector(2, *const fn (i32) i32)'),
    },
  },
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
