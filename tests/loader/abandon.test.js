// `__zigar.abandon()`: variables move into JS memory with their last values,
// and every way into the module's Zig code throws "Module was abandoned".
// The fixture is abandoned by the first test, so the tests run in order.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const ABANDONED = { name: 'Error', message: 'Module was abandoned' };

for (const mode of MODES) {
  describe(`${mode}: __zigar.abandon()`, () => {
    let zig;
    let operation;
    before(async () => {
      zig = await importFixture('loader/abandoned-module', { mode });
      // Read before abandoning: a function pointer taken from the module earlier.
      operation = zig.default.operation;
      assert.equal(zig.addToTotal(2), 7);
      zig.default.counter.bump();
      zig.default.ratios[1] = 9.5;
      zig.__zigar.abandon();
    });

    test('a scalar variable keeps its last value and stays writable', () => {
      assert.equal(zig.default.total, 7);
      zig.default.total = 40;
      assert.equal(zig.default.total, 40);
    });

    test('a struct or array variable keeps its last value, in the same object', () => {
      const { counter, ratios } = zig.default;
      assert.equal(counter.count, 11);
      assert.deepEqual([...ratios], [0.5, 9.5, 2.5]);
      counter.count = 3;
      assert.equal(zig.default.counter.count, 3);
    });

    test('a variable holding a pointer still reads what it points at', () => {
      assert.equal(zig.default.greeting.string, 'hello');
    });

    test('an exported function throws', () => {
      assert.throws(() => zig.addToTotal(1), ABANDONED);
      assert.throws(() => zig.default.addToTotal(1), ABANDONED);
    });

    test('a method throws', () => {
      assert.throws(() => zig.default.counter.bump(), ABANDONED);
      assert.throws(() => zig.Counter.bump(zig.default.counter), ABANDONED);
    });

    test('a function pointer read from the module throws', () => {
      assert.throws(() => operation(4), ABANDONED);
      assert.throws(() => zig.default.operation(4), ABANDONED);
    });

    test('an accessor throws', () => {
      assert.throws(() => zig.default.doubledTotal, ABANDONED);
    });

    test('abandoning again does nothing', () => {
      const before = zig.default.total;
      assert.equal(zig.__zigar.abandon(), undefined);
      assert.equal(zig.default.total, before);
      assert.throws(() => zig.addToTotal(1), ABANDONED);
    });
  });
}
