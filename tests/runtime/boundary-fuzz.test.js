// A short fixed-seed run of the boundary fuzzer (scripts/fuzz-boundary.mjs,
// whose long runs are reported separately), so that the generator and its
// oracle keep working as zigport changes: every case returns what the model
// says or is refused with an error naming the argument, and no canary
// around the buffers passed changes.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';
import { runCases } from '../../scripts/fuzz-boundary/run-cases.mjs';

const SEED = 20261130;
const CASES = 2000;

/** Runs the fixed cases against fixture `fixture` in `mode`. */
async function fuzz(fixture, mode) {
  const mod = await importFixture(fixture, { mode });
  const stats = await runCases(mod, { mode, seed: SEED, count: CASES });
  assert.deepEqual(stats.findings, []);
  assert.equal(stats.cases, CASES);
  // Both outcomes are exercised, or the oracle checks little.
  assert.ok(stats.refused > CASES / 5 && stats.accepted > CASES / 5, `${stats.refused} refused, ${stats.accepted} returned`);
}

for (const mode of MODES) {
  describe(`${mode}: boundary fuzzing`, () => {
    test(`${CASES} cases of seed ${SEED} hold`, () => fuzz('runtime/hostile-values-targets', mode));

    // Natively, calls there write a typed array's address into their frames themselves.
    test(`${CASES} cases of seed ${SEED} hold in a module that never calls JS`, () => fuzz('runtime/hostile-values-direct', mode));
  });
}
