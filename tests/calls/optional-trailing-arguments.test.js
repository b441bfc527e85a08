// A trailing struct argument whose fields all have defaults may be left out;
// functions taking an allocator accept an options object after their
// arguments; `length` counts the arguments JS passes.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'calls/optional-trailing-arguments';

for (const mode of MODES) {
  describe(`${mode}: optional and trailing arguments`, () => {
    test('a trailing struct whose fields all have defaults may be left out', async () => {
      const { transform } = await importFixture(FIXTURE, { mode });
      assert.equal(transform(2), 2);
      assert.equal(transform(2, { scale: 3 }), 6);
      assert.equal(transform(2, { offset: 1, scale: 2 }), 5);
      assert.equal(transform.length, 2);
    });

    test('leaving out more, or a struct with a required field, is a count error', async () => {
      const { transform, total } = await importFixture(FIXTURE, { mode });
      assert.throws(() => transform(), { name: 'TypeError', message: 'transform(): Expecting 2 arguments, received 0' });
      assert.throws(() => total(), { name: 'TypeError', message: 'total(): Expecting 1 argument, received 0' });
      assert.equal(total({ a: 4 }), 4);
    });

    test('an allocator parameter is not counted in length', async () => {
      const { repeat } = await importFixture(FIXTURE, { mode });
      assert.equal(repeat.length, 2);
      assert.equal(repeat('ab', 3).string, 'ababab');
    });

    test('an options object may follow the arguments; options it cannot honour are refused', async () => {
      const { repeat } = await importFixture(FIXTURE, { mode });
      assert.equal(repeat('xy', 2, {}).string, 'xyxy');
      assert.throws(() => repeat('xy', 2, { allocator: {} }), { name: 'TypeError', message: /^repeat\(options.allocator\): std.mem.Allocator expects an allocator read from Zig/ });
      assert.throws(() => repeat('xy', 2, { signal: new AbortController().signal }), { name: 'TypeError', message: 'repeat(options): unknown option "signal" (repeat takes "allocator")' });
      assert.throws(() => repeat('xy', 2, { colour: 'red' }), { name: 'TypeError', message: 'repeat(options): unknown option "colour" (repeat takes "allocator")' });
      assert.throws(() => repeat('xy', 2, 5), { name: 'TypeError', message: /^repeat\(options\): call options expects an object, received 5/ });
      assert.throws(() => repeat('xy', 2, {}, {}), { name: 'TypeError', message: 'repeat(): Expecting 2 arguments, received 4' });
    });
  });
}
