#!/usr/bin/env node
// Fuzzes the JS boundary: hostile JS values thrown at every parameter kind of
// zig-fixtures/runtime/hostile-values-targets.zig, in native and wasm mode
// (scripts/fuzz-boundary/ holds the generator and the oracle). The cases
// run in a child process, so that a crash or a hang is caught and reported
// with the seed and the case that caused it (found by replaying the last
// thousand cases one by one).
//
//   node scripts/fuzz-boundary.mjs --cases 1000000 --seed 1 --mode native
//
// --fixture hostile-values-direct fuzzes the same targets, less those
// taking function pointers, in a module that never calls JS: natively, its
// calls write a typed array's address into the frame themselves.
//
// Exit status: 0 when every case held, 1 on findings, 2 on a crash or hang,
// 64 on a command line it cannot use.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { listOf, scriptOptions, wholeNumber } from './lib/options.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CHILD = fileURLToPath(new URL('./fuzz-boundary/child.mjs', import.meta.url));
const REGISTER = fileURLToPath(new URL('../js/register.js', import.meta.url));
/** A child that reports nothing for this long is hung. */
const SILENCE_MS = 120_000;

const USAGE = `Usage: node scripts/fuzz-boundary.mjs [--cases N] [--seed S] [--mode native,wasm]
                                      [--fixture hostile-values-targets|hostile-values-direct]
Defaults: 100000 cases, a random seed, both modes, hostile-values-targets.`;
const values = scriptOptions(USAGE, {
  cases: { type: 'string', default: '100000' },
  seed: { type: 'string' },
  mode: { type: 'string', default: 'native,wasm' },
  fixture: { type: 'string', default: 'hostile-values-targets' },
});
const cases = wholeNumber(USAGE, 'cases', values.cases, 1);
const seed = values.seed !== undefined ? wholeNumber(USAGE, 'seed', values.seed) : (Math.random() * 2 ** 32) >>> 0;
const modes = listOf(USAGE, 'mode', values.mode, ['native', 'wasm']);
listOf(USAGE, 'fixture', values.fixture, ['hostile-values-targets', 'hostile-values-direct']);
let status = 0;
for (const mode of modes) {
  console.log(`fuzz-boundary: ${mode}, ${values.fixture}, ${cases} cases, seed ${seed}`);
  const run = await runChild({ mode, seed, first: 0, count: cases });
  for (const f of run.findings) report(mode, f);
  if (run.done) {
    const d = run.done;
    console.log(`  ${d.cases} cases in ${d.seconds.toFixed(1)} s (${Math.round(d.cases / d.seconds)} cases/s): `
      + `${d.accepted} returned, ${d.refused} refused, ${d.findings} findings, ${d.callbackReports} callback errors reported`);
    if (d.findings > 0) status = Math.max(status, 1);
    continue;
  }
  status = 2;
  const what = run.hung ? 'hung' : `died (${run.signal ?? `exit status ${run.status}`})`;
  console.log(`  the process ${what} after case ${run.last}; seed ${seed}`);
  console.log(run.stderr.split('\n').slice(-15).join('\n'));
  await pinpoint(mode, seed, run.last);
}
process.exit(status);

function report(mode, f) {
  console.log(`  FINDING (${mode}, seed ${seed}, case ${f.index}): ${f.target}: ${f.problem}`);
  for (const a of f.args) console.log(`    ${a}`);
  console.log(`    replay: node scripts/fuzz-boundary.mjs --mode ${mode} --fixture ${values.fixture} --seed ${seed} (case ${f.index})`);
}

/** Replays the cases from the last progress mark one at a time to name the one that crashes. */
async function pinpoint(mode, seed, last) {
  const first = Math.max(0, last);
  const replay = await runChild({ mode, seed, first, count: 1000, trace: true });
  if (replay.done) {
    console.log('  replaying from that point alone did not crash: the cause needs the earlier cases too');
    return;
  }
  const described = await runChild({ mode, seed, describe: replay.last });
  console.log(`  crashing case: ${replay.last}: ${JSON.stringify(described.describe)}`);
}

/**
 * Runs the child; resolves to `{ done, findings, last, signal, status,
 * hung, stderr, describe }` (`last`: the last case it reported reaching).
 */
function runChild({ mode, seed, first = 0, count = 0, trace = false, describe }) {
  const args = [
    '--import', REGISTER, CHILD, '--mode', mode, '--fixture', values.fixture,
    '--seed', String(seed), '--first', String(first), '--count', String(count),
  ];
  if (trace) args.push('--trace');
  if (describe !== undefined) args.push('--describe', String(describe));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const state = { done: null, findings: [], last: first, hung: false, stderr: '', describe: null };
    let pending = '';
    let timer = setTimeout(hang, SILENCE_MS);
    function hang() {
      state.hung = true;
      child.kill('SIGKILL');
    }
    child.stderr.setEncoding('utf8').on('data', (chunk) => { state.stderr = (state.stderr + chunk).slice(-20000); });
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      clearTimeout(timer);
      timer = setTimeout(hang, SILENCE_MS);
      const lines = (pending + chunk).split('\n');
      pending = lines.pop();
      for (const text of lines) {
        const mark = /^(?:progress|case) (\d+)$/.exec(text);
        if (mark) state.last = Number(mark[1]);
        else if (text.startsWith('{')) Object.assign(state, parseLine(text, state));
      }
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ ...state, status, signal });
    });
  });
}

function parseLine(text, state) {
  const json = JSON.parse(text);
  if (json.finding) return { findings: [...state.findings, json.finding] };
  return json;
}
