// Zig threads calling JS functions (native: WebAssembly modules run on one
// thread). Calls from other threads are carried to the JS thread: a void
// callback whose arguments hold no pointers is queued without waiting, one
// returning a value waits for it, and one that would wait forever (the JS
// thread waits in Zig for that very thread) gets error.Deadlock instead.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { MODES, fixtureUrl, importFixture, runNode } from '../helpers/fixtures.js';

const FIXTURE = 'callbacks/callbacks-from-threads';

describe('native: callbacks from other threads', { skip: !MODES.includes('native') && 'native mode only' }, () => {
  test('10,000 calls from each of 8 threads are all delivered, each once', async () => {
    const { spray, join } = await importFixture(FIXTURE);
    const seen = new Set();
    let count = 0;
    await new Promise((resolve) => {
      spray(8, 10000, (thread, i) => {
        seen.add(thread * 100000 + i);
        if (++count === 80000) resolve();
      });
    });
    join();
    assert.equal(count, 80000);
    assert.equal(seen.size, 80000);
  });

  test('a thread waits for the result of a JS function', async () => {
    const { askLater, answered, join } = await importFixture(FIXTURE);
    let thread = null;
    await new Promise((resolve) => {
      askLater((x) => { thread = x; setImmediate(resolve); return x * 2; });
    });
    join();
    assert.equal(thread, 21);
    assert.equal(answered(), 42n);
  });

  test('a thread the JS thread waits for gets error.Deadlock rather than hanging', async () => {
    const { askAndWait } = await importFixture(FIXTURE);
    let called = false;
    assert.throws(() => askAndWait(() => { called = true; return 1; }), { message: 'Deadlock' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(called, false, 'the call it gave up on never runs');
  });

  for (const how of ['free', 'keep', 'abandon']) {
    test(`the process exits cleanly with a thread still calling JS (${how})`, () => {
      const { status, signal, stdout, stderr } = runNode(['tests/apps/callbacks-at-exit.mjs', how]);
      assert.equal(signal, null, stderr);
      assert.equal(status, 0, stderr);
      assert.match(stdout, /^called: true\n/);
      if (how === 'abandon') assert.match(stdout, /calls after abandon: 0\n$/);
    });
  }
});

const WORKER_SOURCE = `
  import { parentPort, workerData } from 'node:worker_threads';
  const { apply } = await import(workerData.url);
  const results = [];
  const combine = (a, b) => a * workerData.id + b;
  for (let i = 0; i < 500; i++) results.push(apply(combine, i, 1));
  parentPort.postMessage(results);
`;

function runWorker(url, id) {
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(WORKER_SOURCE)}`), { workerData: { url, id } });
  return new Promise((resolve, reject) => {
    let results;
    worker.on('message', (m) => { results = m; });
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 ? resolve(results) : reject(new Error(`worker exited ${code}`))));
  });
}

for (const mode of MODES) {
  test(`${mode}: worker threads that each loaded the module call their own JS functions`, async () => {
    const fixture = 'callbacks/js-functions-as-callbacks';
    const url = fixtureUrl(fixture, mode === 'native' ? {} : { target: mode }).href;
    const { apply } = await importFixture(fixture, { mode });
    const outcomes = await Promise.all([2, 3, 4].map((id) => runWorker(url, id)));
    outcomes.forEach((results, w) => {
      const id = w + 2;
      assert.equal(results.length, 500);
      for (const i of [0, 7, 499]) assert.equal(results[i], i * id + 1);
    });
    assert.equal(apply((a, b) => a - b, 5, 3), 2, 'the main thread binds its own functions meanwhile');
  });
}

test('wasm: a module that starts threads fails to build, saying WebAssembly modules are single-threaded', { skip: !MODES.includes('wasm') && 'wasm mode only' }, async () => {
  await assert.rejects(importFixture(FIXTURE, { mode: 'wasm' }), {
    name: 'ZigCompileError',
    message: /this module starts threads, and zigport builds WebAssembly modules single-threaded \(no shared memory or workers\)/,
  });
});
