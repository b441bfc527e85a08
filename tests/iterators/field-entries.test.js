// Structs and unions that are no Zig iterators iterate as in Zigar: a
// struct its `[name, value]` entries (comptime fields included), a tuple
// its values, a tagged union its active field, a bare or extern union every
// field (each read as if it were active).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

for (const mode of MODES) {
  describe(`${mode}: iterating structs that are no iterators`, () => {
    test('a struct yields [name, value] for each field, comptime ones included', async () => {
      const { Point, Empty } = await importFixture('iterators/field-entries', { mode });
      const entries = [...new Point({ x: 1, y: -2 })];
      assert.deepEqual(entries.map(([name]) => name), ['x', 'y', 'kind']);
      assert.deepEqual(entries.slice(0, 2), [['x', 1], ['y', -2]]);
      assert.equal(entries[2][1].string, 'point');
      assert.deepEqual(Object.fromEntries(new Point({ x: 3, y: 4 })).y, 4);
      assert.deepEqual([...new Empty({})], []);
    });

    test('a tuple yields its values', async () => {
      const { Triple } = await importFixture('iterators/field-entries', { mode });
      assert.deepEqual([...new Triple([7, 2.5, true])], [7, 2.5, true]);
    });

    test('a tagged union yields its active field only', async () => {
      const { Shape } = await importFixture('iterators/field-entries', { mode });
      assert.deepEqual([...new Shape({ square: 4 })], [['square', 4]]);
      assert.deepEqual([...new Shape({ circle: 1.5 })], [['circle', 1.5]]);
    });

    test('extern and bare unions yield every field, each read from the same bytes', async () => {
      const { Bits, makeNumber } = await importFixture('iterators/field-entries', { mode });
      const bits = [...new Bits({ word: 0x01020304 })];
      assert.deepEqual(bits.map(([name]) => name), ['word', 'bytes']);
      assert.equal(bits[0][1], 0x01020304);
      assert.deepEqual([...bits[1][1]], [4, 3, 2, 1]);
      const number = makeNumber(7);
      const read = [...number];
      assert.deepEqual(read.map(([name]) => name), ['integer', 'decimal']);
      assert.equal(read[0][1], 7);
      assert.equal(read[1][1], new Float32Array(new Int32Array([7]).buffer)[0]);
    });
  });
}
