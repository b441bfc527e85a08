// zigar.thread.WorkQueue: functions made by promisify() and asyncify() queue
// calls that worker threads run, settling the promise (or feeding the async
// iterable) each JS call returned; startup/shutdown start and stop the
// workers, whose thread hooks run once each. WebAssembly has no threads:
// there the calling thread is the only worker and runs each job at once.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture, runNode } from '../helpers/fixtures.js';

const FIXTURE = 'async/work-queue';
const PARAMS = 'async/work-queue-thread-params';
const rejection = (promise) => promise.then(() => assert.fail('expected a rejection'), (err) => err);

for (const mode of MODES) {
  const workers = (n) => (mode === 'native' ? n : 1);

  describe(`${mode}: WorkQueue`, () => {
    test('a promisified function resolves with its result, computed on a worker', async () => {
      const { startup, shutdown, triple } = await importFixture(FIXTURE, { mode });
      await startup(2);
      const pending = triple(14);
      assert.ok(pending instanceof Promise);
      assert.equal(await pending, 42n);
      await shutdown();
    });

    test('1,000 calls over 4 workers each settle exactly once, spread over the workers', async () => {
      const { startup, shutdown, whichWorker, threadStarts, threadEnds } = await importFixture(FIXTURE, { mode });
      const [starts, ends] = [threadStarts(), threadEnds()];
      await startup(4);
      assert.equal(threadStarts() - starts, workers(4));
      const settled = new Array(1000).fill(0);
      const seen = new Set();
      const all = Array.from({ length: 1000 }, (_, i) => new Promise((resolve) => {
        // The callback option sees every settlement, a second one included.
        whichWorker(i % 10 === 0 ? 1000 : 0, {
          callback: (err, id) => {
            assert.equal(err, null);
            settled[i]++;
            seen.add(id);
            resolve();
          },
        });
      }));
      await Promise.all(all);
      await shutdown();
      assert.deepEqual(settled, new Array(1000).fill(1));
      // Workers are numbered in start order, across the queue's runs.
      for (const id of seen) assert.ok(id >= starts && id < starts + workers(4), `worker ${id}`);
      if (mode === 'native') assert.ok(seen.size > 1, `all calls ran on worker ${[...seen]}`);
      assert.equal(threadEnds() - ends, workers(4));
    });

    test('an error the function returns rejects its promise', async () => {
      const { startup, shutdown, halve } = await importFixture(FIXTURE, { mode });
      await startup(1);
      assert.equal(await halve(10), 5);
      const err = await rejection(halve(7));
      assert.equal(err.message, 'Odd');
      await shutdown();
    });

    test('an asyncified function returning an iterator gives an async iterable', async () => {
      const { startup1, shutdown, countTo } = await importFixture(FIXTURE, { mode });
      await startup1();
      const items = [];
      for await (const n of countTo(5)) items.push(n);
      assert.deepEqual(items, [1, 2, 3, 4, 5]);
      await shutdown();
    });

    test('the first call starts one worker by itself; shutdown ends it', async () => {
      const { shutdown, whichWorker, threadStarts, threadEnds } = await importFixture(FIXTURE, { mode });
      const [starts, ends] = [threadStarts(), threadEnds()];
      await whichWorker(0);
      assert.equal(threadStarts() - starts, 1);
      assert.equal(await shutdown(), undefined);
      assert.equal(threadEnds() - ends, 1);
    });

    test('startup while running changes nothing; shutdown while stopped settles at once', async () => {
      const { startup, shutdown, threadStarts } = await importFixture(FIXTURE, { mode });
      await shutdown();
      const starts = threadStarts();
      await startup(2);
      await startup(3);
      assert.equal(threadStarts() - starts, workers(2));
      await shutdown();
      await shutdown();
    });

    test('startup(0) rejects, and so does a negative count, before the call', async () => {
      const { startup } = await importFixture(FIXTURE, { mode });
      assert.equal((await rejection(startup(0))).message, 'Invalid thread count');
      const err = await rejection(startup(-1));
      assert.ok(err instanceof RangeError);
      assert.match(err.message, /startup\(args\[0\]\): -1 is out of range for usize/);
    });

    test('hooks taking parameters: the queue starts through init, with them', async () => {
      const { start, started, stop, add, endTags } = await importFixture(PARAMS, { mode });
      const err = await rejection(add(1));
      assert.equal(err.message, 'Queue not started', 'it cannot start by itself');
      const tags = endTags();
      start(3, 100, false, 7);
      await started();
      assert.equal(await add(1), 101);
      await stop();
      assert.equal(endTags() - tags, 7 * workers(3));
    });

    test('a failing onThreadStart rejects the wait for the start, and wait() throws it', async () => {
      const { start, startAndWait, started, stop, endTags } = await importFixture(PARAMS, { mode });
      const tags = endTags();
      start(2, 0, true, 1);
      assert.equal((await rejection(started())).message, 'Start refused');
      await stop();
      assert.throws(() => startAndWait(2, 0, true, 1), { message: 'Start refused' });
      await stop();
      assert.equal(endTags(), tags, 'workers that failed to start do not end');
    });

    test('promisify() of a function returning an iterator is a compile error', async () => {
      await assert.rejects(importFixture('async/work-queue-promisify-iterator', { mode }), (err) => {
        assert.equal(err.name, 'ZigCompileError');
        assert.match(err.message, /promisify\(\) cannot take a function returning an iterator; use asyncify\(\)/);
        return true;
      });
    });

    test('.startup for hooks taking parameters is a compile error', async () => {
      await assert.rejects(importFixture('async/work-queue-startup-needs-params', { mode }), (err) => {
        assert.equal(err.name, 'ZigCompileError');
        assert.match(err.message, /cannot make \.startup: onThreadStart\(\) or onThreadEnd\(\) takes parameters/);
        return true;
      });
    });

    // WebAssembly's queue has no threads to wait for, so it holds nothing.
    const lifetime = mode === 'native' ? 'keeps the process alive until shut down, then lets it end' : 'leaves the process free to end';
    test(`the queue ${lifetime}`, () => {
      const { status, signal, stdout, stderr } = runNode(['tests/apps/work-queue-lifetime.mjs', mode, 'shutdown']);
      assert.equal(signal, null, stderr);
      assert.equal(status, 0, stderr);
      assert.equal(stdout, mode === 'native' ? 'still alive\nended: 2\n' : '');
    });

    test('process.exit() while workers are busy ends the process cleanly', () => {
      const { status, signal, stderr } = runNode(['tests/apps/work-queue-lifetime.mjs', mode, 'exit']);
      assert.equal(signal, null, stderr);
      assert.equal(status, 0, stderr);
    });
  });
}

describe('native: WorkQueue stopping', { skip: !MODES.includes('native') && 'native mode only' }, () => {
  test('a call made while the queue stops is refused; the jobs queued before it still run', async () => {
    const { startup, shutdown, whichWorker, triple } = await importFixture(FIXTURE);
    await startup(1);
    const busy = whichWorker(50_000);
    const queued = triple(3);
    const stopped = shutdown();
    assert.equal((await rejection(triple(1))).message, 'Queue stopping');
    assert.equal(typeof await busy, 'number');
    assert.equal(await queued, 9n);
    await stopped;
  });
});
