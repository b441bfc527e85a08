// The positions of the type × position matrix: where in a Zig module a value
// of the type under test can sit. Each position knows the Zig declarations
// that put a value there (`zig`) and how a test reaches that value from JS
// (`check`). The generator and the tests both read this one table.
//
// `zig(t)` gets the type's spelling and sample values ({ T, A, B }) and
// returns Zig source. For comptime-only types `storage` is 'const', since
// Zig has no runtime variable of such a type; the position then only reads,
// and functions taking or returning one are generic, which Zigar does not
// export, so for them the check is that the function is absent.
import assert from 'node:assert/strict';
import { expectValue, writeValue } from './values.js';

/** Writes `B` to `target[key]` from JS, then reads it back through `readBack`. */
function writeThenRead(type, mod, target, key, readBack = () => target[key]) {
  target[key] = writeValue(type, mod);
  expectValue(type, mod, readBack, 'b');
}

export const POSITIONS = [
  {
    name: 'pub const',
    zig: ({ T, A }) => `pub const constant: ${T} = ${A};`,
    check: (type, mod) => expectValue(type, mod, () => mod.constant, 'a'),
  },
  {
    name: 'pub var (read)',
    zig: ({ T, A }) => `pub var read_var: ${T} = ${A};`,
    check: (type, mod) => expectValue(type, mod, () => mod.default.read_var, 'a'),
  },
  {
    name: 'pub var (write)',
    // Zig reads the variable back, so the write must have reached its memory.
    zig: ({ T, A }) => `pub var write_var: ${T} = ${A};\npub fn readWriteVar() ${T} {\n    return write_var;\n}`,
    check: (type, mod) => writeThenRead(type, mod, mod.default, 'write_var', () => mod.readWriteVar()),
  },
  {
    name: 'pub var (live)',
    zig: ({ T, A, B }) => `pub var live_var: ${T} = ${A};\npub fn changeLiveVar() void {\n    live_var = ${B};\n}`,
    check: (type, mod) => {
      expectValue(type, mod, () => mod.default.live_var, 'a');
      mod.changeLiveVar();
      expectValue(type, mod, () => mod.default.live_var, 'b');
    },
  },
  {
    name: 'parameter',
    // The argument comes back as the result, so this cell also needs `return value`.
    zig: ({ T }) => `pub fn echo(x: ${T}) ${T} {\n    return x;\n}`,
    check: (type, mod) => {
      if (type.comptimeOnly) return assert.equal(mod.echo, undefined);
      expectValue(type, mod, () => mod.echo(writeValue(type, mod)), 'b');
    },
  },
  {
    name: 'return value',
    zig: ({ T, B }) => `pub fn giveB() ${T} {\n    return ${B};\n}`,
    check: (type, mod) => {
      if (type.comptimeOnly) return assert.equal(mod.giveB, undefined);
      expectValue(type, mod, () => mod.giveB(), 'b');
    },
  },
  {
    name: 'array element',
    zig: ({ T, A, storage }) => `pub ${storage} array: [2]${T} = .{ ${A}, ${A} };`,
    check: (type, mod) => {
      const array = type.comptimeOnly ? mod.array : mod.default.array;
      expectValue(type, mod, () => array[0], 'a');
      if (!type.comptimeOnly) writeThenRead(type, mod, array, 1);
    },
  },
  ...[
    ['struct field', 'Holder', 'struct'],
    ['packed struct field', 'PackedHolder', 'packed struct'],
    ['bare union field', 'BareHolder', 'union'],
    ['tagged union field', 'TaggedHolder', 'union(enum)'],
  ].map(([name, holder, kind]) => containerField(name, holder, kind)),
  {
    name: 'comptime field',
    zig: ({ T, A }) => `pub const ComptimeHolder = struct {\n    comptime f: ${T} = ${A},\n    n: u8 = 0,\n};\npub const comptime_holder: ComptimeHolder = .{};`,
    check: (type, mod) => expectValue(type, mod, () => mod.comptime_holder.f, 'a'),
  },
  {
    name: 'optional payload',
    zig: ({ T, A, storage }) => `pub ${storage} optional: ?${T} = ${A};`,
    check: (type, mod) => {
      if (type.comptimeOnly) return expectValue(type, mod, () => mod.optional, 'a');
      expectValue(type, mod, () => mod.default.optional, 'a');
      writeThenRead(type, mod, mod.default, 'optional');
      mod.default.optional = null;
      assert.equal(mod.default.optional, null);
    },
  },
  {
    name: 'error-union payload',
    zig: ({ T, A, storage }) => `pub ${storage} error_union: anyerror!${T} = ${A};`,
    check: (type, mod) => {
      if (type.comptimeOnly) return expectValue(type, mod, () => mod.error_union, 'a');
      expectValue(type, mod, () => mod.default.error_union, 'a');
      writeThenRead(type, mod, mod.default, 'error_union');
    },
  },
  {
    name: 'vector element',
    zig: ({ T, A }) => `pub var vector: @Vector(2, ${T}) = .{ ${A}, ${A} };`,
    check: (type, mod) => {
      expectValue(type, mod, () => mod.default.vector[0], 'a');
      writeThenRead(type, mod, mod.default.vector, 1);
    },
  },
];

/**
 * A field `f` of a container type `holder`, with a second field so that
 * unions have an inactive member and structs are not one-field wrappers.
 */
function containerField(name, holder, kind) {
  const variable = holder.replace(/^./, (c) => c.toLowerCase()).replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return {
    name,
    // A packed field's bits depend on the type, so the extra field is a bool there.
    zig: ({ T, A, storage }) => `pub const ${holder} = ${kind} {\n    f: ${T},\n    other: ${kind.startsWith('packed') ? 'bool' : 'u8'},\n};\npub ${storage} ${variable}: ${holder} = .{ .f = ${A}${kind.includes('union') ? '' : `, .other = ${kind.startsWith('packed') ? 'false' : '0'}`} };`,
    check: (type, mod) => {
      const container = type.comptimeOnly ? mod[variable] : mod.default[variable];
      expectValue(type, mod, () => container.f, 'a');
      if (!type.comptimeOnly) writeThenRead(type, mod, container, 'f');
    },
  };
}

/** The position called `name`. */
export function position(name) {
  const found = POSITIONS.find((p) => p.name === name);
  if (!found) throw new Error(`no matrix position named ${name}`);
  return found;
}
