// Vectors of pointers read as arrays of what each pointer points at, in a
// variable (live), as a parameter and as a result; vectors of function
// pointers as arrays of functions.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'pointers/pointer-vectors';

for (const mode of MODES) {
  describe(`${mode}: vectors of pointers`, () => {
    test('a vector variable of pointers reads and re-points each element', async () => {
      const mod = await importFixture(FIXTURE, { mode });
      const { pair } = mod.default;
      assert.equal(pair.length, 2);
      assert.deepEqual([pair[0][0], pair[1][0]], [10, 30]);
      pair[1] = pair[0];
      assert.equal(mod.pairSum(), 20);
      assert.throws(() => { pair[0] = null; }, { name: 'TypeError' });
      assert.throws(() => { pair[0] = 'text'; }, { name: 'TypeError' });
    });

    test('a vector of pointers crosses calls both ways', async () => {
      const { sumOf, names } = await importFixture(FIXTURE, { mode });
      assert.equal(sumOf([new Int32Array([5]), new Int32Array([7])]), 12);
      assert.throws(() => sumOf([new Int32Array([5])]), { name: 'RangeError', message: /needs 2 elements/ });
      assert.throws(() => sumOf([new Float64Array([5]), new Int32Array([7])]), { name: 'TypeError' });
      const [left, right] = names();
      assert.deepEqual([left.string, right.string], ['left', 'right']);
    });

    test('a vector of function pointers reads as functions', async () => {
      const mod = await importFixture(FIXTURE, { mode });
      const { operations } = mod.default;
      assert.deepEqual([operations[0](4), operations[1](4)], [8, -4]);
      operations[0] = operations[1];
      assert.equal(mod.default.operations[0](3), -3);
    });
  });
}
