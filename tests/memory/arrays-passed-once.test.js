// A typed array passed to Zig once, then dropped, is collected: zigport
// keeps no large array alive to learn its address for later calls. (Small
// arrays may be held, up to four, until other arrays take their place.)
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, fixtureUrl, modeOptions, runNode } from '../helpers/fixtures.js';

const FIXTURE = 'memory/arrays-passed-once';

for (const mode of MODES) {
  describe(`${mode}: arrays passed once`, () => {
    test('four 1 MiB arrays, each passed to a slice parameter once, are collected once dropped', () => {
      const { status, stdout, stderr } = runNode(['--expose-gc', '--input-type=module', '-e', PASS_ONCE_APP], {
        env: { FIXTURE_URL: fixtureUrl(FIXTURE, modeOptions(mode)).href },
      });
      assert.equal(status, 0, stderr);
      assert.deepEqual(JSON.parse(stdout), { sums: [1, 2, 3, 4], collected: 4 });
    });
  });
}

// Passes four fresh arrays once each (the first call of an array is the one
// that may keep it), drops them, and counts how many the engine collected.
const PASS_ONCE_APP = `
  const { sum } = await import(process.env.FIXTURE_URL);
  let collected = 0;
  const registry = new FinalizationRegistry(() => { collected++; });
  const passOnce = (value) => {
    const bytes = new Uint8Array(1 << 20);
    bytes[12345] = value;
    registry.register(bytes, value);
    return sum(bytes);
  };
  const sums = [1, 2, 3, 4].map(passOnce);
  for (let i = 0; i < 5 && collected < 4; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  console.log(JSON.stringify({ sums, collected }));
`;
