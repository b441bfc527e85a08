// Functions without parameters and functions returning void.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'calls/argument-checks';

for (const mode of MODES) {
  describe(`${mode}: void results and no parameters`, () => {
    test('a void function with no parameters returns undefined after Zig ran', async () => {
      const mod = await importFixture(FIXTURE, { mode });
      const before = mod.default.calls;
      assert.equal(mod.noArguments(), undefined);
      assert.equal(mod.default.calls, before + 1);
    });

    test('a void function with a parameter returns undefined and its effect is visible', async () => {
      const mod = await importFixture(FIXTURE, { mode });
      assert.equal(mod.record(-123), undefined);
      assert.equal(mod.default.last, -123);
    });

    test('a function with no parameters returns its result', async () => {
      const mod = await importFixture(FIXTURE, { mode });
      assert.equal(mod.answer(), 42);
      assert.equal(mod.answer(), 42);
    });
  });
}
