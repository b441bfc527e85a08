// Soak: makes many calls of each call kind (scalar, pointer, struct by value
// and by pointer, allocating, returning Zig memory, callback, promise,
// pointer calls on tied buffers, and natively a promise settled by another
// thread) in each mode, each kind in a process of its own, and checks that
// the process does not grow: after a warm-up (the first 10% of the calls)
// RSS and V8 heap may grow by at most 5%, external memory must come back
// once the calls' objects are collected, and the number of mappings must
// not grow (report.mjs has the exact bounds). Prints a table; exits 1 if a
// goal fails.
//
// Usage: USAGE below (or --help). Defaults: 10^6 calls, every kind, native
// and wasm, ReleaseFast. Calls are made in batches of 10,000 with a return
// to the event loop between them, as a program has between events;
// --no-yield makes them all in one go (except the promise kinds, which
// await their promises).
import { listOf, scriptOptions, wholeNumber } from './lib/options.mjs';
import { KINDS, NATIVE_ONLY } from './soak/kinds.mjs';
import { runKind } from './soak/spawn.mjs';
import { verdicts, printTable } from './soak/report.mjs';

const USAGE = `Usage: node scripts/soak.mjs [--calls N] [--kind k[,k...]] [--mode m[,m...]]
                             [--optimize Debug|ReleaseSafe|ReleaseFast|ReleaseSmall] [--no-yield]
kinds: ${Object.keys(KINDS).join(', ')}; modes: native, wasm
Exit status: 0 when every run met every goal, 1 when one failed, 64 on a command line it cannot use.`;
const values = scriptOptions(USAGE, {
  calls: { type: 'string', default: '1000000' },
  kind: { type: 'string', default: Object.keys(KINDS).join(',') },
  mode: { type: 'string', default: 'native,wasm' },
  optimize: { type: 'string', default: 'ReleaseFast' },
  'no-yield': { type: 'boolean', default: false },
});
const calls = wholeNumber(USAGE, 'calls', values.calls, 10);
const kinds = listOf(USAGE, 'kind', values.kind, Object.keys(KINDS));
const modes = listOf(USAGE, 'mode', values.mode, ['native', 'wasm']);
listOf(USAGE, 'optimize', values.optimize, ['Debug', 'ReleaseSafe', 'ReleaseFast', 'ReleaseSmall']);

const rows = [];
for (const mode of modes) {
  for (const kind of kinds) {
    if (mode !== 'native' && NATIVE_ONLY.has(kind)) continue;
    const result = await runKind({ kind, mode, calls, optimize: values.optimize, yieldBetween: !values['no-yield'] });
    const row = { ...result, checks: result.error ? null : verdicts(result) };
    rows.push(row);
    printTable([row], { header: rows.length === 1 });
  }
}
console.log(`
RSS: after warm-up -> end; heap: V8 heap used at the end; JS ext: external memory without
wasm memory at the end, and the peak of all external memory during the calls; wasm: module
memory after warm-up -> end; maps: /proc/self/maps lines; tie maps,fds: peak -> end mappings
of tieable buffers' files, open descriptors after warm-up -> end; ties: live ties at the end.
Growth and counts are from the sample after warm-up (10% of the calls) to the end, both
after gc; '!' marks a figure that fails its goal (scripts/soak/report.mjs).`);
const failed = rows.filter((r) => r.error || Object.values(r.checks).some((c) => !c.ok));
console.log(failed.length ? `\n${failed.length} of ${rows.length} runs failed a goal` : `\nall ${rows.length} runs met every goal`);
process.exitCode = failed.length ? 1 : 0;
