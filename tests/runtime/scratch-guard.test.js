// Copies of arguments that Zig cannot use in place (misaligned in native
// mode, any JS memory in WebAssembly) are followed by guard bytes: a write
// past the copy is reported as an error instead of going unnoticed, and
// nothing is copied back from a call that did it.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'runtime/writes-past-a-slice';

/** A view of two u32s at an odd offset, which Zig can only get as a copy. */
function misalignedPair() {
  const buffer = new ArrayBuffer(16);
  return { bytes: new Uint8Array(buffer), view: new DataView(buffer, 1, 8) };
}

for (const mode of MODES) {
  describe(`${mode}: the guard after copied arguments`, () => {
    test('a write past the end of a copied slice is an error, and nothing is copied back', async () => {
      const { writePastEnd } = await importFixture(FIXTURE, { mode });
      const { bytes, view } = misalignedPair();
      assert.throws(() => writePastEnd(view), /memory past the end of this call's copied arguments was overwritten/);
      assert.deepEqual([...bytes], new Array(16).fill(0), 'the buffer is untouched, inside and past the view');
    });

    test('a write inside a copied slice is copied back as usual', async () => {
      const { writeInside } = await importFixture(FIXTURE, { mode });
      const { bytes, view } = misalignedPair();
      writeInside(view);
      assert.equal(view.getUint32(0, true), 7);
      assert.equal(view.getUint32(4, true), 7);
      assert.equal(bytes[0] + bytes[9] + bytes[15], 0, 'bytes outside the view stay as they were');
    });
  });
}
