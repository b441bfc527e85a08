// Where the engine refuses ArrayBuffers over foreign memory (Electron's V8
// sandbox), zigport shows Zig's memory through JS copies that the runtime
// reconciles at every call boundary. ZIGPORT_NO_EXTERNAL=1 forces that mode
// (set before the addon first runs, since the mode is decided once); these
// tests check that JS sees what it would through live views, at the points
// where it can tell: after each call, and inside callbacks.
process.env.ZIGPORT_NO_EXTERNAL = '1';

const { test, describe } = await import('node:test');
const { default: assert } = await import('node:assert/strict');
const { MODES, importFixture } = await import('../helpers/fixtures.js');
const { addon } = await import('../../js/internal/runtime/addon.js');
const { tieableBuffer } = await import('../../js/index.js');

const FIXTURE = 'memory/without-external-buffers';
const load = () => importFixture(FIXTURE, { mode: 'native' });
const fill = (slice, values) => values.forEach((v, i) => { slice[i] = v; });

// Native mode only: WebAssembly memory never needed external buffers.
describe('native: without external buffers', { skip: !MODES.includes('native') && 'native mode only' }, () => {
  test('the runtime is in the copying mode', () => {
    assert.equal(addon.externalBuffers(), false);
  });

  test('a pub var written by Zig reads anew after the call', async () => {
    const { default: zig, bump } = await load();
    const before = zig.counter;
    assert.equal(bump(), before + 1);
    assert.equal(zig.counter, before + 1);
  });

  test('a pub var written by JS is what Zig reads on the next call', async () => {
    const { default: zig, readCounter } = await load();
    zig.counter = 41;
    assert.equal(readCounter(), 41);
    zig.counter = -5;
    assert.equal(readCounter(), -5);
  });

  test('a struct variable and a pointer to it are one memory', async () => {
    const { default: zig, originPointer, originSum, moveOrigin } = await load();
    zig.origin = { x: 1, y: 2 };
    const p = originPointer();
    p.x = 10;
    // The pointer leads into the variable JS holds: one copy, both views.
    assert.equal(zig.origin.x, 10);
    assert.equal(originSum(), 12);
    moveOrigin(5);
    assert.equal(p.x, 15);
    assert.equal(zig.origin.x, 15);
    zig.origin.y = 7;
    assert.equal(originSum(), 22);
    assert.equal(p.y, 7);
  });

  test('a returned slice shows what Zig changes, and Zig sees what JS writes', async () => {
    const { samplesSlice, samplesTotal, scaleSamples } = await load();
    const all = samplesSlice();
    fill(all, [1, 2, 3, 4, 5, 6, 7, 8]);
    assert.equal(samplesTotal(), 36);
    scaleSamples(2);
    assert.deepEqual([...all], [2, 4, 6, 8, 10, 12, 14, 16]);
    all[7] = 100;
    assert.equal(samplesTotal(), 2 + 4 + 6 + 8 + 10 + 12 + 14 + 100);
  });

  test('a slice inside memory JS already views aliases it, as a live view would', async () => {
    const { samplesSlice, samplesMiddle, samplesTotal } = await load();
    const all = samplesSlice();
    const middle = samplesMiddle();
    fill(all, [1, 2, 3, 4, 5, 6, 7, 8]);
    assert.deepEqual([...middle], [3, 4, 5, 6]);
    middle[0] = 30;
    assert.equal(all[2], 30);
    all[0] = 20;
    middle[1] = 40;
    assert.equal(samplesTotal(), 20 + 2 + 30 + 40 + 5 + 6 + 7 + 8);
  });

  test('memory Zig allocated is readable, writable and goes back to Zig as its own', async () => {
    const { makeBuffer, bufferTotal, freeBuffer } = await load();
    const buffer = makeBuffer(100);
    assert.equal(buffer.length, 100);
    assert.equal(buffer[99], 99);
    buffer[0] = 200;
    assert.equal(bufferTotal(buffer), 4950 + 200);
    // page_allocator.free unmaps the pages: only Zig's own address works.
    freeBuffer(buffer);
  });

  test('a callback sees the variable as Zig left it, and Zig sees what the callback wrote', async () => {
    const { default: zig, aroundCallback } = await load();
    let seen;
    const result = aroundCallback(() => {
      seen = zig.counter;
      zig.counter = 7;
    });
    assert.equal(seen, 100);
    assert.equal(result, 7);
    assert.equal(zig.counter, 7);
  });

  test('copies made and dropped by the thousand do not disturb later calls', async () => {
    const { samplesSlice, samplesTotal } = await load();
    for (let i = 0; i < 1000; i++) samplesSlice();
    fill(samplesSlice(), [1, 1, 1, 1, 1, 1, 1, 1]);
    assert.equal(samplesTotal(), 8);
  });

  test('tieableBuffer gives an ordinary zeroed buffer', () => {
    const buffer = tieableBuffer(4096);
    assert.ok(buffer instanceof ArrayBuffer);
    assert.deepEqual([...new Uint8Array(buffer, 0, 8)], [0, 0, 0, 0, 0, 0, 0, 0]);
  });
});
