// Cells of the matrix zigport does not support yet, per type id, with the
// error they give. Zig accepts every one of them, so each is a todo: remove
// an entry once zigport handles the cell and the test starts to check it.
//
// `unloadable` cells keep the whole module from loading (a compile error in
// zigport's exporter, or a descriptor the runtime refuses), so the module
// leaves them out; `todo` cells load but read or write wrongly. A reason is a
// string for both modes, or { native, wasm }.

const COMPTIME_FIELD = 'invalid descriptor: ComptimeHolder field f: a comptime field needs its value';
const comptimeField = { 'comptime field': COMPTIME_FIELD };

export const GAPS = {
  'u3': { unloadable: { 'vector element': "invalid descriptor: @Vector(2, u3): elements exceed the array's size" } },
  'u128': { unloadable: { 'packed struct field': 'invalid descriptor: PackedHolder field f: bits lie outside the struct' } },
  'usize': { todo: { 'packed struct field': 'reads a bigint (123456n) where usize reads a number' } },
  'f16': { todo: { 'packed struct field': 'PackedHolder is not supported yet' } },
  'f32': { todo: { 'packed struct field': 'PackedHolder is not supported yet' } },
  'f64': { todo: { 'packed struct field': 'PackedHolder is not supported yet' } },
  'f128': { todo: { 'packed struct field': 'PackedHolder is not supported yet' } },
  'f80': {
    unloadable: {
      'optional payload': 'the module "lays out an optional or error union differently than zigport expects"',
      'error-union payload': 'the module "lays out an optional or error union differently than zigport expects"',
    },
  },
  'void': { unloadable: comptimeField },
  'error-set': { unloadable: comptimeField },
  'anyerror': { unloadable: comptimeField },
  'error-union': {
    unloadable: {
      'error-union payload': "exporter compile error: layout.zig: expected type 'anyerror!error{Alpha,BetaGamma}!i32', found 'error{Alpha,BetaGamma}!i32'",
    },
  },
  'optional': { todo: { 'optional payload': '??i32 is not supported yet' } },
  'optional-optional': {
    todo: {
      'pub const': 'reads undefined',
      'pub var (read)': '??i32 is not supported yet',
      'pub var (write)': '??i32 is not supported yet',
      'pub var (live)': '??i32 is not supported yet',
      'array element': '[2]??i32 is not supported yet',
      'struct field': 'Holder is not supported yet',
      'bare union field': 'BareHolder is not supported yet',
      'tagged union field': 'TaggedHolder is not supported yet',
      'optional payload': '???i32 is not supported yet',
      'error-union payload': 'anyerror!??i32 is not supported yet',
    },
  },
  'pointer-single': { unloadable: comptimeField },
  'pointer-single-const': { unloadable: comptimeField },
  'pointer-slice': {
    unloadable: { 'comptime field': 'exporter compile error: json.zig: unable to resolve comptime value (a default pointing at a variable)' },
  },
  'pointer-slice-const': {
    todo: {
      'bare union field': 'untagged union BareHolder holds pointers, and nothing records which field is active (zigport refuses it)',
      'tagged union field': 'TaggedHolder is not supported yet',
      'error-union payload': 'anyerror![]const u8 is not supported yet',
    },
  },
  'pointer-sentinel-slice': {
    unloadable: { 'comptime field': "exporter compile error: layout.zig: expected type '[:0]const u8', found '*const [3]u8'" },
  },
  'pointer-many': { unloadable: comptimeField },
  'pointer-many-sentinel': { unloadable: comptimeField },
  'pointer-c': { unloadable: comptimeField },
  'pointer-opaque': { unloadable: comptimeField },
  'function-pointer': { unloadable: comptimeField },
  'vector': {
    unloadable: {
      'optional payload': 'the module "lays out an optional or error union differently than zigport expects"',
      'error-union payload': 'the module "lays out an optional or error union differently than zigport expects"',
    },
  },
  'vector-bool': { todo: { 'packed struct field': 'PackedHolder is not supported yet' } },
  'packed-struct': { todo: { 'packed struct field': 'PackedHolder is not supported yet' } },
  'tagged-union': { unloadable: comptimeField },
  'union': { unloadable: comptimeField },
  'extern-union': { unloadable: comptimeField },
  'comptime-float': {
    unloadable: { 'comptime field': 'exporter compile error: std/math/isfinite.zig: access of union field \'float\' while field \'comptime_float\' is active' },
  },
};
