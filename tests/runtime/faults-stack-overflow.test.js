// Unbounded recursion in Zig. Natively, a module built with runtime safety
// runs each call under a guard whose SIGSEGV handler (on an alternate
// stack) unwinds an overflow in the module's own code back to the call; in
// WebAssembly the engine's stack limit or the shadow stack's wrap below
// address 0 ends the call. Either way the call throws a RangeError naming
// the function and the module keeps working. Faults that are not stack
// overflows still go to the handler installed before the runtime's.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { MODES, fixtureUrl, importFixture, runNode } from '../helpers/fixtures.js';
import { runFault } from '../helpers/faults.js';

const FIXTURE = 'faults/stack-overflow';

function overflowError(name) {
  return { name: 'RangeError', code: 'ZIG_STACK_OVERFLOW', message: `Zig stack overflow in ${name}()` };
}

for (const mode of MODES) {
  describe(`${mode}: a stack overflow in Zig`, () => {
    test('is thrown as a RangeError naming the function', async () => {
      const { recurse, bottomless } = await importFixture(FIXTURE, { mode });
      assert.equal(recurse(1000), 124948n);
      assert.throws(() => bottomless(), overflowError('bottomless'));
      assert.equal(recurse(1000), 124948n);
    });

    test('with large frames too', async () => {
      const { recurse, bottomlessWide } = await importFixture(FIXTURE, { mode });
      assert.throws(() => bottomlessWide(0), overflowError('bottomlessWide'));
      assert.equal(recurse(10), 55n);
    });

    test('again and again, the module and the process going on', async () => {
      const { recurse, bottomless, bottomlessWide } = await importFixture(FIXTURE, { mode });
      for (let i = 0; i < 20; i++) {
        assert.throws(() => bottomless(), { code: 'ZIG_STACK_OVERFLOW' });
        assert.throws(() => bottomlessWide(i), { code: 'ZIG_STACK_OVERFLOW' });
      }
      assert.equal(recurse(1000), 124948n);
    });

    test('in a worker thread, on its own stack', async () => {
      const url = fixtureUrl(FIXTURE, mode === 'native' ? {} : { target: mode }).href;
      const source = `
        import { parentPort, workerData } from 'node:worker_threads';
        const { recurse, bottomless } = await import(workerData.url);
        const outcomes = [];
        for (let i = 0; i < 3; i++) {
          try { bottomless(); outcomes.push('returned'); } catch (err) { outcomes.push(err.message); }
        }
        parentPort.postMessage([...outcomes, String(recurse(1000))]);
      `;
      const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(source)}`), { workerData: { url } });
      const outcomes = await new Promise((resolve, reject) => {
        worker.on('message', resolve);
        worker.on('error', reject);
      });
      const message = 'Zig stack overflow in bottomless()';
      assert.deepEqual(outcomes, [message, message, message, '124948']);
    });
  });
}

describe('native: faults that are not stack overflows', { skip: !MODES.includes('native') && 'native mode only' }, () => {
  test('a write to an unmapped address still ends the process with SIGSEGV', async () => {
    const { status, signal, stdout } = await runFault('stack-overflow', 'native', 'writeTo', 8);
    assert.equal(status, null);
    assert.equal(signal, 'SIGSEGV');
    assert.match(stdout, /^calling\n$/);
  });

  // In a process of its own, so that a crash fails this test and not the
  // run. The wasm module is compiled before the overflows: on CPUs with
  // memory protection keys V8 guards that code with a key, which a handler
  // that jumped out of the signal (rather than returning) left unreadable.
  test('a WebAssembly trap after native stack overflows is still a trap', async () => {
    await importFixture(FIXTURE);
    await importFixture(FIXTURE, { mode: 'wasm' });
    const code = [
      `const wasm = await import(${JSON.stringify(fixtureUrl(FIXTURE, { target: 'wasm' }).href)});`,
      `const native = await import(${JSON.stringify(fixtureUrl(FIXTURE).href)});`,
      'for (let i = 0; i < 2; i++) {',
      '  try { native.bottomless(); } catch (err) { console.log(err.code); }',
      // Not the shadow stack: an address past the end of memory.
      '  try { wasm.writeTo(2 ** 32 - 1); } catch (err) { console.log(err.code, err.message); }',
      '}',
    ].join('\n');
    const { status, signal, stdout, stderr } = runNode(['--input-type=module', '-e', code]);
    assert.equal(signal, null, stderr);
    assert.equal(status, 0, stderr);
    const trap = 'ZIG_TRAP Zig code trapped: memory access out of bounds';
    assert.equal(stdout, `ZIG_STACK_OVERFLOW\n${trap}\n`.repeat(2));
  });
});

describe('native: a stack overflow in a module built without runtime safety', { skip: !MODES.includes('native') && 'native mode only' }, () => {
  test('ends the process with a message and status 70, as no guard can take it', async () => {
    const { status, signal, stdout, stderr } = await runFault('stack-overflow', 'native', 'recurse', 2 ** 32 - 1, 'ReleaseFast');
    assert.equal(signal, null, stderr);
    assert.equal(status, 70, stderr);
    assert.equal(stdout, 'calling\n');
    assert.match(stderr, /zigport: stack overflow in a Zig module built without runtime safety \(ReleaseFast or ReleaseSmall\)/);
    assert.match(stderr, /built with Debug or ReleaseSafe, the call throws a RangeError instead/);
  });

  test('a write to an unmapped address there is still a SIGSEGV', async () => {
    const { status, signal } = await runFault('stack-overflow', 'native', 'writeTo', 8, 'ReleaseFast');
    assert.equal(status, null);
    assert.equal(signal, 'SIGSEGV');
  });
});

describe('native: a stack overflow in code Zig called', { skip: !MODES.includes('native') && 'native mode only' }, () => {
  test('ends the process with a message and status 70, since its frames cannot be skipped', async () => {
    const { status, signal, stdout, stderr } = await runFault('stack-overflow-in-libc', 'native', 'bottomlessThroughLibc', 0);
    assert.equal(signal, null, stderr);
    assert.equal(status, 70, stderr);
    assert.equal(stdout, 'calling\n');
    assert.match(stderr, /zigport: stack overflow in code a Zig function called \(not in the Zig module itself\)/);
  });
});

describe('native: faults on a thread Zig started', { skip: !MODES.includes('native') && 'native mode only' }, () => {
  test('a stack overflow there ends the process with a message and status 70', async () => {
    const { status, signal, stdout, stderr } = await runFault('stack-overflow-on-zig-thread', 'native', 'overflowOnThread', 0);
    assert.equal(signal, null, stderr);
    assert.equal(status, 70, stderr);
    assert.equal(stdout, 'calling\n');
    assert.match(stderr, /zigport: stack overflow on a thread Zig started; no call from JS can take it, so the process ends \(status 70\)/);
  });

  test('what the JS thread printed and still held is written out before the message', async () => {
    const { status, stderr } = await runFault('stack-overflow-on-zig-thread', 'native', 'printThenOverflowOnThread', 0);
    assert.equal(status, 70, stderr);
    assert.match(stderr, /printed on the JS thread\nzigport: stack overflow on a thread Zig started/);
  });

  test('a write to an unmapped address there is still a SIGSEGV', async () => {
    const { status, signal } = await runFault('stack-overflow-on-zig-thread', 'native', 'writeOnThread', 8);
    assert.equal(status, null);
    assert.equal(signal, 'SIGSEGV');
  });

  test('a thread that ends normally returns its work', async () => {
    const { sumOnThread } = await importFixture('faults/stack-overflow-on-zig-thread');
    assert.equal(sumOnThread(100), 5050n);
    assert.equal(sumOnThread(10), 55n);
  });
});
