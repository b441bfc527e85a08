// Each function-pointer type has a fixed number of trampolines (64): a JS
// function keeps its one until Zig releases it with
// zigar.function.release() or the module is abandoned.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'callbacks/released-callbacks';

for (const mode of MODES) {
  describe(`${mode}: releasing JS functions`, () => {
    test('binding more JS functions than a type has trampolines is a RangeError until one is released', async () => {
      const { keep, callKept, release } = await importFixture(FIXTURE, { mode });
      for (let i = 0; i < 64; i++) assert.equal(keep(i, (x) => x + 1000), i + 1000);
      assert.throws(() => keep(64, (x) => x), {
        name: 'RangeError',
        message: /^keep\(args\[1\]\): all 64 JS functions that can stand in for \*const fn \(u32\) u32 are in use; release one with zigar\.function\.release\(\)/,
      });
      release(3);
      assert.equal(keep(64, (x) => x * 2), 128, 'the released trampoline serves a new function');
      assert.equal(callKept(64), 128);
      assert.equal(callKept(5), 1005, 'the others still call their functions');
      for (let i = 0; i <= 64; i++) release(i);
    });

    test('a released function gets a new trampoline when passed again', async () => {
      const { keep, callKept, release } = await importFixture(FIXTURE, { mode });
      const f = (x) => x + 7;
      assert.equal(keep(70, f), 77);
      release(70);
      assert.equal(keep(71, f), 78);
      assert.equal(callKept(71), 78);
      release(71);
    });
  });
}
