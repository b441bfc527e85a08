// Many-item pointers: Zig gets the address of the memory JS passes, without
// a length; a zero-terminated one must end with a zero element.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'pointers/many-item-pointers';

for (const mode of MODES) {
  describe(`${mode}: many-item pointers`, () => {
    test('[*]T gets the address of the elements JS passes', async () => {
      const { firstOf, fillSome } = await importFixture(FIXTURE, { mode });
      assert.equal(firstOf(new Uint32Array([9, 8])), 9);
      const bytes = new Uint8Array(4);
      fillSome(bytes, 2);
      assert.deepEqual([...bytes], [7, 7, 0, 0]);
    });

    test('[*c]T takes null', async () => {
      const { maybeFirst } = await importFixture(FIXTURE, { mode });
      assert.equal(maybeFirst(null), -1);
      assert.equal(maybeFirst('A'), 65);
    });

    test('[*:0]const u8 takes a string, terminated for Zig', async () => {
      const { cLen } = await importFixture(FIXTURE, { mode });
      assert.equal(cLen('hello'), 5);
      assert.equal(cLen(new Uint8Array([65, 66, 0, 67])), 2);
      assert.equal(cLen(new Uint8Array([65, 66])), 2);
    });

    test('a writable [*:0]u8 must already end with zero', async () => {
      const { upper } = await importFixture(FIXTURE, { mode });
      const text = new TextEncoder().encode('abc\0');
      upper(text);
      assert.equal(new TextDecoder().decode(text.subarray(0, 3)), 'ABC');
      assert.throws(() => upper(new Uint8Array([97, 98])), { name: 'RangeError', message: /expects the sentinel value 0 at 2/ });
    });
  });
}
