// Comptime-only values (types, enum literals, comptime numbers, null,
// undefined, functions) read in JS wherever Zig holds them: arrays,
// slices, optionals, nested tuples and struct literals, values of structs
// holding types, declarations inside a struct, comptime fields. All are
// read-only. A variable of a comptime-only type is Zig's to refuse.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

/** Asserts that `write()` throws the TypeError of a Zig constant named `where`. */
function assertReadOnly(write, where) {
  assert.throws(write, { name: 'TypeError', message: `${where} is a Zig constant and cannot be assigned` });
}

for (const mode of MODES) {
  describe(`${mode}: arrays of comptime values`, () => {
    test('an array of types reads as their classes', async () => {
      const { types, Point } = await importFixture('declarations/comptime-arrays', { mode });
      assert.ok(Array.isArray(types));
      assert.equal(types.length, 3);
      assert.deepEqual(types.map((T) => T.name), ['u8', 'i16', 'comptime-arrays.Point']);
      assert.equal(types[2], Point);
      assert.equal(new types[1](-3).$, -3);
    });

    test('arrays of enum literals and comptime numbers read as strings and numbers', async () => {
      const { modes, sizes, ratios } = await importFixture('declarations/comptime-arrays', { mode });
      assert.deepEqual([...modes], ['fast', 'small']);
      assert.deepEqual([...sizes], [1, 2, 2n ** 70n]);
      assert.deepEqual([...ratios], [0.5, 0.25]);
    });

    test('a slice or pointer reaching an array of types reads as the array', async () => {
      const { type_slice, type_pointer, Point } = await importFixture('declarations/comptime-arrays', { mode });
      assert.deepEqual([...type_slice].map((T) => T.name), ['u16', Point.name]);
      assert.deepEqual([...type_pointer].map((T) => T.name), ['i8', 'f32']);
    });

    test('an array of comptime values refuses writes to it and to its elements', async () => {
      const { default: mod, types, sizes } = await importFixture('declarations/comptime-arrays', { mode });
      assertReadOnly(() => { types[0] = null; }, 'types[0]');
      assertReadOnly(() => { sizes.push(4); }, 'sizes[3]');
      assertReadOnly(() => { mod.types = []; }, 'types');
      assert.equal(types[0].name, 'u8');
    });
  });

  describe(`${mode}: optionals of comptime values`, () => {
    test('an optional type reads as the class or null', async () => {
      const { some_type, no_type, Point } = await importFixture('declarations/comptime-optionals', { mode });
      assert.equal(some_type, Point);
      assert.equal(no_type, null);
    });

    test('optional comptime numbers, enum literals and array elements read as their values', async () => {
      const { some_count, some_mode, maybe_types } = await importFixture('declarations/comptime-optionals', { mode });
      assert.equal(some_count, 5);
      assert.equal(some_mode, 'fast');
      assert.deepEqual(maybe_types.map((T) => T?.name ?? null), ['u8', null]);
      assertReadOnly(() => { maybe_types[1] = maybe_types[0]; }, 'maybe_types[1]');
    });
  });

  describe(`${mode}: comptime error unions`, () => {
    test('a comptime error union reads as its payload, or as the error it holds, not thrown', async () => {
      const { chosen, missing, steps, Backend, LookupError } = await importFixture('declarations/comptime-error-unions', { mode });
      assert.equal(chosen, Backend);
      assert.equal(missing, LookupError.NoBackend);
      assert.ok(missing instanceof LookupError);
      assert.equal(steps[0], 3);
      assert.equal(steps[1].message, 'Unplanned');
      assert.throws(() => { steps[0] = 4; }, { name: 'TypeError' });
    });
  });

  describe(`${mode}: nested comptime values`, () => {
    test('a tuple and a struct literal hold every scalar kind', async () => {
      const { scalars, named } = await importFixture('declarations/comptime-nesting', { mode });
      assert.equal(scalars[0].name, 'u8');
      assert.deepEqual([1, 2, 3, 4, 5, 6].map((i) => scalars[i]), ['fast', 42, 2n ** 70n, 1.5, null, undefined]);
      assert.equal(named.Int.name, 'u8');
      assert.deepEqual(
        [named.mode, named.small, named.huge, named.ratio, named.none, named.unset],
        ['fast', 42, 2n ** 70n, 1.5, null, undefined],
      );
    });

    test('tuples, struct literals and arrays nest inside tuples', async () => {
      const { nested, with_array } = await importFixture('declarations/comptime-nesting', { mode });
      assert.equal(nested[0][0].name, 'u8');
      assert.equal(nested[0][1], 'inner');
      assert.equal(nested[1], 1);
      assert.equal(nested[2].pair[0], 2);
      assert.equal(nested[2].pair[1], null);
      assert.deepEqual(with_array[0].map((T) => T.name), ['u8', 'i8']);
      assert.equal(with_array[1], 'last');
    });

    test('nested comptime values refuse writes', async () => {
      const { nested, with_array } = await importFixture('declarations/comptime-nesting', { mode });
      assert.throws(() => { nested[2].pair = null; }, { name: 'TypeError', message: /comptime field/ });
      assert.throws(() => { with_array[0][1] = null; }, { name: 'TypeError', message: /\.0\[1\] is a Zig constant/ });
    });

    test('a value of a struct type holding a type reads as a read-only object', async () => {
      const { codec } = await importFixture('declarations/comptime-nesting', { mode });
      assert.equal(codec.Unit.name, 'u16');
      assert.equal(codec.width, 3);
      assertReadOnly(() => { codec.width = 4; }, 'codec.width');
    });

    test('comptime constants declared inside a struct are on its class', async () => {
      const { Registry } = await importFixture('declarations/comptime-nesting', { mode });
      assert.deepEqual(Registry.kinds.map((T) => T.name), ['i8', 'i16']);
      assert.equal(Registry.default_mode, 'strict');
      assertReadOnly(() => { Registry.kinds[0] = null; }, `${Registry.name}.kinds[0]`);
    });
  });

  describe(`${mode}: functions in comptime values`, () => {
    test('a tuple of public functions holds the functions the module exports', async () => {
      const { ops, add, sub } = await importFixture('declarations/comptime-functions', { mode });
      assert.equal(ops[0], add);
      assert.equal(ops[1], sub);
      assert.equal(ops[0](2, 3), 5);
      assert.equal(ops[1](2, 3), -1);
    });

    test('a struct literal of functions calls them by field name', async () => {
      const { by_name } = await importFixture('declarations/comptime-functions', { mode });
      assert.equal(by_name.add(4, 5), 9);
      assert.equal(by_name.sub(4, 5), -1);
    });

    test('a private function a tuple holds is callable through it only', async () => {
      const mod = await importFixture('declarations/comptime-functions', { mode });
      assert.equal(mod.private_ops[0](7), 21);
      assert.equal('triple' in mod.default, false);
      assert.equal(mod.triple, undefined);
      assert.equal(mod.private_ops[0].name, 'private_ops[0]', 'named after where it is held');
    });

    test('a function zigport cannot call reads as one that says why when called', async () => {
      const { mixed_ops } = await importFixture('declarations/comptime-functions', { mode });
      assert.equal(typeof mixed_ops[0], 'function');
      assert.throws(() => mixed_ops[0](1), { name: 'TypeError', message: /generic functions .* cannot be called at run time/ });
      assert.equal(mixed_ops[1](1, 1), 2);
    });

    test('a comptime field holding a function is callable', async () => {
      const { Calculator, add } = await importFixture('declarations/comptime-functions', { mode });
      const calc = new Calculator({});
      assert.equal(calc.combine, add);
      assert.equal(calc.combine(20, 22), 42);
    });

    test('a comptime field holding a private function calls it under the field\'s name', async () => {
      const { Scaler, private_ops } = await importFixture('declarations/comptime-functions', { mode });
      const { scale, again } = new Scaler({});
      assert.equal(scale(9), 4);
      assert.equal(scale.name, 'Scaler.scale');
      assert.equal(again, private_ops[0], 'a function held twice is one JS function');
    });

    test('functions in comptime values cannot be replaced', async () => {
      const { ops, by_name, Calculator } = await importFixture('declarations/comptime-functions', { mode });
      assert.throws(() => { ops[0] = null; }, { name: 'TypeError', message: /comptime field/ });
      assert.throws(() => { by_name.add = null; }, { name: 'TypeError', message: /comptime field/ });
      assert.throws(() => { new Calculator({}).combine = null; }, { name: 'TypeError', message: /comptime field/ });
    });
  });

  describe(`${mode}: comptime fields of every kind`, () => {
    test('comptime fields read as their comptime values', async () => {
      const { Traits, Point } = await importFixture('declarations/comptime-field-kinds', { mode });
      const t = new Traits({});
      assert.equal(t.Element, Point);
      assert.deepEqual(
        [t.mode, t.small, t.huge, t.ratio, t.none, t.unset],
        ['compact', 42, 2n ** 70n, 1.5, null, undefined],
      );
      assert.deepEqual(t.Pair.map((T) => T.name), ['u8', 'i8']);
      assert.equal(t.Maybe.name, 'u16');
    });

    test('comptime fields refuse writes, and so do the arrays they hold', async () => {
      const { Traits } = await importFixture('declarations/comptime-field-kinds', { mode });
      const t = new Traits({});
      assert.throws(() => { t.ratio = 2; }, { name: 'TypeError', message: /Traits\.ratio is a comptime field/ });
      assertReadOnly(() => { t.Pair[0] = null; }, `${Traits.name}.Pair[0]`);
    });

    test('a constant of a struct whose fields are all comptime reads them', async () => {
      const { fixed, Fixed } = await importFixture('declarations/comptime-field-kinds', { mode });
      assert.ok(fixed instanceof Fixed);
      assert.equal(fixed.Unit.name, 'u16');
      assert.equal(fixed.mode, 'packed_mode');
      assert.equal(fixed.width, 7);
    });
  });

  describe(`${mode}: comptime-only variables`, () => {
    test('a variable of a comptime-only type fails to compile with Zig\'s message', async () => {
      await assert.rejects(importFixture('declarations/comptime-variable', { mode }), (err) => {
        assert.equal(err.name, 'ZigCompileError');
        assert.match(err.message, /variable of type 'type' must be const or comptime/);
        return true;
      });
    });
  });
}

