// A Zig function taking a zigar Promise(T): JS calls it without that
// parameter and gets a promise Zig settles, or passes `{ callback }`.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'async/promises';

for (const mode of MODES) {
  describe(`${mode}: promise parameters`, () => {
    test('the call returns a promise Zig resolves during the call', async () => {
      const { resolveNow } = await importFixture(FIXTURE, { mode });
      assert.equal(resolveNow.length, 1, 'the promise is not an argument');
      const promise = resolveNow(21);
      assert.ok(promise instanceof Promise);
      assert.equal(await promise, 42);
    });

    test('resolving with an error rejects the promise with it', async () => {
      const { failNow } = await importFixture(FIXTURE, { mode });
      await assert.rejects(failNow(), { message: 'Refused' });
    });

    test("a result of the function's own settles the promise with it", async () => {
      const { returnsToo } = await importFixture(FIXTURE, { mode });
      assert.equal(await returnsToo(4), 5);
    });

    test('an error returned before settling rejects the promise', async () => {
      const { failsFirst } = await importFixture(FIXTURE, { mode });
      await assert.rejects(failsFirst(-1), { message: 'Negative' });
      assert.equal(await failsFirst(9), 9);
    });

    test('a promise kept by Zig is settled by a later call', async () => {
      const { defer_, settleDeferred } = await importFixture(FIXTURE, { mode });
      const promise = defer_();
      let settled = false;
      promise.then(() => { settled = true; });
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(settled, false);
      assert.equal(settleDeferred('later'), true);
      assert.equal((await promise).string, 'later');
    });

    test('the callback option receives the value instead: (value) or node-style (error, value)', async () => {
      const { resolveNow, failNow } = await importFixture(FIXTURE, { mode });
      const got = [];
      assert.equal(resolveNow(5, { callback: (v) => got.push(v) }), undefined);
      failNow({ callback: (err, v) => got.push([err.message, v]) });
      resolveNow(6, { callback: (err, v) => got.push([err, v]) });
      assert.deepEqual(got, [10, ['Refused', null], [null, 12]]);
    });

    test('bad options are refused, naming the option', async () => {
      const { resolveNow } = await importFixture(FIXTURE, { mode });
      assert.throws(() => resolveNow(1, { callback: 5 }), { name: 'TypeError', message: /^resolveNow\(options\)\.callback: callback expects a function, received 5/ });
      assert.throws(() => resolveNow(1, { signal: true }), { name: 'TypeError', message: /^resolveNow\(options\): unknown option "signal" \(resolveNow takes "allocator", "callback"\)/ });
    });
  });
}

describe('native: promises settled from other threads', { skip: !MODES.includes('native') && 'native mode only' }, () => {
  const THREADS = 'async/promises-from-threads';

  test('a thread resolves or rejects the promise after the call returned', async () => {
    const { resolveLater } = await importFixture(THREADS);
    assert.equal(await resolveLater(7n), 21n);
    await assert.rejects(resolveLater(0n), { message: 'Refused' });
  });

  test('many promises pending at once each settle with their own value', async () => {
    const { resolveLater } = await importFixture(THREADS);
    const values = await Promise.all(Array.from({ length: 200 }, (_, i) => resolveLater(BigInt(i + 1))));
    assert.deepEqual(values, Array.from({ length: 200 }, (_, i) => BigInt((i + 1) * 3)));
  });

  test('a promise split among threads settles once all parts came, with the last', async () => {
    const { inParts, partsDone } = await importFixture(THREADS);
    const value = await inParts();
    assert.equal(partsDone(), 3);
    assert.ok([100, 101, 102].includes(value), `settled with ${value}`);
  });

  test('aborting the signal option stops the work mid-way', async () => {
    const { slowWork } = await importFixture(THREADS);
    const controller = new AbortController();
    const started = performance.now();
    const promise = slowWork({ signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await assert.rejects(promise, { message: 'Aborted' });
    assert.ok(performance.now() - started < 1500, 'long before the work would have ended');
  });

  test('a signal aborted before the call stops the work at once', async () => {
    const { slowWork } = await importFixture(THREADS);
    await assert.rejects(slowWork({ signal: AbortSignal.abort() }), { message: 'Aborted' });
  });
});
