// The types of the type × position matrix: the one table the generated Zig
// modules and the tests are made from.
//
// Each type gives its Zig spelling (`T`), two sample values as Zig source
// (`A`, `B`, different from each other), Zig declarations the samples need
// (`decls`), what JS reads for each sample in plain form (`reads`, see
// values.js), and what JS writes for B when that is not `reads.b` (`write`, a
// value or a function of the module). `same(read, expected, mod)` replaces
// the plain comparison for values that have no plain form to compare.
//
// `refused` lists the positions Zig rejects for the type, with the text of
// Zig's error: the generator leaves them out, and refusals.test.js checks
// that one cell of each kind does fail at compile time. Cells zigport does
// not support yet are listed apart, in gaps.js.
import assert from 'node:assert/strict';
import { zigIsAtLeast } from '../helpers/fixtures.js';

// Zig's own words for the positions it refuses (the start of its error).
const NOT_PACKABLE = 'packed structs cannot contain fields of type';
const NOT_VECTORABLE = 'expected integer, float, bool, or pointer for the vector element type';
const NOT_A_VARIABLE = 'must be const or comptime';
const ERROR_SET_PAYLOAD = 'error union with payload of error set type';

const notPackable = { 'packed struct field': NOT_PACKABLE };
const notVectorable = { 'vector element': NOT_VECTORABLE };
const scalarOnly = { ...notPackable, ...notVectorable };
// Zig 0.16 stopped packing pointers and vectors ("does not have a
// bit-packed representation"); 0.15 packs them.
const packedUntil016 = zigIsAtLeast('0.16.0') ? notPackable : {};

/** What an error set and `anyerror` hold in the matrix, and how JS reads and writes it. */
const ERROR_SAMPLES = {
  decls: 'pub const Failure = error{ Alpha, BetaGamma };',
  A: 'error.Alpha',
  B: 'error.BetaGamma',
  reads: { a: 'Alpha', b: 'Beta gamma' },
  refused: { ...scalarOnly, 'error-union payload': ERROR_SET_PAYLOAD },
  write: (mod) => mod.Failure.BetaGamma,
  same: sameError,
};

/** Compares errors by message: Zig errors are one object per name, read anywhere. */
function sameError(read, expected) {
  const value = read();
  assert.ok(value instanceof Error, `expected an error, read ${value}`);
  assert.equal(value.message, expected);
}

// --- integers ---------------------------------------------------------------

const integers = [
  { T: 'u3', A: '5', B: '2', reads: { a: 5, b: 2 } },
  { T: 'i7', A: '-60', B: '33', reads: { a: -60, b: 33 } },
  { T: 'u8', A: '200', B: '7', reads: { a: 200, b: 7 } },
  { T: 'i16', A: '-30000', B: '1234', reads: { a: -30000, b: 1234 } },
  { T: 'u32', A: '4000000000', B: '17', reads: { a: 4000000000, b: 17 } },
  { T: 'i64', A: '-(1 << 40)', B: '(1 << 62)', reads: { a: -(2n ** 40n), b: 2n ** 62n } },
  { T: 'u128', A: '(1 << 100)', B: '3', reads: { a: 2n ** 100n, b: 3n } },
  { T: 'usize', A: '123456', B: '42', reads: { a: 123456, b: 42 } },
];

// --- floats -----------------------------------------------------------------

const floats = ['f16', 'f32', 'f64', 'f80', 'f128'].map((T) => ({
  T, A: '1.5', B: '-0.25', reads: { a: 1.5, b: -0.25 },
}));

// --- bool, void, enums, errors ------------------------------------------------

const simple = [
  { T: 'bool', A: 'true', B: 'false', reads: { a: true, b: false } },
  { T: 'void', A: '{}', B: '{}', reads: { a: undefined, b: undefined }, refused: notVectorable },
  {
    id: 'enum',
    T: 'Color',
    decls: 'pub const Color = enum { red, green, blue };',
    A: '.green',
    refused: scalarOnly,
    B: '.blue',
    reads: { a: 'green', b: 'blue' },
  },
  { id: 'error-set', T: 'Failure', ...ERROR_SAMPLES },
  { T: 'anyerror', ...ERROR_SAMPLES },
  {
    id: 'error-union',
    T: 'Failure!i32',
    decls: 'pub const Failure = error{ Alpha, BetaGamma };',
    A: '-5',
    B: 'error.BetaGamma',
    reads: { a: -5, b: 'Beta gamma' },
    refused: scalarOnly,
    write: (mod) => mod.Failure.BetaGamma,
    // A stored error is thrown by the read, as Zigar does.
    same: (read, expected) => {
      if (typeof expected === 'number') return assert.equal(read(), expected);
      assert.throws(read, (err) => err.message === expected);
    },
  },
];

