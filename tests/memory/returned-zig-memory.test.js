// A function that returns the same Zig memory call after call (a slice of a
// global), called in a loop that never yields: natively, each call used to
// make a new external ArrayBuffer whose bookkeeping Node frees only in a
// task after the buffer is collected, so the loop grew the process by some
// 200 bytes a call, which malloc then kept. The buffer still alive is given
// again instead. (In WebAssembly mode results are views of the module's
// memory, made by JS, which have no such cost.)
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, fixtureUrl, modeOptions, runNode } from '../helpers/fixtures.js';

const FIXTURE = 'pointers/pointer-results';

for (const mode of MODES.filter((m) => m === 'native')) {
  describe(`${mode}: Zig memory returned in a loop`, () => {
    test('200,000 calls returning a slice of a global, without yielding, leave RSS flat', () => {
      const { status, stdout, stderr } = runNode(['--expose-gc', '--input-type=module', '-e', LOOP_APP], {
        env: { FIXTURE_URL: fixtureUrl(FIXTURE, modeOptions(mode)).href },
      });
      assert.equal(status, 0, stderr);
      const { grownMiB, sum } = JSON.parse(stdout);
      assert.equal(sum, 200_000 * 10, 'every call read the table');
      // Each call made a buffer before: about 40 MiB for these calls.
      assert.ok(grownMiB < 12, `RSS grew by ${grownMiB} MiB`);
    });
  });
}

// Reads the table through 200,000 calls after a warm-up, all in one task.
const LOOP_APP = `
  const { getTable } = await import(process.env.FIXTURE_URL);
  const loop = (n) => {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const table = getTable();
      sum += table[0] + table[1] + table[2] + table[3];
    }
    return sum;
  };
  loop(20_000);
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  const before = process.memoryUsage().rss;
  const sum = loop(200_000);
  const grownMiB = Math.round((process.memoryUsage().rss - before) / 2 ** 20);
  console.log(JSON.stringify({ grownMiB, sum }));
`;
