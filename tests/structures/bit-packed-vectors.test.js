// Vectors of elements that are not whole bytes (u3, i7, u24, f80), which
// Zig packs at their bit width: everywhere vectors go.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'structures/bit-packed-int-vectors';

for (const mode of MODES) {
  describe(`${mode}: bit-packed vectors`, () => {
    test('a vector of u3 passes by value and comes back', async () => {
      const { sum, bump } = await importFixture(FIXTURE, { mode });
      assert.equal(sum([7, 1, 5]), 13);
      assert.deepEqual(bump([7, 1, 5]).valueOf(), [0, 2, 6]);
      assert.throws(() => sum([8, 0, 0]), { name: 'RangeError' });
      assert.throws(() => sum([1, 2]), { name: 'RangeError' });
    });

    test('variables of i7, u24 and f80 elements read and write in place', async () => {
      const { default: zig, signedAt, wideTotal, extendedAt } = await importFixture(FIXTURE, { mode });
      assert.deepEqual(zig.signed.valueOf(), [-60, 33, 1, -1, 5]);
      zig.signed[3] = -64;
      assert.deepEqual([0, 1, 2, 3, 4].map((i) => signedAt(i)), [-60, 33, 1, -64, 5], 'the neighbours are kept');
      assert.deepEqual(zig.wide.valueOf(), [0x112233, 0x445566]);
      zig.wide[0] = 0xffffff;
      assert.equal(wideTotal(), 0xffffff + 0x445566);
      assert.deepEqual(zig.extended.valueOf(), [1.5, -0.25]);
      zig.extended = [3, -7.5];
      assert.equal(extendedAt(0), 3);
      assert.equal(extendedAt(1), -7.5);
    });

    test('struct fields and array elements', async () => {
      const { default: zig, Holder, smallOf, pairsTotal } = await importFixture(FIXTURE, { mode });
      const h = new Holder({ id: 1 });
      assert.deepEqual(h.small.valueOf(), [1, 2, 3]);
      h.small[2] = 7;
      assert.deepEqual(smallOf(h).valueOf(), [1, 2, 7]);
      assert.deepEqual(zig.pairs.valueOf(), [[5, 2], [1, 7]]);
      zig.pairs[1][0] = 6;
      assert.equal(pairsTotal(), 5 + 2 + 6 + 7);
    });

    test('bit-packed vectors have no typed-array form', async () => {
      const { default: zig } = await importFixture(FIXTURE, { mode });
      assert.throws(() => zig.signed.typedArray, { name: 'TypeError', message: /has no typed-array form/ });
    });
  });
}
