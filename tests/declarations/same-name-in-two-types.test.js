// Declarations inside types belong to their classes: two types may declare
// the same name, and only the module's own declarations are named exports.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'declarations/same-name-in-two-types';

for (const mode of MODES) {
  describe(`${mode}: declarations of the same name in two types`, () => {
    test('each type carries its own, and the module imports', async () => {
      const { Celsius, Fahrenheit } = await importFixture(FIXTURE, { mode });
      assert.equal(Celsius.offset, 0);
      assert.equal(Fahrenheit.offset, 32);
      assert.equal(Fahrenheit.unit.string, 'F');
    });

    test('declarations of types are not named exports of the module', async () => {
      const mod = await importFixture(FIXTURE, { mode });
      assert.deepEqual(Object.keys(mod).sort(), ['Celsius', 'Fahrenheit', '__zigar', 'default', 'scale']);
    });
  });
}
