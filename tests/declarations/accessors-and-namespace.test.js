// Functions named `get x`/`set x` are accessors, and the default export can
// be iterated and turned into a plain object.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const ACCESSORS = 'declarations/accessor-functions';
const NAMESPACE = 'declarations/namespace-values';

for (const mode of MODES) {
  describe(`${mode}: accessor functions`, () => {
    test('get and set functions are an accessor on the module', async () => {
      const { default: zig } = await importFixture(ACCESSORS, { mode });
      assert.equal(zig.total, 10);
      zig.total = 42;
      assert.equal(zig.total, 42);
      assert.equal(zig['get total'](), 42, 'the function keeps its own name');
      assert.equal(zig.doubled, 84);
    });

    test('a getter without a setter refuses writes', async () => {
      const { default: zig } = await importFixture(ACCESSORS, { mode });
      assert.throws(() => { zig.doubled = 1; }, { name: 'TypeError', message: /doubled/ });
    });

    test('methods named get/set are accessors on instances, others on the type', async () => {
      const { Temperature } = await importFixture(ACCESSORS, { mode });
      const t = new Temperature({ celsius: 100 });
      assert.equal(t.fahrenheit, 212);
      t.fahrenheit = 32;
      assert.equal(t.celsius, 0);
      assert.equal(Temperature.freezing, 0);
      assert.equal(Temperature['get fahrenheit'](t), 32);
      assert.ok(!Object.keys(t.valueOf()).includes('fahrenheit'), 'accessors are not fields');
    });
  });

  describe(`${mode}: the default export as a value`, () => {
    test('iterating it gives the name and value of every declaration but functions', async () => {
      const { default: zig, Point } = await importFixture(NAMESPACE, { mode });
      const entries = new Map(zig);
      assert.deepEqual([...entries.keys()].sort(), ['counter', 'limit', 'origin']);
      assert.equal(entries.get('counter'), 3);
      assert.ok(entries.get('origin') instanceof Point);
    });

    test('valueOf and JSON.stringify give a plain object of its values, live', async () => {
      const { default: zig, bump } = await importFixture(NAMESPACE, { mode });
      const before = zig.counter;
      bump();
      assert.deepEqual(zig.valueOf(), { counter: before + 1, limit: 2n ** 40n, origin: { x: 1, y: 2 } });
      assert.deepEqual(JSON.parse(JSON.stringify(zig)), { counter: before + 1, limit: 2 ** 40, origin: { x: 1, y: 2 } });
    });
  });
}
