// Cells of the matrix zigport does not support yet, per type id, with the
// error they give. Zig accepts every one of them, so each is a todo: remove
// an entry once zigport handles the cell and the test starts to check it.
//
// `unloadable` cells keep the whole module from loading (a compile error in
// zigport's exporter, or a descriptor or layout check the runtime fails), so
// the module leaves them out and the test does not run; `todo` cells load
// but are missing or read or write wrongly. A reason is a string for both
// modes, or { native, wasm }.

const NOT_EXPORTED = 'the declaration is not exported';
const FUNCTION_NOT_EXPORTED = 'the function is not exported';
const UNTAGGED_POINTERS = 'zigport refuses an untagged union holding pointers: "nothing records which field is active"';
const notSupported = (what) => `"${what} is not supported yet"`;

const COMPTIME_FIELD = 'invalid descriptor: "ComptimeHolder: field f: a comptime field needs its value"';
const comptimeField = { 'comptime field': COMPTIME_FIELD };

// A module holding any one of these cells for f80 or a vector "lays out an
// optional or error union differently than zigport expects".
const LAYOUT = 'the module "lays out an optional or error union differently than zigport expects"';
const layoutBreakers = {
  'bare union field': LAYOUT,
  'tagged union field': LAYOUT,
  'optional payload': LAYOUT,
  'error-union payload': LAYOUT,
};

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

/** Gaps of a pointer type `T` that reads and writes but not in unions, error unions, vectors or packed structs. */
function pointerInContainers(T, { packable = true } = {}) {
  return {
    ...(packable ? packedField : {}),
    'bare union field': UNTAGGED_POINTERS,
    'tagged union field': notSupported('TaggedHolder'),
    'error-union payload': notSupported(`anyerror!${T}`),
    ...(packable ? { 'vector element': notSupported(`@Vector(2, ${T})`) } : {}),
  };
}

// Comptime-only values held in a container (array, struct, union, optional,
// error union) are not exported; the plain `pub const` and comptime field are.
const comptimeContainers = each(
  ['array element', 'struct field', 'bare union field', 'tagged union field', 'optional payload', 'error-union payload'],
  NOT_EXPORTED,
);

export const GAPS = {
  'u3': { unloadable: { 'vector element': "invalid descriptor: \"@Vector(2, u3): elements exceed the array's size\"" } },
  'u128': { unloadable: { 'packed struct field': 'invalid descriptor: "PackedHolder: field f: bits lie outside the struct"' } },
  'usize': { todo: { 'packed struct field': { native: 'reads a bigint (123456n) where usize reads a number' } } },
  'f16': { todo: packedField },
  'f32': { todo: packedField },
  'f64': { todo: packedField },
  'f80': { unloadable: layoutBreakers, todo: packedField },
  'f128': { todo: packedField },
  'void': {
    unloadable: comptimeField,
    todo: {
      'pub const': NOT_EXPORTED,
      ...each(VARIABLES, notSupported('void')),
      'array element': notSupported('[2]void'),
      'struct field': notSupported('Holder'),
      ...packedField,
      'optional payload': notSupported('?void'),
    },
  },
  'error-set': { unloadable: comptimeField },
  'anyerror': { unloadable: comptimeField },
  'error-union': {
    unloadable: {
      'error-union payload': "exporter compile error: layout.zig: \"expected type 'anyerror!error{Alpha,BetaGamma}!i32', found 'error{Alpha,BetaGamma}!i32'\"",
    },
  },
  'optional': { todo: { 'optional payload': notSupported('??i32') } },
  'optional-optional': {
    todo: {
      'pub const': NOT_EXPORTED,
      ...each(VARIABLES, notSupported('??i32')),
      'array element': notSupported('[2]??i32'),
      'struct field': notSupported('Holder'),
      'bare union field': notSupported('BareHolder'),
      'tagged union field': notSupported('TaggedHolder'),
      'optional payload': notSupported('???i32'),
      'error-union payload': notSupported('anyerror!??i32'),
    },
  },
  'pointer-single': { unloadable: comptimeField, todo: pointerInContainers('*i32') },
  'pointer-single-const': { unloadable: comptimeField, todo: pointerInContainers('*const i32') },
  'pointer-slice': {
    unloadable: { 'comptime field': 'exporter compile error: json.zig: "unable to resolve comptime value" (the field\'s value points at a variable)' },
    todo: pointerInContainers('[]u8', { packable: false }),
  },
  'pointer-slice-const': { todo: pointerInContainers('[]const u8', { packable: false }) },
  'pointer-sentinel-slice': {
    unloadable: { 'comptime field': "exporter compile error: layout.zig: \"expected type '[:0]const u8', found '*const [3]u8'\"" },
    todo: {
      ...unsupportedPointer('[:0]const u8'),
      'parameter': FUNCTION_NOT_EXPORTED,
      'return value': FUNCTION_NOT_EXPORTED,
    },
  },
  'pointer-many': { unloadable: comptimeField, todo: unsupportedPointer('[*]i32') },
  'pointer-many-sentinel': { unloadable: comptimeField, todo: unsupportedPointer('[*:0]const u8') },
  'pointer-c': { unloadable: comptimeField, todo: unsupportedPointer('[*c]i32') },
  'pointer-opaque': { unloadable: comptimeField, todo: unsupportedPointer('*Handle') },
  'function-pointer': {
    unloadable: comptimeField,
    todo: {
      ...packedField,
      'error-union payload': notSupported('anyerror!*const fn (i32) i32'),
      'vector element': notSupported('@Vector(2, *const fn (i32) i32)'),
    },
  },
  'array-void': {
    unloadable: { 'comptime field': 'invalid descriptor: "[2]void: array elements must be values in memory or pointers to them"' },
    todo: {
      'pub const': NOT_EXPORTED,
      ...each(VARIABLES, notSupported('[2]void')),
      'parameter': FUNCTION_NOT_EXPORTED,
      'return value': FUNCTION_NOT_EXPORTED,
      'array element': notSupported('[2][2]void'),
      'struct field': notSupported('Holder'),
      'bare union field': notSupported('BareHolder'),
      'tagged union field': notSupported('TaggedHolder'),
      'optional payload': notSupported('?[2]void'),
      'error-union payload': notSupported('anyerror![2]void'),
    },
  },
  'vector': { unloadable: layoutBreakers, todo: packedField },
  'vector-bool': { todo: packedField },
  'packed-struct': { todo: packedField },
  'tagged-union': { unloadable: comptimeField },
  'union': { unloadable: comptimeField },
  'extern-union': { unloadable: comptimeField },
  'type': { todo: comptimeContainers },
  'comptime-int': { todo: comptimeContainers },
  'comptime-float': {
    unloadable: { 'comptime field': "exporter compile error: std/math/isfinite.zig: \"access of union field 'float' while field 'comptime_float' is active\"" },
    todo: comptimeContainers,
  },
  'enum-literal': { todo: comptimeContainers },
  'null': { todo: comptimeContainers },
  'undefined': { todo: comptimeContainers },
};
