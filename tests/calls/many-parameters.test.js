// A module is not limited to a few parameters in total: a handful of small
// functions with ordinary parameter lists imports and works.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'calls/many-parameters';

for (const mode of MODES) {
  describe(`${mode}: many parameters in one module`, () => {
    test('a module whose functions take 26 parameters in all can be imported and called', async () => {
      const { dot3, lerp, clamp, sum8, area, mix } = await importFixture(FIXTURE, { mode });
      assert.equal(dot3(1, 2, 3, 4, 5, 6), 32);
      assert.equal(lerp(0, 10, 0.25), 2.5);
      assert.equal(clamp(99, -5, 5), 5);
      assert.equal(sum8(255, 255, 255, 255, 255, 255, 255, 255), 2040);
      assert.equal(area(4294967295, 2), 8589934590n);
      assert.equal(mix(1, 2, 4, 8), 15);
    });
  });
}
