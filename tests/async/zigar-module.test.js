// The zigar module's switches that need no JS values: thread.use/end,
// io.redirect and releasing a Zig function, and the helper types.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'async/zigar-module';

for (const mode of MODES) {
  describe(`${mode}: the zigar module`, () => {
    test('thread.use() and end() nest on the JS thread', async () => {
      const { useThreads } = await importFixture(FIXTURE, { mode });
      assert.equal(useThreads(), undefined);
    });

    test(mode === 'native'
      ? "io.redirect() of the module's own function succeeds: its output reaches the console already"
      : 'io.redirect() is not supported in WebAssembly', async () => {
      const { redirectOwn } = await importFixture(FIXTURE, { mode });
      if (mode === 'native') assert.equal(redirectOwn(), undefined);
      else assert.throws(() => redirectOwn(), { message: 'No support' });
    });

    test('function.release() of a pointer to a Zig function does nothing', async () => {
      const { releaseZigFunction } = await importFixture(FIXTURE, { mode });
      assert.equal(releaseZigFunction(), undefined);
    });

    test('PromiseOf and PromiseArgOf name the promise types of functions', async () => {
      const { promiseTypes } = await importFixture(FIXTURE, { mode });
      assert.equal(promiseTypes(), true);
    });
  });
}
