// WebAssembly mode: a scalar call against the raw wasm export; 20 calls on
// one 16 MiB buffer tied against copied (time, RSS and PSS, each in a fresh
// process); and the first call on a fresh buffer, tied against copied, by
// size. Usage: npm run bench (or node bench/wasm.js).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tieableBuffer } from '../js/index.js';
import { compare, median, report } from './lib/measure.js';
import { loadWasmBaseline } from './lib/wasm-baseline.js';

const MiB = 1 << 20;
const FIXTURE = './fixtures/page-touch.zig?target=wasm&optimize=ReleaseFast';
const SELF = fileURLToPath(import.meta.url);

export async function wasmCalls({ scratch }) {
  await scalarCall(scratch);
  repeatedCalls();
  await firstCalls();
}

async function scalarCall(scratch) {
  const raw = loadWasmBaseline(scratch);
  const { add } = await import('./fixtures/scalar-add.zig?target=wasm&optimize=ReleaseFast');
  const t = compare({
    raw(n) { const f = raw.add; let s = 0; for (let i = 0; i < n; i++) s = f(i, 1); return s; },
    zigport(n) { let s = 0; for (let i = 0; i < n; i++) s = add(i, 1); return s; },
  }, { runs: 15 });
  console.log('\n## WebAssembly scalar call (ns per call, median of 15 runs of 2M calls)');
  report('zigport add(i32, i32) vs the raw wasm export', t.zigport, t.raw, 2);
}

/** 20 calls touching one byte of a 16 MiB buffer, tied or copied, each in its own process. */
function repeatedCalls() {
  console.log('\n## 20 calls on one 16 MiB buffer, tied vs copied (median of 5 processes each)');
  const runs = (mode) => Array.from({ length: 5 }, () => child(mode));
  const tied = runs('tied');
  const copied = runs('copied');
  const pick = (list, key) => median(list.map((r) => r[key]));
  report('20 calls, tied vs copied', pick(tied, 'ms'), pick(copied, 'ms'), 0.1, 'ms');
  console.log(`  tied (first call ties):   RSS ${pick(tied, 'rss')} MiB, PSS ${pick(tied, 'pss')} MiB`);
  console.log(`  copied:                   RSS ${pick(copied, 'rss')} MiB, PSS ${pick(copied, 'pss')} MiB`);
  console.log('  (RSS counts a tied page twice, once per mapping; PSS counts it once)');
}

function child(mode) {
  const result = spawnSync(process.execPath, ['--import', '../js/register.js', SELF, mode], {
    cwd: fileURLToPath(new URL('.', import.meta.url)),
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`bench child failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

async function runChild(mode) {
  const { touch } = await import(FIXTURE);
  const bytes = new Uint8Array(mode === 'tied' ? tieableBuffer(16 * MiB) : new ArrayBuffer(16 * MiB));
  bytes.fill(1);
  // The call path is compiled first in both modes, so only the 16 MiB differ.
  for (let i = 0; i < 3; i++) touch(new Uint8Array(64));
  const start = process.hrtime.bigint();
  for (let i = 0; i < 20; i++) touch(bytes);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (bytes[0] !== 21) throw new Error('the calls did not reach the buffer');
  console.log(JSON.stringify({ ms, rss: Math.round(process.memoryUsage().rss / MiB), pss: pssMiB() }));
}

function pssMiB() {
  const line = readFileSync('/proc/self/smaps_rollup', 'utf8').split('\n').find((l) => l.startsWith('Pss:'));
  return Math.round(Number(line.split(/\s+/)[1]) / 1024);
}

/** The first call on a fresh buffer (tie + first touch of every page, or copy in) by size. */
async function firstCalls() {
  const { pageSum } = await import(FIXTURE);
  console.log('\n## First call reading every page of a fresh buffer: tie vs copy (µs, median of 7)');
  for (const size of [256 * 1024, MiB, 16 * MiB, 128 * MiB]) {
    const times = { tied: [], copied: [] };
    for (let r = 0; r < 7; r++) {
      for (const mode of ['tied', 'copied']) {
        const bytes = new Uint8Array(mode === 'tied' ? tieableBuffer(size) : new ArrayBuffer(size)).fill(1);
        const start = process.hrtime.bigint();
        pageSum(bytes);
        times[mode].push(Number(process.hrtime.bigint() - start) / 1e3);
      }
      globalThis.gc?.();
    }
    const label = size >= MiB ? `${size / MiB} MiB` : `${size / 1024} KiB`;
    report(`${label}: first call tied vs copied`, median(times.tied), median(times.copied), undefined, 'µs');
  }
}

if (process.argv[1] === SELF) {
  if (process.argv[2]) await runChild(process.argv[2]);
  else await wasmCalls({ scratch: (await import('node:os')).tmpdir() });
}