for (const mode of MODES) {
  describe(`${mode}: unions of comptime values`, () => {
    test('a tagged union of comptime values reads as an object of its active field', async () => {
      const { chosen_type, chosen_count, choices } = await importFixture('declarations/comptime-unions', { mode });
      assert.deepEqual(Object.keys(chosen_type), ['Kind']);
      assert.equal(chosen_type.Kind.name, 'u32');
      assert.equal(chosen_count.count, 2n ** 60n);
      assert.deepEqual(choices.map((c) => ({ ...c })), [{ mode: 'fast' }, { count: 2 }]);
      assertReadOnly(() => { chosen_count.count = 1; }, 'chosen_count.count');
    });

    test('a bare union of comptime values says it cannot be read', async () => {
      const { default: mod } = await importFixture('declarations/comptime-unions', { mode });
      assert.throws(() => mod.bare, { name: 'TypeError', message: /^bare: Zig does not say which field of a bare union is active/ });
    });
  });

  describe(`${mode}: comptime-only types`, () => {
    test('a comptime-only type is a class that makes no instances', async () => {
      const { Count, Literal, Codec } = await importFixture('declarations/comptime-only-types', { mode });
      assert.equal(Count.name, 'comptime_int');
      assert.equal(typeof Literal, 'function');
      assert.throws(() => new Codec({ Unit: null, width: 1 }), { name: 'TypeError', message: /exists only at comptime/ });
    });

    test('a comptime-only struct type carries its declarations', async () => {
      const { Codec } = await importFixture('declarations/comptime-only-types', { mode });
      assert.equal(Codec.byte.Unit.name, 'u8');
      assert.equal(Codec.byte.width, 1);
      assert.equal(Codec.version(), 2);
    });

    test('type values naming comptime-only types read as their classes', async () => {
      const { kinds, Codec, Count } = await importFixture('declarations/comptime-only-types', { mode });
      assert.deepEqual([...kinds], [Codec, Count]);
    });
  });
}
