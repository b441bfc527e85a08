// A Zig panic on a thread no call from JS is waiting on (a thread the
// module spawned, one settling a promise): there is no caller to hand the
// error to, and going on would leave that thread's promise, join() or locks
// hanging, so the process ends: the message and stack on stderr, status 70,
// whether or not the JS thread is inside a call meanwhile. Only native
// modules have threads (a WebAssembly module runs on its JS thread). A
// panic on the JS thread of a native module built without runtime safety,
// whose calls are not guarded, ends the process the same way.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES } from '../helpers/fixtures.js';
import { runFault } from '../helpers/faults.js';

const FAULT_STATUS = 70;

function run(name, argument) {
  return runFault('panic-on-zig-thread', 'native', name, argument);
}

function assertEndedByPanic({ status, signal, stderr }, message) {
  assert.equal(signal, null, stderr);
  assert.equal(status, FAULT_STATUS, stderr);
  const said = new RegExp(`zigport: Zig panicked where no call from JS can receive the error .*: ${message}\n`
    + 'zigport: the process ends with status 70; the stack of the panicking thread:\n');
  assert.match(stderr, said);
}

describe('native: a panic on a thread other than the JS thread', { skip: !MODES.includes('native') && 'native mode only' }, () => {
  test('on a thread Zig spawned and let go, after the call returned', async () => {
    const outcome = await run('panicOnThread', 3);
    assertEndedByPanic(outcome, 'worker 3 gave up');
    assert.match(outcome.stdout, /^calling\nreturned undefined\n/);
    // Its stack names the function that panicked.
    assert.match(outcome.stderr, /in explode/);
  });

  test('on a thread the JS thread is waiting for in a call', async () => {
    const outcome = await run('panicOnThreadAndJoin', 4);
    assertEndedByPanic(outcome, 'worker 4 gave up');
    assert.equal(outcome.stdout, 'calling\n');
  });

  test('on a thread that was to settle a promise', async () => {
    const outcome = await run('settleOnThread', 0);
    assertEndedByPanic(outcome, 'promise worker gave up');
    assert.doesNotMatch(outcome.stdout, /returned|threw/);
  });

  test('the same thread settling its promise without panicking', async () => {
    const { status, stdout, stderr } = await run('settleOnThread', 5);
    assert.equal(status, 0, stderr);
    assert.equal(stdout, 'calling\nreturned 5\nstill alive\nexit handler ran\n');
  });
});

for (const mode of MODES) {
  test(`${mode}: a panic in a module built without runtime safety`, async () => {
    const { status, signal, stdout, stderr } = await runFault('panic-without-safety', mode, 'explode', 1, 'ReleaseFast');
    if (mode === 'native') {
      assertEndedByPanic({ status, signal, stderr }, 'explode was asked to');
      assert.equal(stdout, 'calling\n');
    } else {
      // WebAssembly reports every panic to the host, which throws it.
      assert.equal(status, 0, stderr);
      assert.match(stdout, /^calling\nthrew ZIG_PANIC Zig panicked: explode was asked to\nstill alive\n/);
    }
  });
}
