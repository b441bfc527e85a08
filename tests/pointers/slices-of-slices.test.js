// A JS array of strings or typed arrays for a slice of slices: each element
// is pointed at (or copied), and the runtime writes every inner address.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'pointers/slices-of-slices';

for (const mode of MODES) {
  describe(`${mode}: slices of slices`, () => {
    test('an array of strings is a []const []const u8', async () => {
      const { totalLength, join } = await importFixture(FIXTURE, { mode });
      assert.equal(totalLength(['hello', 'world', '', 'ü']), 12);
      const out = new Uint8Array(16);
      const n = join(['foo', 'bar', new Uint8Array([33])], out);
      assert.equal(new TextDecoder().decode(out.subarray(0, n)), 'foobar!');
    });

    test('an empty array is an empty slice', async () => {
      const { totalLength } = await importFixture(FIXTURE, { mode });
      assert.equal(totalLength([]), 0);
    });

    test('writable inner slices are the callers own memory', async () => {
      const { shout } = await importFixture(FIXTURE, { mode });
      const a = new TextEncoder().encode('abc');
      const b = new TextEncoder().encode('xyz');
      shout([a, b.subarray(1)]);
      assert.equal(new TextDecoder().decode(a), 'ABC');
      assert.equal(new TextDecoder().decode(b), 'xYZ');
    });

    test('inner slices of other element types take their typed arrays', async () => {
      const { sumRows } = await importFixture(FIXTURE, { mode });
      assert.equal(sumRows([new Uint32Array([1, 2]), [3, 4, 5], new Uint32Array(0)]), 15n);
    });

    test('null gives an optional slice of slices no value', async () => {
      const { count } = await importFixture(FIXTURE, { mode });
      assert.equal(count(null), 999);
      assert.equal(count(['a', 'b']), 2);
    });

    test('a thousand strings travel in one call', async () => {
      const { totalLength } = await importFixture(FIXTURE, { mode });
      const words = Array.from({ length: 1000 }, (_, i) => `w${i}`);
      assert.equal(totalLength(words), words.join('').length);
    });

    test('bad elements are rejected with their index', async () => {
      const { totalLength, shout } = await importFixture(FIXTURE, { mode });
      assert.throws(() => totalLength('abc'), { name: 'TypeError', message: /^totalLength\(args\[0\]\): / });
      assert.throws(() => totalLength(['a', 5]), { name: 'TypeError', message: /^totalLength\(args\[0\]\)\[1\]: / });
      assert.throws(() => shout([new Uint16Array(2)]), { name: 'TypeError', message: /shout\(args\[0\]\)\[0\]/ });
      shout(['text']); // a string for a writable element is a copy Zig may change, as for a []u8 parameter
    });

    test('thousands of buffers pass; past the limit a call is a RangeError', async () => {
      const { totalLength } = await importFixture(FIXTURE, { mode });
      const rows = Array.from({ length: 4097 }, () => new Uint8Array(2));
      assert.equal(totalLength(rows.slice(0, 4000)), 8000);
      assert.throws(() => totalLength(rows), { name: 'RangeError', message: /^totalLength\(\): more than 4096 .* in one call/ });
    });
  });
}
