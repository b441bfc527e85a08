// A Zig allocator read by JS (a constant, a variable, a field, a result) is
// an Allocator object: JS allocates Zig memory with it, frees it, copies
// into it, and passes it to a function's allocator parameter through the
// call's options.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'pointers/allocator-values';

/** The bytes `dv` views, as an array. */
const bytesOf = (dv) => [...new Uint8Array(dv.buffer, dv.byteOffset, dv.byteLength)];

for (const mode of MODES) {
  describe(`${mode}: allocators as values`, () => {
    test('alloc gives Zig memory that Zig reads, and free gives it back', async () => {
      const { page, sum } = await importFixture(FIXTURE, { mode });
      const dv = page.alloc(16, 8);
      assert.equal(dv.byteLength, 16);
      new Uint8Array(dv.buffer, dv.byteOffset, 16).fill(2);
      assert.equal(sum(dv), 32);
      page.free(dv);
    });

    test('memory from an allocator Zig returned comes out of, and goes back to, that allocator', async () => {
      const { fixed, fixedUsed, resetFixed } = await importFixture(FIXTURE, { mode });
      resetFixed();
      const allocator = fixed();
      const dv = allocator.alloc(100);
      assert.equal(fixedUsed(), 100);
      allocator.free(dv);
      assert.equal(fixedUsed(), 0);
    });

    test('dupe copies a string, bytes or a Zig object into new Zig memory', async () => {
      const { page, sum } = await importFixture(FIXTURE, { mode });
      const text = page.dupe('hello');
      assert.deepEqual(bytesOf(text), [...new TextEncoder().encode('hello')]);
      assert.equal(sum(page.dupe(new Uint8Array([1, 2, 3]))), 6);
      const copy = page.dupe(page.dupe('abc'));
      assert.deepEqual(bytesOf(copy), [97, 98, 99]);
      page.free(text);
    });

    test('an allocator in the options is the one the allocator parameter gets', async () => {
      const { duplicate, fixed, fixedUsed, resetFixed } = await importFixture(FIXTURE, { mode });
      resetFixed();
      assert.equal(duplicate('abc', { allocator: fixed() }).string, 'abc');
      assert.equal(fixedUsed(), 3);
      assert.equal(duplicate('abcd').string, 'abcd', 'without options the host supplies one');
      assert.equal(fixedUsed(), 3);
    });

    test('allocators read from a variable and from a struct field work alike', async () => {
      const { default: zig, holder } = await importFixture(FIXTURE, { mode });
      assert.equal(String(zig.current), '[object Allocator]');
      zig.current.free(zig.current.alloc(8));
      const { allocator } = holder();
      allocator.free(allocator.alloc(8));
    });

    test('freeing twice, or freeing memory no allocator gave, is a TypeError', async () => {
      const { page } = await importFixture(FIXTURE, { mode });
      const dv = page.alloc(10);
      page.free(dv);
      assert.throws(() => page.free(dv), { name: 'TypeError', message: 'Object has been freed already' });
      assert.throws(() => page.free(new DataView(new ArrayBuffer(4))), {
        name: 'TypeError', message: 'Expected an object containing allocated Zig memory, received DataView',
      });
      assert.throws(() => page.free(5), { name: 'TypeError', message: /received 5/ });
    });

    test('a bad alignment or length is refused; an allocator out of memory says so', async () => {
      const { page, fixed } = await importFixture(FIXTURE, { mode });
      assert.throws(() => page.alloc(4, 3), { name: 'Error', message: 'Invalid alignment: 3' });
      assert.throws(() => page.alloc(-1), { name: 'TypeError', message: /invalid length/ });
      assert.throws(() => fixed().alloc(100000), { name: 'Error', message: 'Out of memory' });
    });

    test('anything but an allocator read from Zig is refused in the options', async () => {
      const { duplicate } = await importFixture(FIXTURE, { mode });
      assert.throws(() => duplicate('x', { allocator: {} }), { name: 'TypeError', message: /^duplicate\(options.allocator\): std.mem.Allocator expects an allocator read from Zig/ });
    });
  });
}
