// A Zig function taking a zigar Generator(T, _): JS calls it without that
// parameter and gets an async iterable that Zig feeds, or passes
// `{ callback }` to receive each item.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'async/generators';

async function collect(iterable) {
  const items = [];
  for await (const item of iterable) items.push(item);
  return items;
}

for (const mode of MODES) {
  describe(`${mode}: generator parameters`, () => {
    test('the call returns an async iterable of what Zig yields, ending at null', async () => {
      const { countTo } = await importFixture(FIXTURE, { mode });
      assert.equal(countTo.length, 1);
      assert.deepEqual(await collect(countTo(5)), [0, 1, 2, 3, 4]);
      assert.deepEqual(await collect(countTo(0)), []);
    });

    test('an error Zig yields throws from the iteration, after the items before it', async () => {
      const { failAfterTwo } = await importFixture(FIXTURE, { mode });
      const seen = [];
      await assert.rejects(async () => { for await (const x of failAfterTwo()) seen.push(x); }, { message: 'Broken' });
      assert.deepEqual(seen, [1, 2]);
    });

    test('an iterator piped into the generator yields its items', async () => {
      const { words } = await importFixture(FIXTURE, { mode });
      assert.deepEqual((await collect(words())).map((w) => w.string), ['to', 'be', 'or', 'not']);
    });

    test('GeneratorOf(f) types a generator after an iterator-returning function', async () => {
      const { countDown } = await importFixture(FIXTURE, { mode });
      assert.deepEqual(await collect(countDown(3)), [2, 1, 0]);
    });

    test('the callback option gets each item, then null; returning false stops Zig', async () => {
      const { countTo } = await importFixture(FIXTURE, { mode });
      const all = [];
      assert.equal(countTo(3, { callback: (item) => { all.push(item); } }), undefined);
      assert.deepEqual(all, [0, 1, 2, null]);
      const some = [];
      countTo(100, { callback: (item) => { some.push(item); return item < 4; } });
      assert.deepEqual(some, [0, 1, 2, 3, 4]);
    });
  });
}

describe('native: generators fed from another thread', { skip: !MODES.includes('native') && 'native mode only' }, () => {
  test('breaking out of the loop tells Zig to stop', async () => {
    const { countForever, stoppedAt } = await importFixture('async/generators-from-threads');
    let count = 0;
    for await (const item of countForever()) {
      assert.equal(item, count);
      if (++count === 1000) break;
    }
    for (let i = 0; i < 100 && stoppedAt() < 0n; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.ok(stoppedAt() >= 1000n, `stopped at ${stoppedAt()}`);
  });
});