// --- optionals ----------------------------------------------------------------

const optionals = [
  { id: 'optional', T: '?i32', A: '7', B: 'null', reads: { a: 7, b: null }, refused: scalarOnly },
  { id: 'optional-optional', T: '??i32', A: '7', B: 'null', reads: { a: 7, b: null }, refused: scalarOnly },
];

// --- pointers -----------------------------------------------------------------
// Pointers in Zig memory may only point at Zig memory, so JS writes the
// pointer a Zig function returns for B (the `return value` position's
// `giveB`) rather than a plain value.

const fromZig = (mod) => mod.giveB();

function pointer(id, T, decls, A, B, reads, refused = {}) {
  return { id, T, decls, A, B, reads, write: fromZig, refused };
}

const pointers = [
  // zigport reads a single-item pointer as a one-element array of its target
  // (Zigar reads the target itself); the matrix checks the target is right.
  pointer('pointer-single', '*i32', 'var target_a: i32 = 11;\nvar target_b: i32 = 22;', '&target_a', '&target_b', { a: [11], b: [22] }, packedUntil016),
  pointer('pointer-single-const', '*const i32', 'var target_a: i32 = 11;\nvar target_b: i32 = 22;', '&target_a', '&target_b', { a: [11], b: [22] }, packedUntil016),
  pointer('pointer-slice', '[]u8', 'var target_a = [_]u8{ 1, 2, 3 };\nvar target_b = [_]u8{ 4, 5 };', '&target_a', '&target_b', { a: [1, 2, 3], b: [4, 5] }, scalarOnly),
  pointer('pointer-slice-const', '[]const u8', '', '"abc"', '"de"', { a: [97, 98, 99], b: [100, 101] }, scalarOnly),
  pointer('pointer-sentinel-slice', '[:0]const u8', '', '"abc"', '"de"', { a: [97, 98, 99], b: [100, 101] }, scalarOnly),
  pointer('pointer-many', '[*]i32', 'var target_a = [_]i32{ 11, 12 };\nvar target_b = [_]i32{ 22, 23 };', '&target_a', '&target_b', { a: [11], b: [22] }, packedUntil016),
  pointer('pointer-many-sentinel', '[*:0]const u8', '', '"abc"', '"de"', { a: [97, 98, 99], b: [100, 101] }, packedUntil016),
  pointer('pointer-c', '[*c]i32', 'var target_a: i32 = 11;\nvar target_b: i32 = 22;', '&target_a', '&target_b', { a: [11], b: [22] }, packedUntil016),
  {
    id: 'pointer-opaque',
    T: '*Handle',
    decls: 'pub const Handle = opaque {};\nvar target_a: u32 = 11;\nvar target_b: u32 = 22;\n'
      + '// What the handle points at, so that JS can tell handles apart.\n'
      + 'pub fn handleValue(h: *Handle) u32 {\n    return @as(*u32, @ptrCast(@alignCast(h))).*;\n}',
    A: '@ptrCast(&target_a)',
    B: '@ptrCast(&target_b)',
    reads: { a: 11, b: 22 },
    refused: packedUntil016,
    write: fromZig,
    same: (read, expected, mod) => assert.equal(mod.handleValue(read()), expected),
  },
  {
    id: 'function-pointer',
    T: '*const fn (i32) i32',
    decls: 'fn double(x: i32) i32 {\n    return x * 2;\n}\nfn triple(x: i32) i32 {\n    return x * 3;\n}',
    A: '&double',
    B: '&triple',
    reads: { a: 10, b: 15 },
    refused: packedUntil016,
    write: fromZig,
    // A function pointer reads as a JS function: call it to tell which.
    same: (read, expected) => {
      const fn = read();
      assert.equal(typeof fn, 'function');
      assert.equal(fn(5), expected);
    },
  },
];

// --- arrays, vectors ------------------------------------------------------------

