// A constant tuple or struct literal of comptime-only values (types, enum
// literals, comptime numbers, null) reads as those values, read-only.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'declarations/comptime-tuples';

for (const mode of MODES) {
  describe(`${mode}: constants of comptime values`, () => {
    test('a tuple of comptime values reads each as its JS value', async () => {
      const { kinds, Point } = await importFixture(FIXTURE, { mode });
      assert.equal(kinds[0].name, 'u8');
      assert.equal(new kinds[0](200).$, 200, 'a scalar type reads as its class');
      assert.equal(kinds[1], Point);
      assert.deepEqual([kinds[2], kinds[3], kinds[4]], ['fast', 42, null]);
    });

    test('a struct literal of comptime values reads by field name and refuses writes', async () => {
      const { settings } = await importFixture(FIXTURE, { mode });
      assert.equal(settings.name_len, 3);
      assert.equal(settings.mode, 'compact');
      assert.equal(new settings.Element(-5).$, -5);
      assert.throws(() => { settings.mode = 'slow'; }, { name: 'TypeError' });
    });
  });
}
