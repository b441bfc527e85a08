// `__zigar.set('env', variables)`: a WebAssembly module reads the variables
// set (values stringified) through WASI; a native one reads the process's
// environment, so setting another is refused there. Bad arguments are refused.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';
import { captureConsole } from '../helpers/capture-console.js';

for (const mode of MODES) {
  describe(`${mode}: __zigar.set()`, () => {
    let zig;
    before(async () => {
      zig = await importFixture('console/reads-environment', { mode });
    });

    if (mode === 'wasm') {
      test('Zig sees the variables set, values stringified', async () => {
        zig.__zigar.set('env', { GREETING: 'hello', COUNT: 3 });
        const lines = await captureConsole(() => {
          zig.printVariable('GREETING');
          zig.printVariable('COUNT');
          zig.printVariable('HOME');
        });
        assert.deepEqual(lines, ['GREETING=hello', 'COUNT=3', 'HOME is unset']);
        assert.equal(zig.variableCount(), 2);
      });

      test('null empties the environment', async () => {
        zig.__zigar.set('env', { A: 1 });
        zig.__zigar.set('env', null);
        assert.equal(zig.variableCount(), 0);
      });
    } else {
      test('Zig sees the process environment, and another one is refused', async () => {
        process.env.ZIGPORT_TEST_VARIABLE = 'from node';
        const lines = await captureConsole(() => zig.printVariable('ZIGPORT_TEST_VARIABLE'));
        assert.deepEqual(lines, ['ZIGPORT_TEST_VARIABLE=from node']);
        assert.throws(() => zig.__zigar.set('env', { A: '1' }), { name: 'Error', message: /set process.env instead/ });
        assert.equal(zig.__zigar.set('env', null), undefined);
      });
    }

    test('a value that is not an object is refused', () => {
      assert.throws(() => zig.__zigar.set('env', 'A=1'), { name: 'TypeError', message: 'Expected an object, received "A=1"' });
      assert.throws(() => zig.__zigar.set('env', undefined), { name: 'TypeError', message: 'Expected an object, received undefined' });
    });

    test('an unknown object name is refused', () => {
      assert.throws(() => zig.__zigar.set('path', {}), { name: 'Error', message: 'Unknown object: path' });
    });
  });
}
