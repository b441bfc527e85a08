// Declarations whose values are types or comptime-only values.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'declarations/type-values';

for (const mode of MODES) {
  describe(`${mode}: type values and comptime-only constants`, () => {
    test('a scalar type declaration is a class holding one value', async () => {
      const { Count, Ratio, double } = await importFixture(FIXTURE, { mode });
      const n = new Count(21);
      assert.equal(n.$, 21);
      assert.equal(n + 1, 22);
      assert.equal(n.dataView.byteLength, 4);
      n.$ = 7;
      assert.equal(n.valueOf(), 7);
      assert.equal(double(n.$), 14);
      assert.equal(new Ratio(0.5).$, 0.5);
      assert.throws(() => new Count(-1), { name: 'RangeError' });
    });

    test('null, undefined and enum literal constants are their JS values', async () => {
      const { nothing, unknown, greeting, default: mod } = await importFixture(FIXTURE, { mode });
      assert.equal(nothing, null);
      assert.equal(unknown, undefined);
      assert.equal(greeting, 'hello');
      assert.equal(mod.greeting, 'hello');
    });

    test('an extern union is set through one field and read through any', async () => {
      const { Word, floatOf } = await importFixture(FIXTURE, { mode });
      const w = new Word({ float: 1.5 });
      assert.equal(w.int, 0x3fc00000);
      assert.deepEqual([...w.bytes], [0, 0, 0xc0, 0x3f]);
      assert.equal(floatOf({ int: 0x40000000 }), 2);
      assert.throws(() => new Word({ int: 1, float: 2 }), { name: 'TypeError', message: /exactly one field/ });
    });
  });
}
