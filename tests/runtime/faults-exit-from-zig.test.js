// std.process.exit called by Zig during a call from JS. Natively it is
// libc's exit(): the process ends there with the status Zig gave, JS's
// 'exit' handlers do not run (JS never gets control back), and what Zig
// printed that was waiting for JS's console goes to stdout/stderr first
// (js/zig/exit.zig). In WebAssembly, WASI's proc_exit ends the call only:
// it throws an Error whose code is the status, and the module keeps working.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';
import { runFault } from '../helpers/faults.js';

const FIXTURE = 'exit-from-zig';

function run(mode, name, status) {
  return runFault(FIXTURE, mode, name, status);
}

describe('native: exit() from Zig', { skip: !MODES.includes('native') && 'native mode only' }, () => {
  for (const status of [0, 7, 255]) {
    test(`ends the process with status ${status}, without JS's exit handlers`, async () => {
      const outcome = await run('native', 'exitWith', status);
      assert.equal(outcome.signal, null, outcome.stderr);
      assert.equal(outcome.status, status, outcome.stderr);
      assert.equal(outcome.stdout, 'calling\n');
    });
  }

  test('what Zig printed before exiting is not lost', async () => {
    const { status, stdout, stderr } = await run('native', 'printThenExit', 9);
    assert.equal(status, 9, stderr);
    assert.equal(stdout, 'calling\n');
    // JS will not run again to print it through console.log: it goes to
    // the descriptor Zig wrote it to.
    assert.match(stderr, /leaving with 9\n$/);
  });

  test('an exit on a thread Zig spawned still writes what the JS thread printed', async () => {
    const { status, stdout, stderr } = await runFault('exit-from-zig-thread', 'native', 'printThenExitOnThread', 4);
    assert.equal(status, 4, stderr);
    assert.equal(stdout, 'calling\n');
    assert.match(stderr, /printed on the JS thread\n$/);
  });
});

for (const mode of MODES.filter((m) => m === 'wasm')) {
  describe(`${mode}: exit() from Zig`, () => {
    test('throws an Error whose code is the status; the module keeps working', async () => {
      const { exitWith, add } = await importFixture(`faults/${FIXTURE}`, { mode });
      assert.throws(() => exitWith(7), { code: 7, message: 'Zig code called exit(7) in a WebAssembly module' });
      assert.throws(() => exitWith(0), { code: 0 });
      assert.equal(add(1, 2), 3);
    });

    test('in a process of its own, the process goes on with status 0', async () => {
      const { status, stdout, stderr } = await run(mode, 'printThenExit', 9);
      assert.equal(status, 0, stderr);
      // What Zig printed went to console.log, as every call's output does.
      const threw = 'threw 9 Zig code called exit(9) in a WebAssembly module';
      assert.equal(stdout, `calling\nleaving with 9\n${threw}\nstill alive\nexit handler ran\n`);
    });
  });
}
