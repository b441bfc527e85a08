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

// What a comptime field of these types holds is not readable while compiling
// (an address), or names no active field (a bare or extern union).
const comptimePointerField = { 'comptime field': 'reads null: what the pointer points at is not readable while compiling' };
const comptimeUnionField = { 'comptime field': 'the union\'s value names no active field ("is a union; give exactly one field")' };

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

// Zig 0.15 (the only version that packs pointers) writes a packed struct
// holding a pointer as zeros when a variable of it is initialized at
// compile time, as the matrix's is: its pointer reads null. A variable set
// at run time works (tests/structures/packed-fields.test.js).
const zeroedPackedPointer = { 'packed struct field': 'Zig 0.15 initializes the variable as zeros, so the pointer is 0' };

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

/**
 * Gaps of a pointer type `T` that reads and writes but not in bare unions,
 * error unions, vectors or (unless `packed`: it works there) packed structs.
 */
function pointerInContainers(T, { packable = true, packed = packable } = {}) {
  return {
    ...(packed ? packedField : {}),
    'bare union field': UNTAGGED_POINTERS,
    'error-union payload': notSupported(`anyerror!${T}`),
    ...(packable ? { 'vector element': notSupported(`@Vector(2, ${T})`) } : {}),
  };
}

// Comptime-only values held in a bare union or an error union are not
// exported (zigport cannot tell which field of a bare union is active, nor
// read an error union of comptime values yet); in the other containers they are.
const comptimeContainers = each(['bare union field', 'error-union payload'], NOT_EXPORTED);

export const GAPS = {
  'f80': { todo: spareTail('f80') },
  'void': {
    todo: {
      'optional payload': 'the generated module\'s `?void` variable reads null where a lone one reads undefined (not tracked down yet)',
    },
  },
  'array-void': { todo: { 'comptime field': 'reads its elements as null, which void refuses' } },
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
  'pointer-single': { todo: { ...comptimePointerField, ...pointerInContainers('*i32', { packed: false }), ...zeroedPackedPointer } },
  'pointer-single-const': {
    todo: { ...comptimePointerField, ...pointerInContainers('*const i32', { packed: false }), ...zeroedPackedPointer },
  },
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
  'pointer-many': { todo: { ...comptimePointerField, ...unsupportedPointer('[*]i32') } },
  'pointer-many-sentinel': { todo: { ...comptimePointerField, ...unsupportedPointer('[*:0]const u8') } },
  'pointer-c': { todo: { ...comptimePointerField, ...unsupportedPointer('[*c]i32') } },
  'pointer-opaque': { todo: { ...comptimePointerField, ...unsupportedPointer('*Handle') } },
  'function-pointer': {
    todo: {
      ...zeroedPackedPointer,
      'error-union payload': notSupported('anyerror!*const fn (i32) i32'),
      'vector element': notSupported('@Vector(2, *const fn (i32) i32)'),
    },
  },
  'vector': { todo: spareTail('@Vector(3, i32)') },
  'union': { todo: comptimeUnionField },
  'extern-union': { todo: comptimeUnionField },
  'type': { todo: comptimeContainers },
  'comptime-int': { todo: comptimeContainers },
  'comptime-float': { todo: comptimeContainers },
  'enum-literal': { todo: comptimeContainers },
  'null': { todo: comptimeContainers },
  'undefined': {
    todo: {
      ...comptimeContainers,
      'optional payload': 'reads null: an optional set to undefined cannot be told from null while compiling',
    },
  },
};
