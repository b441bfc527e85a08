// `pub var` scalars live in Zig's memory: the default export reads and writes
// them in place, so JS and Zig always see the same value.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'declarations/module-variables';

for (const mode of MODES) {
  describe(`${mode}: module variables`, () => {
    test('initial values read through the default export, typed like results', async () => {
      const { default: zig } = await importFixture(FIXTURE, { mode });
      assert.equal(zig.small, -5);
      assert.equal(zig.wide, -(2n ** 40n));
      assert.equal(zig.huge, 2n ** 100n);
      assert.equal(zig.size, 10);
      assert.equal(zig.ratio, 0.5);
      assert.equal(zig.half, 1.5);
      assert.equal(zig.precise, 0.25);
      assert.equal(zig.enabled, true);
      assert.equal(zig.odd, 3);
    });

    test('a write through the default export is seen by a Zig getter', async () => {
      const mod = await importFixture(FIXTURE, { mode });
      mod.default.counter = 9;
      assert.equal(mod.getCounter(), 9);
      assert.equal(mod.default.counter, 9);
    });

    test("a Zig setter's change is seen by JS", async () => {
      const mod = await importFixture(FIXTURE, { mode });
      mod.setCounter(41);
      assert.equal(mod.default.counter, 41);
      assert.equal(mod.bumpCounter(), 42);
      assert.equal(mod.default.counter, 42);
      mod.setHuge(2n ** 128n - 1n);
      assert.equal(mod.default.huge, 2n ** 128n - 1n);
    });

    test('writes of every scalar type reach Zig', async () => {
      const mod = await importFixture(FIXTURE, { mode });
      const zig = mod.default;
      zig.small = -128;
      assert.equal(mod.getSmall(), -128);
      zig.wide = 2n ** 63n - 1n;
      assert.equal(mod.getWide(), 2n ** 63n - 1n);
      zig.wide = -3; // a number is accepted for a 64-bit variable
      assert.equal(mod.getWide(), -3n);
      zig.huge = 0n;
      assert.equal(mod.getHuge(), 0n);
      zig.ratio = -0.1;
      assert.equal(mod.getRatio(), -0.1);
      zig.enabled = false;
      assert.equal(mod.isEnabled(), false);
      zig.odd = 127;
      assert.equal(mod.getOdd(), 127);
      if (mode === 'wasm') {
        // usize is 32 bits in WebAssembly.
        zig.size = 2 ** 32 - 1;
        assert.equal(zig.size, 2 ** 32 - 1);
      } else {
        zig.size = 2 ** 53 + 2;
        assert.equal(zig.size, 2n ** 53n + 2n);
      }
    });

    test('a float variable is stored at its own precision', async () => {
      const mod = await importFixture(FIXTURE, { mode });
      mod.default.half = 1 / 3;
      assert.equal(mod.getHalf(), 0.333251953125);
      assert.equal(mod.default.half, 0.333251953125);
      mod.default.precise = 0.1;
      assert.equal(mod.preciseIs(0.1), true);
      assert.equal(mod.preciseIs(0.2), false);
      mod.addThirdToPrecise();
      assert.equal(mod.default.precise, 0.1 + 1 / 3);
    });

    test('an out-of-range write throws RangeError and leaves the variable unchanged', async () => {
      const mod = await importFixture(FIXTURE, { mode });
      const zig = mod.default;
      mod.setCounter(5);
      for (const v of [-1, 2 ** 32, 2n ** 32n]) {
        assert.throws(() => { zig.counter = v; }, { name: 'RangeError', message: /^counter: / });
      }
      assert.equal(mod.getCounter(), 5);
      zig.small = 1;
      assert.throws(() => { zig.small = 128; }, { name: 'RangeError', message: /^small: / });
      assert.equal(mod.getSmall(), 1);
      zig.odd = 1;
      assert.throws(() => { zig.odd = 128; }, { name: 'RangeError', message: /^odd: / });
      assert.equal(mod.getOdd(), 1);
      mod.setHuge(7);
      assert.throws(() => { zig.huge = -1n; }, { name: 'RangeError', message: /^huge: / });
      assert.equal(mod.getHuge(), 7n);
      zig.size = 3;
      assert.throws(() => { zig.size = -1; }, { name: 'RangeError', message: /^size: / });
      assert.equal(zig.size, 3);
    });

    test('a non-integer write to an integer variable throws RangeError and changes nothing', async () => {
      const mod = await importFixture(FIXTURE, { mode });
      mod.setCounter(6);
      for (const v of [1.5, NaN, Infinity]) {
        assert.throws(() => { mod.default.counter = v; }, { name: 'RangeError', message: /^counter: / });
      }
      assert.equal(mod.getCounter(), 6);
    });

    test('a write of the wrong JS type throws TypeError and changes nothing', async () => {
      const mod = await importFixture(FIXTURE, { mode });
      const zig = mod.default;
      mod.setCounter(8);
      zig.enabled = true;
      zig.ratio = 2;
      assert.throws(() => { zig.counter = '3'; }, { name: 'TypeError', message: /^counter: / });
      assert.throws(() => { zig.counter = undefined; }, { name: 'TypeError', message: /^counter: / });
      assert.throws(() => { zig.enabled = 0; }, { name: 'TypeError', message: /^enabled: / });
      assert.throws(() => { zig.ratio = 'x'; }, { name: 'TypeError', message: /^ratio: / });
      assert.throws(() => { zig.huge = null; }, { name: 'TypeError', message: /^huge: / });
      assert.equal(mod.getCounter(), 8);
      assert.equal(mod.isEnabled(), true);
      assert.equal(mod.getRatio(), 2);
    });

    test('variables are reached through the default export, not as named exports', async () => {
      const mod = await importFixture(FIXTURE, { mode });
      assert.equal('counter' in mod, false);
      assert.ok(Object.keys(mod.default).includes('counter'));
    });

    test('the default export does not take new properties', async () => {
      const { default: zig } = await importFixture(FIXTURE, { mode });
      assert.throws(() => { zig.notInZig = 1; }, TypeError);
      assert.equal('notInZig' in zig, false);
    });
  });
}
