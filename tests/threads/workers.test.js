// A module imported in several worker threads at once: each thread calls
// through its own environment's arena. A native library (with its globals)
// is shared by the whole process; a WebAssembly module is instantiated per
// thread, with globals of its own.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { MODES, fixtureUrl, importFixture } from '../helpers/fixtures.js';

const WORKER_SOURCE = `
  import { parentPort, workerData } from 'node:worker_threads';
  const { mix, hit, greet } = await import(workerData.url);
  const results = [];
  for (let i = 0; i < workerData.calls; i++) results.push(mix(workerData.id * 1000 + i, 7));
  for (let i = 0; i < workerData.hits; i++) hit();
  greet(workerData.id);
  parentPort.postMessage(results);
`;

function runWorker(url, id, { calls = 2000, hits = 0 } = {}) {
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(WORKER_SOURCE)}`), {
    workerData: { url, id, calls, hits },
    stdout: true,
  });
  let printed = '';
  worker.stdout.setEncoding('utf8').on('data', (chunk) => { printed += chunk; });
  return new Promise((resolve, reject) => {
    let results;
    worker.on('message', (m) => { results = m; });
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 ? resolve({ results, printed }) : reject(new Error(`worker exited ${code}`))));
  });
}

for (const mode of MODES) {
  describe(`${mode}: a module shared by worker threads`, () => {
    const url = fixtureUrl('threads/shared-module-state', mode === 'native' ? {} : { target: mode }).href;

    test('workers calling at the same time each get their own correct results', async () => {
      const { mix } = await importFixture('threads/shared-module-state', { mode });
      const outcomes = await Promise.all([1, 2, 3].map((id) => runWorker(url, id)));
      outcomes.forEach(({ results }, w) => {
        const id = w + 1;
        assert.equal(results.length, 2000);
        for (const i of [0, 1, 999, 1999]) assert.equal(results[i], mix(id * 1000 + i, 7));
      });
    });

    test(mode === 'wasm'
      ? 'each thread has its own instance and its own Zig globals'
      : 'a Zig global is shared by every thread that loaded the module', async () => {
      const { hit, hitCount } = await importFixture('threads/shared-module-state', { mode });
      const before = hitCount();
      await Promise.all([runWorker(url, 4, { calls: 0, hits: 500 }), runWorker(url, 5, { calls: 0, hits: 500 })]);
      assert.equal(hit(), before + (mode === 'wasm' ? 1 : 1001));
    });

    test("what Zig prints in a worker reaches that worker's console", async () => {
      const { printed } = await runWorker(url, 6, { calls: 0 });
      assert.equal(printed, 'worker 6 says hello\n');
    });
  });
}
