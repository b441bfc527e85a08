// Objects that view Zig's own memory (variables, returned slices) keep
// working when that memory grows. In WebAssembly, growth replaces the
// memory's ArrayBuffer and detaches the old one; the objects follow.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'memory/growing-memory';

for (const mode of MODES) {
  describe(`${mode}: memory growth`, () => {
    test('a returned view of Zig memory works after the memory grew', async () => {
      const { numbers, sum, grow } = await importFixture(FIXTURE, { mode });
      const view = numbers();
      grow(32);
      view[1] = 99;
      assert.equal(sum(), 10 + 99 + 30 + 40);
      assert.deepEqual([...view], [10, 99, 30, 40]);
      assert.equal(numbers(), view, 'the same place gives the same object');
    });

    test('variables read and write Zig memory after it grew', async () => {
      const { default: zig, getCounter, originX, grow } = await importFixture(FIXTURE, { mode });
      const origin = zig.origin;
      grow(32);
      zig.counter = 3;
      assert.equal(getCounter(), 3);
      origin.x = 5;
      assert.equal(originX(), 5);
      assert.equal(zig.origin.y, 2);
    });

    test('memory that grows during a call with pointers is copied back', async () => {
      const { growWhileFilling } = await importFixture(FIXTURE, { mode });
      const bytes = new Uint8Array(10);
      growWhileFilling(bytes.subarray(2, 8), 16);
      assert.deepEqual([...bytes], [0, 0, 5, 5, 5, 5, 5, 5, 0, 0]);
    });

    test('a typed array taken before growth is the one thing left behind', async () => {
      const { numbers, grow } = await importFixture(FIXTURE, { mode });
      const view = numbers();
      const early = view.typedArray;
      grow(16);
      // The object re-acquires its memory; a typed array the caller took
      // from it before is the caller's, and in WebAssembly it is detached.
      assert.deepEqual([...view.typedArray], [...numbers().typedArray]);
      if (mode === 'wasm') assert.equal(early.length, 0);
    });
  });
}
