// The fuzzing process that scripts/fuzz-boundary.mjs starts (with zigport's
// loader): imports the target module (--fixture) in one mode and runs a range of cases,
// printing a progress line every 1000 cases, each finding as it is found,
// and a summary at the end. With --trace it names every case before running
// it, so that the parent can tell which case crashed the process; with
// --describe it prints one case's arguments without running it.
import { writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { importFixture } from '../../tests/helpers/fixtures.js';
import { fuzzContext, generateCase, runCases } from './run-cases.mjs';

const { values } = parseArgs({
  options: {
    mode: { type: 'string', default: 'native' },
    seed: { type: 'string', default: '1' },
    first: { type: 'string', default: '0' },
    count: { type: 'string', default: '1000' },
    trace: { type: 'boolean', default: false },
    describe: { type: 'string' },
    fixture: { type: 'string', default: 'hostile-values-targets' },
  },
});
const mode = values.mode;
const seed = Number(values.seed);
const line = (text) => writeSync(1, `${text}\n`);

const mod = await importFixture(`runtime/${values.fixture}`, { mode });
if (values.describe !== undefined) {
  const { target, described } = generateCase(fuzzContext(mod, mode), seed, Number(values.describe));
  line(JSON.stringify({ describe: { target: target.fn, args: described } }));
} else {
  const started = performance.now();
  // FUZZ_BOUNDARY_ABORT_AT=n aborts at case n: how the parent's crash report is checked.
  const abortAt = Number(process.env.FUZZ_BOUNDARY_ABORT_AT ?? -1);
  const onCase = (index) => {
    if (values.trace) line(`case ${index}`);
    else if (index % 1000 === 0) line(`progress ${index}`);
    if (index === abortAt) process.abort();
  };
  const stats = await runCases(mod, {
    mode, seed, first: Number(values.first), count: Number(values.count), onCase, stopAfter: 50,
  });
  for (const finding of stats.findings) line(JSON.stringify({ finding }));
  const seconds = (performance.now() - started) / 1000;
  line(JSON.stringify({ done: { ...stats, findings: stats.findings.length, seconds } }));
}
