// JS code that runs while Zig uses its memory (a callback Zig calls) may
// shrink, grow or detach the buffers of the call. A resizable buffer goes to
// Zig as a fixed copy in native mode (as every buffer does in WebAssembly),
// so shrinking it cannot take pages away from under Zig; what Zig wrote is
// copied back as far as the buffer still reaches.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'runtime/hostile-values-targets';
const SIZE = 1 << 20;

/** A resizable buffer of SIZE ones and a byte view of it at offset 8. */
function resizableOnes() {
  const buffer = new ArrayBuffer(SIZE, { maxByteLength: SIZE * 2 });
  new Uint8Array(buffer).fill(1);
  return { buffer, view: new Uint8Array(buffer, 8, SIZE - 16) };
}

for (const mode of MODES) {
  describe(`${mode}: buffers changed during a call`, () => {
    test('a resizable buffer shrunk by a callback while Zig reads it', async () => {
      const { sumAround } = await importFixture(FIXTURE, { mode });
      const { buffer, view } = resizableOnes();
      assert.equal(sumAround(view, () => buffer.resize(0)), BigInt(SIZE - 16), 'Zig reads the bytes the call started with');
      assert.equal(buffer.byteLength, 0);
    });

    test('what Zig writes after a callback shrank the buffer is kept as far as the buffer reaches', async () => {
      const { fillAround } = await importFixture(FIXTURE, { mode });
      const { buffer, view } = resizableOnes();
      fillAround(view, 9, () => buffer.resize(SIZE / 2));
      const bytes = new Uint8Array(buffer);
      assert.equal(bytes.length, SIZE / 2);
      assert.equal(bytes[7], 1, 'before the view');
      assert.ok(bytes.subarray(8).every((b) => b === 9), 'the view, as far as it still reaches');
    });

    test('a resizable buffer grown by a callback keeps Zig\'s writes and its new bytes', async () => {
      const { fillAround } = await importFixture(FIXTURE, { mode });
      const { buffer, view } = resizableOnes();
      fillAround(view, 9, () => buffer.resize(SIZE * 2));
      const bytes = new Uint8Array(buffer);
      assert.deepEqual([bytes[7], bytes[8], bytes[SIZE - 9], bytes[SIZE - 8], bytes[SIZE + 5]], [1, 9, 9, 1, 0]);
    });
  });
}

describe('wasm: buffers detached during a call', () => {
  test('a buffer detached by a callback while Zig writes its copy loses the writes, not the process', async (t) => {
    if (!MODES.includes('wasm')) return t.skip('wasm mode is not being tested');
    const { fillAround } = await importFixture(FIXTURE, { mode: 'wasm' });
    const bytes = new Uint8Array(64);
    assert.equal(fillAround(bytes, 9, () => structuredClone(bytes.buffer, { transfer: [bytes.buffer] })), undefined);
    assert.equal(bytes.length, 0);
  });
});
