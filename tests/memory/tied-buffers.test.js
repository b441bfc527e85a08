// Buffers from tieableBuffer(): in WebAssembly mode their pages are mapped
// into the module's memory on first use instead of copied, so Zig and JS
// share them across calls; in native mode they are ordinary memory that Zig
// reaches in place. Either way, the same calls give the same results.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { tieableBuffer } from 'zigport';
import { MODES, fixtureUrl, importFixture, modeOptions, runNode } from '../helpers/fixtures.js';

const FIXTURE = 'memory/tied-buffers';
/** The addon, for its count of live ties. */
const ADDON_URL = new URL('../../js/internal/runtime/addon.js', import.meta.url).href;

for (const mode of MODES) {
  describe(`${mode}: tied buffers`, () => {
    test('a tied buffer is the memory Zig sees, in both directions, across calls', async () => {
      const { hold, heldSum, heldWrite } = await importFixture(FIXTURE, { mode });
      const bytes = new Uint8Array(tieableBuffer(8192));
      hold(bytes);
      bytes[5] = 3;
      bytes[8000] = 4;
      assert.equal(heldSum(), 7, "Zig sees JS's writes made after the call");
      heldWrite(7, 9);
      assert.equal(bytes[7], 9, "JS sees Zig's writes made in a later call");
    });

    test('every call on a tied buffer finds it at the same address', async () => {
      const { addressOf } = await importFixture(FIXTURE, { mode });
      const bytes = new Uint8Array(tieableBuffer(3 * 4096 + 100));
      const start = addressOf(bytes);
      assert.equal(addressOf(bytes), start);
      assert.equal(addressOf(bytes.subarray(4096 + 7)), start + 4096 + 7);
      assert.equal(addressOf(bytes.subarray(3 * 4096)), start + 3 * 4096, 'the partial last page too');
    });

    test('the tie survives growth of the module memory', async () => {
      const { hold, heldSum, heldWrite, grow } = await importFixture(FIXTURE, { mode });
      const bytes = new Uint8Array(tieableBuffer(4096));
      hold(bytes);
      grow(32);
      bytes[0] = 20;
      assert.equal(heldSum(), 20);
      heldWrite(1, 30);
      assert.equal(bytes[1], 30);
    });

    test('a misaligned view of a tied buffer is copied to an aligned place and back', async () => {
      const { fillWords } = await importFixture(FIXTURE, { mode });
      const buffer = tieableBuffer(64);
      fillWords(new DataView(buffer, 1, 8), 0x01020304);
      assert.deepEqual([...new Uint8Array(buffer, 0, 10)], [0, 4, 3, 2, 1, 4, 3, 2, 1, 0]);
    });

    test('aliased pointers into a tied buffer are placed as in any buffer', async () => {
      const { set } = await importFixture(FIXTURE, { mode });
      const buffer = tieableBuffer(16);
      set(new DataView(buffer, 3, 2), new DataView(buffer, 1, 4));
      assert.deepEqual([...new Uint8Array(buffer)], [0, 0x22, 0x22, 0x11, 0x11, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
      assert.throws(() => set(new DataView(buffer, 4, 2), new DataView(buffer, 1, 4)), {
        message: 'Unable to simultaneously align memory to 4-byte and 2-byte boundary',
      });
    });

    test('with ties off, tieable buffers are copied and calls give the same results', () => {
      const { status, stdout, stderr } = runNode(['--input-type=module', '-e', COPY_APP], {
        env: { FIXTURE_URL: fixtureUrl(FIXTURE, modeOptions(mode)).href, ZIGPORT_TIES: 'off' },
      });
      assert.equal(status, 0, stderr);
      assert.deepEqual(JSON.parse(stdout), { filled: [4, 3, 2, 1], touched: 2 });
    });

    test('collected tied buffers are untied and their regions reused', () => {
      const { status, stdout, stderr } = runNode(['--expose-gc', '--input-type=module', '-e', COLLECTION_APP], {
        env: { FIXTURE_URL: fixtureUrl(FIXTURE, modeOptions(mode)).href, ADDON_URL },
      });
      assert.equal(status, 0, stderr);
      const { peak, after, grownBy } = JSON.parse(stdout);
      if (mode === 'wasm') assert.ok(peak >= 32, `ties were made (${peak})`);
      assert.equal(after, 0, 'every tie was undone');
      assert.ok(grownBy < 64, `regions were reused, memory grew by ${grownBy} MiB for 256 MiB of buffers`);
    });

    test('a worker that ends while its module holds ties leaves the process working', () => {
      const { status, stdout, stderr } = runNode(['--input-type=module', '-e', WORKER_APP], {
        env: { FIXTURE_URL: fixtureUrl(FIXTURE, modeOptions(mode)).href, ADDON_URL },
      });
      assert.equal(status, 0, stderr);
      assert.deepEqual(JSON.parse(stdout), { sums: [1, 2, 3], liveTies: 0, mainSum: 5 });
    });
  });
}

// The same calls as above on a tieable buffer, which is copied when ties are off.
const COPY_APP = `
  import { tieableBuffer } from 'zigport';
  const { fillWords, touch } = await import(process.env.FIXTURE_URL);
  const buffer = tieableBuffer(4096);
  fillWords(new DataView(buffer, 8, 4), 0x01020304);
  const bytes = new Uint8Array(buffer);
  touch(bytes.subarray(100));
  touch(bytes.subarray(100));
  console.log(JSON.stringify({ filled: [...bytes.subarray(8, 12)], touched: bytes[100] }));
`;

// 256 buffers of 1 MiB, each tied by a call and then dropped.
const COLLECTION_APP = `
  import { tieableBuffer } from 'zigport';
  const { addon } = await import(process.env.ADDON_URL);
  const { touch, addressOf } = await import(process.env.FIXTURE_URL);
  const probe = () => addressOf(new Uint8Array(1));
  let peak = 0;
  const rss = () => process.memoryUsage().rss;
  const before = rss();
  for (let round = 0; round < 8; round++) {
    for (let i = 0; i < 32; i++) touch(new Uint8Array(tieableBuffer(1 << 20)));
    peak = Math.max(peak, addon.liveTies());
    for (let i = 0; i < 4 && addon.liveTies() > 0; i++) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
  probe();
  const grownBy = Math.round((rss() - before) / 2 ** 20);
  console.log(JSON.stringify({ peak, after: addon.liveTies(), grownBy }));
`;

// Three workers each tie a buffer and end; then the main thread ties one.
const WORKER_APP = `
  import { Worker } from 'node:worker_threads';
  import { tieableBuffer } from 'zigport';
  const { addon } = await import(process.env.ADDON_URL);
  const url = process.env.FIXTURE_URL;
  const source = \`
    import { parentPort, workerData } from 'node:worker_threads';
    const { tieableBuffer } = await import(workerData.index);
    const { hold, heldSum } = await import(workerData.url);
    const bytes = new Uint8Array(tieableBuffer(1 << 20));
    bytes[0] = workerData.n;
    hold(bytes);
    parentPort.postMessage(heldSum());
  \`;
  const sums = [];
  for (const n of [1, 2, 3]) {
    const worker = new Worker(new URL('data:text/javascript,' + encodeURIComponent(source)), { workerData: { url, n, index: import.meta.resolve('zigport') } });
    sums.push(await new Promise((resolve, reject) => { worker.on('message', resolve); worker.on('error', reject); }));
    await new Promise((resolve) => worker.on('exit', resolve));
  }
  const liveTies = addon.liveTies();
  const { hold, heldSum } = await import(url);
  const bytes = new Uint8Array(tieableBuffer(4096));
  bytes[1] = 5;
  hold(bytes);
  console.log(JSON.stringify({ sums, liveTies, mainSum: heldSum() }));
`;
