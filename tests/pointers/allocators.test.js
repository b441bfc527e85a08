// A std.mem.Allocator parameter is supplied by the runtime; what Zig
// allocates with it is JS memory, and a returned allocation is a view of it.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'pointers/allocating-functions';

for (const mode of MODES) {
  describe(`${mode}: allocators`, () => {
    test('an allocator parameter is not an argument', async () => {
      const { repeat, squares } = await importFixture(FIXTURE, { mode });
      assert.equal(repeat('ab', 3).string, 'ababab');
      assert.deepEqual([...squares(4)], [0n, 1n, 4n, 9n]);
      assert.throws(() => squares(), { message: /Expecting 1 argument, received 0/ });
    });

    test('returned allocations are ArrayBuffers sized and aligned for their type', async () => {
      const { repeat, squares } = await importFixture(FIXTURE, { mode });
      const bytes = repeat('xyz', 2);
      assert.ok(bytes.dataView.buffer instanceof ArrayBuffer);
      assert.ok(bytes.dataView.buffer.byteLength >= 6);
      const values = squares(3);
      assert.equal(values.typedArray.byteOffset % 8, 0);
      values[2] = 99n;
      assert.equal(values.typedArray[2], 99n);
    });

    test('memory that grows inside Zig comes back whole', async () => {
      const { growList, joinWords } = await importFixture(FIXTURE, { mode });
      const list = growList(1000);
      assert.equal(list.length, 1000);
      assert.equal(list[999], 999);
      assert.equal(joinWords(['hello', 'big', 'world']).string, 'hello big world');
    });

    test('an error from an allocating function is thrown and nothing is returned', async () => {
      const { refuse } = await importFixture(FIXTURE, { mode });
      assert.throws(() => refuse(), { message: 'Nothing to give' });
    });

    test('many calls leave their allocations to the garbage collector', async () => {
      const { repeat } = await importFixture(FIXTURE, { mode });
      for (let i = 0; i < 2000; i++) repeat('x', 4096);
      assert.equal(repeat('ok', 1).string, 'ok');
    });
  });
}
