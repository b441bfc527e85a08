// Pointer arguments that overlap in one buffer are placed as a unit so that
// each is aligned, or the call fails before Zig runs.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

for (const mode of MODES) {
  describe(`${mode}: aliased pointers`, () => {
    test('overlapping misaligned pointers are placed together and copied back', async () => {
      const { set } = await importFixture('pointers/aliased-pointers', { mode });
      const buffer = new ArrayBuffer(16);
      const int32 = new DataView(buffer, 1, 4);
      const int16 = new DataView(buffer, 3, 2);
      set(int16, int32);
      assert.deepEqual([...new Uint8Array(buffer)], [0, 0x22, 0x22, 0x11, 0x11, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    });

    test('pointers that cannot both be aligned fail before Zig runs', async () => {
      const { set } = await importFixture('pointers/aliased-pointers', { mode });
      const buffer = new ArrayBuffer(16);
      const int32 = new DataView(buffer, 1, 4);
      const int16 = new DataView(buffer, 4, 2);
      assert.throws(() => set(int16, int32), {
        message: 'Unable to simultaneously align memory to 4-byte and 2-byte boundary',
      });
      assert.deepEqual([...new Uint8Array(buffer)], new Array(16).fill(0));
    });

    test('aligned pointers into one buffer are passed in place', async () => {
      const { set } = await importFixture('pointers/aliased-pointers', { mode });
      const buffer = new ArrayBuffer(16);
      set(new DataView(buffer, 8, 2), new DataView(buffer, 0, 4));
      assert.deepEqual([...new Uint8Array(buffer, 0, 10)], [0x22, 0x22, 0x22, 0x22, 0, 0, 0, 0, 0x11, 0x11]);
    });

    test('the same view passed twice is one target', async () => {
      const { set } = await importFixture('pointers/aliased-pointers', { mode });
      const buffer = new ArrayBuffer(8);
      set(new DataView(buffer, 0, 2), new DataView(buffer, 0, 4));
      assert.deepEqual([...new Uint8Array(buffer, 0, 4)], [0x11, 0x11, 0x22, 0x22]);
    });
  });
}
