// Vectors of bools, packed one element to a bit by Zig, read and write as
// arrays of true and false.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'structures/bool-vectors';
const PATTERN = [true, false, true, true, false, false, true, false, true, true];

for (const mode of MODES) {
  describe(`${mode}: vectors of bool`, () => {
    test('a vector of bools passes by value and comes back', async () => {
      const { countTrue, invert } = await importFixture(FIXTURE, { mode });
      assert.equal(countTrue(PATTERN), 6);
      assert.deepEqual(invert(PATTERN).valueOf(), PATTERN.map((b) => !b));
      assert.deepEqual([...invert(PATTERN)], PATTERN.map((b) => !b));
    });

    test('a variable reads and writes its bits in place', async () => {
      const { default: zig, flagAt } = await importFixture(FIXTURE, { mode });
      assert.deepEqual(zig.flags.valueOf(), [true, false, false, true]);
      zig.flags[1] = true;
      assert.equal(flagAt(1), true);
      assert.equal(flagAt(0), true, 'the neighbouring bits are kept');
      zig.flags = [false, false, true, false];
      assert.deepEqual([0, 1, 2, 3].map((i) => flagAt(i)), [false, false, true, false]);
      assert.equal(zig.flags.length, 4);
    });

    test('a struct field takes its default and crosses calls', async () => {
      const { Holder, maskOf } = await importFixture(FIXTURE, { mode });
      const h = new Holder({ id: 1 });
      assert.deepEqual(h.mask.valueOf(), [false, true, false]);
      h.mask[2] = true;
      assert.deepEqual(maskOf(h).valueOf(), [false, true, true]);
    });

    test('elements take only booleans, and the length is checked', async () => {
      const { default: zig, countTrue } = await importFixture(FIXTURE, { mode });
      assert.throws(() => { zig.flags[0] = 1; }, { name: 'TypeError', message: /bool expects true or false, received 1/ });
      assert.throws(() => countTrue([true]), { name: 'RangeError', message: /needs 10 elements, received 1/ });
      assert.throws(() => zig.flags[4], { name: 'RangeError', message: /index 4 is out of bounds/ });
    });
  });
}