const aggregates = [
  { id: 'array', T: '[3]i32', A: '.{ 1, 2, 3 }', B: '.{ 4, 5, 6 }', reads: { a: [1, 2, 3], b: [4, 5, 6] }, refused: scalarOnly },
  {
    id: 'array-void',
    T: '[2]void',
    A: '.{ {}, {} }',
    B: '.{ {}, {} }',
    reads: { a: [undefined, undefined], b: [undefined, undefined] },
    refused: scalarOnly,
  },
  { id: 'array-sentinel', T: '[2:0]u8', A: '.{ 1, 2 }', B: '.{ 3, 4 }', reads: { a: [1, 2], b: [3, 4] }, refused: scalarOnly },
  { id: 'vector', T: '@Vector(3, i32)', A: '.{ 1, 2, 3 }', B: '.{ 4, 5, 6 }', reads: { a: [1, 2, 3], b: [4, 5, 6] }, refused: { ...notVectorable, ...packedUntil016 } },
  {
    id: 'vector-bool',
    T: '@Vector(4, bool)',
    A: '.{ true, false, true, false }',
    B: '.{ false, false, true, true }',
    reads: { a: [true, false, true, false], b: [false, false, true, true] },
    refused: { ...notVectorable, ...packedUntil016 },
  },
];

// --- structs, unions ------------------------------------------------------------

const containers = [
  ...[['struct', 'PlainPair'], ['extern struct', 'ExternPair']].map(([kind, T]) => ({
    id: kind.replace(' ', '-'),
    T,
    decls: `pub const ${T} = ${kind} { x: i32, y: bool };`,
    A: '.{ .x = 1, .y = true }',
    B: '.{ .x = -2, .y = false }',
    reads: { a: { x: 1, y: true }, b: { x: -2, y: false } },
    refused: scalarOnly,
  })),
  {
    id: 'packed-struct',
    T: 'PackedPair',
    decls: 'pub const PackedPair = packed struct { x: u4, y: bool };',
    A: '.{ .x = 1, .y = true }',
    B: '.{ .x = 9, .y = false }',
    reads: { a: { x: 1, y: true }, b: { x: 9, y: false } },
    refused: notVectorable,
  },
  { id: 'tuple', T: 'struct { i32, bool }', A: '.{ 1, true }', B: '.{ -2, false }', reads: { a: [1, true], b: [-2, false] }, refused: scalarOnly },
  {
    id: 'tagged-union',
    T: 'Choice',
    decls: 'pub const Choice = union(enum) { n: i32, b: bool };',
    A: '.{ .n = 5 }',
    B: '.{ .b = true }',
    reads: { a: { n: 5 }, b: { b: true } },
    refused: scalarOnly,
  },
  // Untagged unions list every field in valueOf(), and reading an inactive one
  // is an error in safe builds: both samples use `n`, and the check reads it.
  ...[['union', 'BareOverlay'], ['extern union', 'ExternOverlay']].map(([kind, T]) => ({
    id: kind.replace(' ', '-'),
    T,
    decls: `pub const ${T} = ${kind} { n: i32, f: f32 };`,
    A: '.{ .n = 5 }',
    B: '.{ .n = -7 }',
    reads: { a: 5, b: -7 },
    write: { n: -7 },
    refused: scalarOnly,
    same: (read, expected) => assert.equal(read().n, expected),
  })),
];

// --- comptime-only ------------------------------------------------------------
// Zig has no runtime variable of these types; functions taking or returning
// them are generic, which Zigar leaves out of the exports. Containers of them
// are comptime-only too, so those positions are `pub const`.

const comptimeRefusals = {
  'pub var (read)': NOT_A_VARIABLE,
  'pub var (write)': NOT_A_VARIABLE,
  'pub var (live)': NOT_A_VARIABLE,
  ...scalarOnly,
};

const comptimeOnly = [
  { T: 'type', A: 'u8', B: 'i32', reads: { a: 'u8', b: 'i32' }, same: (read, expected) => assert.equal(read().name, expected) },
  { T: 'comptime_int', A: '42', B: '(1 << 40)', reads: { a: 42, b: 2n ** 40n } },
  { T: 'comptime_float', A: '1.5', B: '-0.25', reads: { a: 1.5, b: -0.25 } },
  { id: 'enum-literal', T: '@TypeOf(.foo)', A: '.foo', B: '.bar', reads: { a: 'foo', b: 'bar' } },
  { id: 'null', T: '@TypeOf(null)', A: 'null', B: 'null', reads: { a: null, b: null }, refused: { ...comptimeRefusals, 'optional payload': 'cannot be optional' } },
  { id: 'undefined', T: '@TypeOf(undefined)', A: 'undefined', B: 'undefined', reads: { a: undefined, b: undefined } },
].map((type) => ({ refused: comptimeRefusals, ...type, comptimeOnly: true }));

/** File-name-safe id of a type written without one. */
function idOf(T) {
  return T.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export const TYPES = [...integers, ...floats, ...simple, ...optionals, ...pointers, ...aggregates, ...containers, ...comptimeOnly]
  .map((type) => ({ refused: {}, ...type, id: type.id ?? idOf(type.T) }));

