// What arrays and slices offer besides indexing: entries(), typed-array and
// clamped-array views that also take whole typed arrays, and for slices
// subarray() (shared) and slice() (copied).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const ARRAYS = 'structures/arrays-and-enums';
const SLICES = 'pointers/pointer-results';

for (const mode of MODES) {
  describe(`${mode}: array and slice helpers`, () => {
    test('entries() is an iterable of index and value, with a length', async () => {
      const { default: zig } = await importFixture(ARRAYS, { mode });
      const entries = zig.scores.entries();
      assert.equal(entries.length, 4);
      assert.deepEqual([...entries], [...zig.scores].map((v, i) => [i, v]));
    });

    test('typedArray views the elements live and takes a typed array of its class', async () => {
      const { default: zig } = await importFixture(ARRAYS, { mode });
      const saved = [...zig.scores];
      zig.scores.typedArray = Int32Array.of(1, 2, 3, 4);
      assert.deepEqual([...zig.scores], [1, 2, 3, 4]);
      assert.equal(zig.scores.typedArray[2], 3);
      assert.throws(() => { zig.scores.typedArray = Uint32Array.of(1, 2, 3, 4); }, { name: 'TypeError', message: /\[4\]i32 expects an Int32Array of its length, received an object \(Uint32Array\)/ });
      assert.throws(() => { zig.scores.typedArray = Int32Array.of(1); }, { name: 'RangeError', message: /needs 4 elements, received 1/ });
      zig.scores = saved;
    });

    test('clampedArray is for u8 elements only', async () => {
      const { default: zig } = await importFixture(ARRAYS, { mode });
      assert.ok(zig.name.clampedArray instanceof Uint8ClampedArray);
      assert.equal(String.fromCharCode(...zig.name.clampedArray), zig.name.string);
      assert.throws(() => zig.scores.clampedArray, { name: 'TypeError', message: /has no typed-array form/ });
    });

    test('f16 elements have a typed array only where the JS runtime has Float16Array', async () => {
      const { default: zig } = await importFixture(ARRAYS, { mode });
      assert.deepEqual([...zig.halves], [1.5, -2]);
      if (globalThis.Float16Array) assert.deepEqual([...zig.halves.typedArray], [1.5, -2]);
      else assert.throws(() => zig.halves.typedArray, { name: 'TypeError', message: /this JS runtime has no Float16Array/ });
    });

    test('subarray shares the slice memory; slice copies it', async () => {
      const { getTable, tableSum } = await importFixture(SLICES, { mode });
      const table = getTable();
      const before = tableSum();
      const tail = table.subarray(-2);
      assert.equal(tail.length, 2);
      assert.equal(tail.dataView.buffer, table.dataView.buffer);
      const copy = table.slice(1, 3);
      assert.notEqual(copy.dataView.buffer, table.dataView.buffer);
      assert.deepEqual([...copy], [...table].slice(1, 3));
      copy[0] += 100;
      assert.equal(tableSum(), before, 'the copy is not Zig memory');
      tail[1] += 1;
      assert.equal(tableSum(), before + 1, 'the subarray is');
      tail[1] -= 1;
      assert.equal(table.subarray(3, 1).length, 0);
    });
  });
}
