// Values that only pass for what a parameter takes are refused with an error
// naming the argument, found by fuzzing the boundary
// (scripts/fuzz-boundary.mjs): proxies of memory, arrays with holes, arrays
// too large to copy, detached typed arrays for array parameters.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'runtime/hostile-values-targets';

for (const mode of MODES) {
  describe(`${mode}: hostile arguments`, () => {
    test('a proxy of a typed array for a slice is a TypeError naming the argument', async () => {
      const { sumBytes, sumI32 } = await importFixture(FIXTURE, { mode });
      assert.throws(() => sumBytes(new Proxy(new Uint8Array([1, 2]), {})), { name: 'TypeError', message: /^sumBytes\(args\[0\]\): \[\]const u8 expects/ });
      assert.throws(() => sumI32(new Proxy(new Int32Array(2), {})), { name: 'TypeError', message: /^sumI32\(args\[0\]\): / });
    });

    test('a proxy of an ArrayBuffer for a byte slice is a TypeError naming the argument', async () => {
      const { sumBytes } = await importFixture(FIXTURE, { mode });
      assert.throws(() => sumBytes(new Proxy(new ArrayBuffer(4), {})), { name: 'TypeError', message: /^sumBytes\(args\[0\]\): / });
    });

    test('a hole in an array for a slice is refused like undefined, not read as zero', async () => {
      const { sumI32 } = await importFixture(FIXTURE, { mode });
      // eslint-disable-next-line no-sparse-arrays
      assert.throws(() => sumI32([1, , 3]), { name: 'TypeError', message: /^sumI32\(args\[0\]\)\[1\]: i32 expects a number or bigint, received undefined/ });
    });

    test('an array too long to copy is a RangeError naming the argument', async () => {
      const { sumU64 } = await importFixture(FIXTURE, { mode });
      const huge = [];
      huge.length = 2 ** 32 - 1;
      assert.throws(() => sumU64(huge), { name: 'RangeError', message: /^sumU64\(args\[0\]\): \[\]const u64 cannot be copied from 4294967295 elements/ });
    });

    test('a detached typed array for an array parameter is a TypeError naming the argument', async () => {
      const { sumArray } = await importFixture(FIXTURE, { mode });
      const values = new Int16Array(4);
      structuredClone(values.buffer, { transfer: [values.buffer] });
      assert.throws(() => sumArray(values), { name: 'TypeError', message: /^sumArray\(args\[0\]\): the ArrayBuffer behind this Int16Array is detached/ });
    });
  });
}
