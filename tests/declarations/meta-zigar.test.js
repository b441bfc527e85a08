// `@"meta(zigar)"` hooks in the root module change what JS reads for the
// declarations, fields and function results they mark: a string, a
// Uint8ClampedArray, a typed array or a plain value, in that order of
// precedence, where the type allows it.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const DECLS = 'declarations/meta-zigar-declarations';
const FIELDS = 'declarations/meta-zigar-fields';
const PRECEDENCE = 'declarations/meta-zigar-precedence';

for (const mode of MODES) {
  describe(`${mode}: @"meta(zigar)" declaration hooks`, () => {
    test('a u8 variable marked as string reads as text, also after Zig changes it', async () => {
      const { default: zig } = await importFixture(DECLS, { mode });
      assert.equal(zig.text_var, 'hello');
      zig.text_var = 'HELLO';
      assert.equal(zig.text_var, 'HELLO');
    });

    test("a sentinel-terminated array's string leaves the sentinel out", async () => {
      const { text_sentinel } = await importFixture(DECLS, { mode });
      assert.equal(text_sentinel, 'world');
    });

    test('u16 elements read as UTF-16', async () => {
      const { text_wide, textWide } = await importFixture(DECLS, { mode });
      assert.equal(text_wide, 'hé');
      assert.equal(textWide(), 'abc');
    });

    test('a u16 variable read as a string takes a string back, as UTF-16', async () => {
      const { default: zig, wideUnitAt } = await importFixture(DECLS, { mode });
      assert.equal(zig.text_wide_var, 'abc');
      zig.text_wide_var = 'x€z';
      assert.equal(zig.text_wide_var, 'x€z');
      assert.equal(wideUnitAt(1), 0x20ac);
      assert.throws(() => { zig.text_wide_var = 'too long'; }, RangeError);
    });

    test('an array of strings reads as an array of strings', async () => {
      const { text_list, textNames } = await importFixture(DECLS, { mode });
      assert.deepEqual(text_list, ['abc', 'xyz']);
      assert.deepEqual(textNames(), ['ann', 'bob']);
    });

    test('a null optional marked as string reads as null', async () => {
      const { text_maybe, textMaybe } = await importFixture(DECLS, { mode });
      assert.equal(text_maybe, null);
      assert.equal(textMaybe(false), null);
      assert.equal(textMaybe(true), 'some');
    });

    test('function results marked as string: slices, many-item pointers ending in zero, error unions', async () => {
      const { textGreeting, textTerminated, textOrError } = await importFixture(DECLS, { mode });
      assert.equal(textGreeting(), 'hi there');
      assert.equal(textTerminated(), 'zero-ended');
      assert.equal(textOrError(false), 'fine');
      assert.throws(() => textOrError(true), { message: 'Refused' });
    });

    test('unmarked declarations read as objects', async () => {
      const { unmarked_text, unmarkedGreeting, Point } = await importFixture(DECLS, { mode });
      assert.equal(typeof unmarked_text, 'object');
      assert.equal(unmarked_text.string, 'plain');
      assert.equal(unmarkedGreeting().string, 'hi there');
      assert.ok(Point.origin instanceof Point);
    });

    test('a clampedArray mark gives a Uint8ClampedArray over the variable', async () => {
      const { default: zig, pixelsOf } = await importFixture(DECLS, { mode });
      assert.ok(zig.pixels instanceof Uint8ClampedArray);
      assert.deepEqual([...zig.pixels], [1, 2, 3, 255]);
      zig.pixels[0] = 300;
      assert.equal(zig.pixels[0], 255, 'it is live and clamps');
      assert.deepEqual(pixelsOf(), new Uint8ClampedArray([0, 128, 200, 255]));
    });

    test('a typedArray mark gives the typed array of arrays, vectors and usize elements', async () => {
      const { default: zig, numbers_vector, numbers_sizes, numbersOf } = await importFixture(DECLS, { mode });
      assert.deepEqual(zig.numbers, new Int32Array([-1, 0, 7]));
      assert.deepEqual(numbers_vector, new Float32Array([0.5, 1.5, 2.5, 3.5]));
      assert.deepEqual(numbers_sizes, mode === 'wasm' ? new Uint32Array([10, 20]) : new BigUint64Array([10n, 20n]));
      assert.deepEqual(numbersOf(), new Int16Array([-3, 0, 3]));
    });

    test('a plain mark gives valueOf(): structs, enums, pointers to structs, slices of structs', async () => {
      const { default: zig, plain_point, plainPoint, plainPoints, plainPet } = await importFixture(DECLS, { mode });
      assert.deepEqual(plain_point, { x: 1, y: 2 });
      assert.equal(zig.plain_pet, 'dog');
      assert.deepEqual(plainPoint(), { x: 1, y: 2 });
      assert.deepEqual(plainPoints(), [{ x: 1, y: 1 }, { x: 2, y: 2 }]);
      assert.equal(plainPet(), 'cat');
    });

    test("declarations inside a struct are asked about with the struct's type, methods included", async () => {
      const { Point } = await importFixture(DECLS, { mode });
      assert.deepEqual(Point.plain_origin, { x: 0, y: 0 });
      assert.equal(Point.text_label, 'o.k');
      assert.deepEqual(new Point({ x: 1, y: 2 }).plainScaled(3), { x: 3, y: 6 });
    });

    test('a mark on a type it cannot apply to is ignored (the hook is not asked)', async () => {
      const { textCount } = await importFixture(DECLS, { mode });
      assert.equal(textCount(), 3);
    });

    test('the hooks struct itself is not exported', async () => {
      const mod = await importFixture(DECLS, { mode });
      assert.equal('meta(zigar)' in mod, false);
      assert.equal('meta(zigar)' in mod.default, false);
    });
  });

  describe(`${mode}: @"meta(zigar)" field hooks`, () => {
    test('marked fields read as string, Uint8ClampedArray, typed array and plain values', async () => {
      const { default: zig } = await importFixture(FIELDS, { mode });
      const { record } = zig;
      assert.equal(record.text_name, 'ada');
      assert.equal(record.text_code, 'ZX81');
      assert.deepEqual(record.pixels, new Uint8ClampedArray([1, 2, 3]));
      assert.deepEqual(record.numbers, new Float64Array([0.25, 0.5]));
      assert.deepEqual(record.plain_inner, { a: 7, b: true });
      assert.equal(record.plain_pet, 'dog');
    });

    test('a null optional field marked as string reads as null', async () => {
      const { default: zig } = await importFixture(FIELDS, { mode });
      assert.equal(zig.record.text_maybe, null);
    });

    test('a number field whose hook says string stays a number', async () => {
      const { default: zig } = await importFixture(FIELDS, { mode });
      assert.equal(zig.record.text_count, 3);
    });

    test('a comptime field is marked too', async () => {
      const { default: zig } = await importFixture(FIELDS, { mode });
      assert.equal(zig.record.text_fixed, 'ok');
    });

    test('writes are unchanged; the next read gives the new value in its marked form', async () => {
      const { default: zig } = await importFixture(FIELDS, { mode });
      zig.record.text_code = 'ABCD';
      assert.equal(zig.record.text_code, 'ABCD');
      zig.record.text_name = 'grace';
      assert.equal(zig.record.text_name, 'grace');
    });

    test('valueOf() shows marked fields in their marked form', async () => {
      const { default: zig } = await importFixture(FIELDS, { mode });
      const plain = zig.record.valueOf();
      assert.equal(plain.text_code, zig.record.text_code);
      assert.equal(typeof plain.text_code, 'string');
      assert.ok(plain.pixels instanceof Uint8ClampedArray);
    });

    test('a struct returned by a function has its fields marked', async () => {
      const { makeRecord } = await importFixture(FIELDS, { mode });
      const made = makeRecord();
      assert.equal(typeof made.text_code, 'string');
      assert.deepEqual(made.plain_inner, { a: 7, b: true });
      assert.ok(made.pixels instanceof Uint8ClampedArray);
    });

    test('union fields are marked; an inactive one still reads null', async () => {
      const { default: zig } = await importFixture(FIELDS, { mode });
      assert.equal(zig.shape.text_tag, 'tri');
      assert.equal(zig.shape.plain_box, null);
    });

    test('a packed struct field marked plain reads as its plain value', async () => {
      const { default: zig } = await importFixture(FIELDS, { mode });
      assert.equal(zig.flags.plain_pet, 'dog');
    });

    test('fields of a type the hook says no for read as objects', async () => {
      const { default: zig } = await importFixture(FIELDS, { mode });
      assert.equal(typeof zig.other.text_name, 'object');
      assert.equal(zig.other.text_name.string, 'abc');
    });
  });

  describe(`${mode}: @"meta(zigar)" precedence and hook sets`, () => {
    test('when every hook says yes, the first that applies wins: string, clampedArray, typedArray, plain', async () => {
      const { default: zig } = await importFixture(PRECEDENCE, { mode });
      const { everything } = zig;
      assert.deepEqual(everything.clamped_array, new Uint8ClampedArray([1, 2, 3, 4]));
      assert.deepEqual(everything.typed_array, new Float64Array([1, 2, 3, 4]));
      assert.equal(everything.string, 'Hello world');
      assert.deepEqual(everything.object, { number1: 0, number2: 0 });
      assert.equal(everything.number, 123n);
    });

    test('declarations follow the same order', async () => {
      const { default: zig } = await importFixture(PRECEDENCE, { mode });
      assert.equal(zig.bytes, 'hi!');
      assert.deepEqual(zig.words, new Uint32Array([1, 2]));
      assert.equal(zig.count, 5);
    });

    test('argument hooks (for JS callbacks, not offered yet) are accepted and change nothing', async () => {
      const mod = await importFixture('declarations/meta-zigar-argument-hooks', { mode });
      assert.equal(mod.default.name.string, 'abc');
      assert.deepEqual(Object.keys(mod).sort(), ['__zigar', 'default']);
    });

    test('a hooks struct without hooks is a compile error saying so', async () => {
      await assert.rejects(importFixture('declarations/meta-zigar-no-hooks', { mode }), (err) => {
        assert.equal(err.name, 'ZigCompileError');
        assert.match(err.message, /@"meta\(zigar\)" in the root module declares no hooks/);
        return true;
      });
    });

    test('a hooks declaration that is not a struct is a compile error saying so', async () => {
      await assert.rejects(importFixture('declarations/meta-zigar-not-a-struct', { mode }), (err) => {
        assert.equal(err.name, 'ZigCompileError');
        assert.match(err.message, /@"meta\(zigar\)" in the root module must be a struct type holding the hook functions/);
        return true;
      });
    });
  });
}
