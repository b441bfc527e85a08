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

/**
 * `where[name]`, failing the cell when the module does not export `name` at
 * all: a missing export reads undefined, which is what some types read.
 */
function declared(where, name) {
  assert.ok(name in where, `${name} is not exported`);
  return where[name];
}

// Containers of the field positions: [position, type, variable, Zig kind,
// second field, its initializer]. The second field gives unions an inactive
// member; in the packed struct it is a bool, which fits beside any field.
const CONTAINERS = [
  ['struct field', 'Holder', 'holder', 'struct', 'other: u8', ', .other = 0'],
  ['packed struct field', 'PackedHolder', 'packed_holder', 'packed struct', 'other: bool', ', .other = false'],
  ['bare union field', 'BareHolder', 'bare_holder', 'union', 'other: u8', ''],
  ['tagged union field', 'TaggedHolder', 'tagged_holder', 'union(enum)', 'other: u8', ''],
];

/**
 * Field `f` of a container (a row of CONTAINERS) held in a module-level
 * variable. A packed one is also set again at run time before the check:
 * Zig 0.15 initializes a packed struct holding a pointer as zeros when the
 * variable is initialized at compile time, which is Zig's doing, not what
 * the cell is about.
 */
function containerField([name, holder, variable, kind, other, otherInit]) {
  const setter = kind === 'packed struct' ? `set_${variable}` : null;
  return {
    name,
    declaration: variable,
    zig: ({ T, A, storage }) => `pub const ${holder} = ${kind} {\n    f: ${T},\n    ${other},\n};\n`
      + `pub ${storage} ${variable}: ${holder} = .{ .f = ${A}${otherInit} };`
      + (setter && storage === 'var' ? `\npub fn ${setter}() void {\n    ${variable} = .{ .f = ${A}${otherInit} };\n}` : ''),
    check: (type, mod) => {
      if (setter && mod[setter]) mod[setter]();
      const container = declared(declarations(type, mod), variable);
      expectValue(type, mod, () => container.f, 'a');
      if (!type.comptimeOnly) writeThenRead(type, mod, container, 'f');
    },
  };
}

/** Where a module's storage declarations are: `pub var` on the namespace, `pub const` as named exports. */
function declarations(type, mod) {
  return type.comptimeOnly ? mod : mod.default;
}

export const POSITIONS = [
  {
    name: 'pub const',
    zig: ({ T, A }) => `pub const constant: ${T} = ${A};`,
    check: (type, mod) => expectValue(type, mod, () => declared(mod, 'constant'), 'a'),
  },
  {
    name: 'pub var (read)',
    zig: ({ T, A }) => `pub var read_var: ${T} = ${A};`,
    check: (type, mod) => expectValue(type, mod, () => declared(mod.default, 'read_var'), 'a'),
  },
  {
    name: 'pub var (write)',
    // Zig reads the variable back, so the write must have reached its memory.
    zig: ({ T, A }) => `pub var write_var: ${T} = ${A};\npub fn readWriteVar() ${T} {\n    return write_var;\n}`,
    check: (type, mod) => {
      declared(mod.default, 'write_var');
      writeThenRead(type, mod, mod.default, 'write_var', () => mod.readWriteVar());
    },
  },
  {
    name: 'pub var (live)',
    zig: ({ T, A, B }) => `pub var live_var: ${T} = ${A};\npub fn changeLiveVar() void {\n    live_var = ${B};\n}`,
    check: (type, mod) => {
      expectValue(type, mod, () => declared(mod.default, 'live_var'), 'a');
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
      const array = declared(declarations(type, mod), 'array');
      expectValue(type, mod, () => array[0], 'a');
      if (!type.comptimeOnly) writeThenRead(type, mod, array, 1);
    },
  },
  ...CONTAINERS.map(containerField),
  {
    name: 'comptime field',
    zig: ({ T, A }) => `pub const ComptimeHolder = struct {\n    comptime f: ${T} = ${A},\n    n: u8 = 0,\n};\npub const comptime_holder: ComptimeHolder = .{};`,
    check: (type, mod) => expectValue(type, mod, () => declared(mod, 'comptime_holder').f, 'a'),
  },
  {
    name: 'optional payload',
    zig: ({ T, A, storage }) => `pub ${storage} optional: ?${T} = ${A};`,
    check: (type, mod) => {
      const where = declarations(type, mod);
      expectValue(type, mod, () => declared(where, 'optional'), 'a');
      if (type.comptimeOnly) return;
      writeThenRead(type, mod, where, 'optional');
      where.optional = null;
      assert.equal(where.optional, null);
    },
  },
  {
    name: 'error-union payload',
    zig: ({ T, A, storage }) => `pub ${storage} error_union: anyerror!${T} = ${A};`,
    check: (type, mod) => {
      const where = declarations(type, mod);
      expectValue(type, mod, () => declared(where, 'error_union'), 'a');
      if (!type.comptimeOnly) writeThenRead(type, mod, where, 'error_union');
    },
  },
  {
    name: 'vector element',
    zig: ({ T, A }) => `pub var vector: @Vector(2, ${T}) = .{ ${A}, ${A} };`,
    check: (type, mod) => {
      expectValue(type, mod, () => declared(mod.default, 'vector')[0], 'a');
      writeThenRead(type, mod, mod.default.vector, 1);
    },
  },
];

/**
 * Checks that zigport declines the declaration of `position` in `mod`: the
 * module loads, and touching the declaration throws the reason `pattern`
 * matches.
 */
export function expectDeclined(position, mod, pattern) {
  assert.ok(position.declaration, `${position.name} names no declaration to decline`);
  assert.throws(() => mod.default[position.declaration], { name: 'TypeError', message: pattern });
}

/** The position called `name`. */
export function position(name) {
  const found = POSITIONS.find((p) => p.name === name);
  if (!found) throw new Error(`no matrix position named ${name}`);
  return found;
}
