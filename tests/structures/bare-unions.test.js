// Bare unions (`union { ... }`). Built with runtime safety (Debug,
// ReleaseSafe) Zig keeps a hidden tag naming the active field: only that
// field reads or assigns, and assigning the whole union switches it. Built
// without (ReleaseFast, ReleaseSmall) there is no tag, and every field reads
// the same bytes, as Zig's own would.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'structures/bare-unions';

for (const mode of MODES) {
  describe(`${mode}: bare unions with runtime safety`, () => {
    test('the active field of a pub var reads and writes in place', async () => {
      const { default: zig } = await importFixture(FIXTURE, { mode });
      zig.number.$ = { integer: 123 };
      assert.equal(zig.number.integer, 123);
      zig.number.integer = -5;
      assert.equal(zig.number.integer, -5);
      assert.deepEqual(zig.number.valueOf(), { integer: -5 });
    });

    test('reading or assigning an inactive field throws a TypeError naming both fields', async () => {
      const { default: zig } = await importFixture(FIXTURE, { mode });
      zig.number.$ = { integer: 1 };
      assert.throws(() => zig.number.big, { name: 'TypeError', message: /Number\.big is not the active field of this union \(integer is\)/ });
      assert.throws(() => { zig.number.decimal = 1; }, { name: 'TypeError', message: /Number\.decimal is not the active field/ });
      assert.equal(zig.number.integer, 1);
    });

    test('assigning the whole union switches the active field', async () => {
      const { default: zig, Number: Num } = await importFixture(FIXTURE, { mode });
      zig.number.$ = { decimal: 2.5 };
      assert.equal(zig.number.decimal, 2.5);
      zig.number = new Num({ bytes: [1, 2, 3] });
      assert.deepEqual(zig.number.bytes.valueOf(), [1, 2, 3]);
      assert.throws(() => zig.number.decimal, { name: 'TypeError' });
    });

    test('a new union takes exactly one field', async () => {
      const { Number: Num } = await importFixture(FIXTURE, { mode });
      assert.equal(new Num({ big: 5n }).big, 5n);
      assert.throws(() => new Num({ big: 1n, integer: 2 }), { name: 'TypeError', message: /give exactly one field/ });
      assert.throws(() => new Num({}), { name: 'TypeError', message: /give exactly one field/ });
      assert.throws(() => new Num({ nothing: 1 }), { name: 'TypeError', message: /has no field "nothing"/ });
    });

    test('a bare union crosses calls by value both ways, keeping its active field', async () => {
      const { makeDecimal, integerOf } = await importFixture(FIXTURE, { mode });
      const made = makeDecimal(1.5);
      assert.equal(made.decimal, 1.5);
      assert.throws(() => made.integer, { name: 'TypeError' });
      assert.equal(integerOf({ integer: 9 }), 9);
    });

    test("Zig's own check still guards a call that reads the wrong field", async () => {
      const { integerOf } = await importFixture(FIXTURE, { mode });
      assert.throws(() => integerOf({ decimal: 1 }), { code: 'ZIG_PANIC', message: /access of union field 'integer' while field 'decimal' is active/ });
    });

    test('a bare union passed by pointer is changed in place', async () => {
      const { doubleBig, setSmall, Number: Num, Small } = await importFixture(FIXTURE, { mode });
      const n = new Num({ big: 21n });
      doubleBig(n);
      assert.equal(n.big, 42n);
      const s = new Small({ trio: [1, 2, 3] });
      setSmall(s, 9);
      assert.deepEqual(s.valueOf(), { byte: 9 });
    });

    test('bare unions as array elements, struct fields and optionals', async () => {
      const { default: zig, maybeSmall } = await importFixture(FIXTURE, { mode });
      assert.equal(zig.table[0].decimal, 0.5);
      assert.equal(zig.table[1].big, -7n);
      assert.throws(() => zig.table[1].integer, { name: 'TypeError' });
      assert.deepEqual(zig.holder.value.bytes.valueOf(), [1, 2, 3]);
      assert.equal(JSON.stringify(zig.holder), '{"id":1,"value":{"bytes":[1,2,3]}}');
      assert.deepEqual(maybeSmall(true).trio.valueOf(), [4, 5, 6]);
      assert.equal(maybeSmall(false), null);
    });
  });

  describe(`${mode}: bare unions without runtime safety`, () => {
    const fast = { mode, optimize: 'ReleaseFast' };

    test('every field reads the same bytes, and any field assigns', async () => {
      const { default: zig } = await importFixture(FIXTURE, fast);
      zig.number.$ = { integer: 7 };
      assert.equal(zig.number.big, 7n);
      assert.deepEqual(zig.number.bytes.valueOf(), [7, 0, 0]);
      zig.number.big = 0x010203n;
      assert.equal(zig.number.integer, 0x010203);
    });

    test('the union is only as large as its largest field', async () => {
      const { Number: Num, Small } = await importFixture(FIXTURE, fast);
      assert.equal(new Num({ big: 1n }).dataView.byteLength, 8);
      assert.equal(new Small({ byte: 1 }).dataView.byteLength, 3);
    });
  });
}
