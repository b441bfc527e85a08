// A Zig panic during a call (in a module built with runtime safety) is
// thrown as an Error with code ZIG_PANIC, and the process goes on.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'calls/panicking-functions';

for (const mode of MODES) {
  describe(`${mode}: panics`, () => {
    for (const optimize of ['Debug', 'ReleaseSafe']) {
      test(`integer overflow in ${optimize} is thrown as ZIG_PANIC`, async () => {
        const { addBytes } = await importFixture(FIXTURE, { mode, optimize });
        assert.throws(() => addBytes(200, 100), { code: 'ZIG_PANIC', message: 'Zig panicked: integer overflow' });
        assert.equal(addBytes(1, 2), 3);
      });
    }

    test('an explicit @panic carries its message', async () => {
      const { explode } = await importFixture(FIXTURE, { mode });
      assert.throws(() => explode(1), { code: 'ZIG_PANIC', message: 'Zig panicked: explode was asked to' });
      assert.equal(explode(0), 1);
    });

    test('a panic in a pointer call keeps what Zig wrote before it', async () => {
      const { writeThenIndex } = await importFixture(FIXTURE, { mode });
      const bytes = new Uint8Array(4);
      assert.throws(() => writeThenIndex(bytes, 10), { code: 'ZIG_PANIC', message: /index out of bounds/ });
      assert.equal(bytes[0], 42);
      const misaligned = new DataView(new ArrayBuffer(5), 1, 4);
      assert.throws(() => writeThenIndex(misaligned, 10), { code: 'ZIG_PANIC' });
      assert.equal(misaligned.getUint8(0), 42);
    });

    test('unwrapping null panics instead of crashing', async () => {
      const { unwrapNull } = await importFixture(FIXTURE, { mode });
      assert.throws(() => unwrapNull(null), { code: 'ZIG_PANIC', message: /null/ });
      assert.equal(unwrapNull(5), 5);
    });

    test('many panics in a row leave the process working', async () => {
      const { explode } = await importFixture(FIXTURE, { mode });
      for (let i = 0; i < 1000; i++) assert.throws(() => explode(1), { code: 'ZIG_PANIC' });
      assert.equal(explode(0), 1);
    });
  });
}
