// One soak run: one call kind in one mode, in a process of its own (so that
// the figures are this kind's alone). Prints one JSON line: the samples
// before any call, after the warm-up (the first 10% of the calls) and at the
// end, plus the peak seen while calls were being made.
// Usage: node --expose-gc --import zigport/register scripts/soak/child.mjs
//        <kind> <mode> <calls> <optimize>
import { pathToFileURL } from 'node:url';
import { KINDS } from './kinds.mjs';
import { sampleNow, sampleSettled } from './sample.mjs';

const [kind, mode, callsArg, optimize] = process.argv.slice(2);
const calls = Number(callsArg);
if (!globalThis.gc) throw new Error('run with node --expose-gc');
if (!KINDS[kind]) throw new RangeError(`unknown kind ${kind}`);

const url = pathToFileURL(new URL('./calls.zig', import.meta.url).pathname);
url.searchParams.set('optimize', optimize);
if (mode !== 'native') url.searchParams.set('target', mode);
const module = await import(url.href);
const run = KINDS[kind](module);

/** Calls per batch between samples of the peak. */
const BATCH = 10_000;
const warmCalls = Math.max(1, Math.floor(calls / 10));
const peak = { rss: 0, heapUsed: 0, external: 0, arrayBuffers: 0, maps: 0 };

async function runCalls(from, to) {
  for (let start = from; start < to; start += BATCH) {
    await run(start, Math.min(to, start + BATCH));
    const now = sampleNow();
    for (const key of Object.keys(peak)) peak[key] = Math.max(peak[key], now[key]);
  }
}

const base = await sampleSettled();
const started = performance.now();
await runCalls(0, warmCalls);
const warm = await sampleSettled();
await runCalls(warmCalls, calls);
const seconds = (performance.now() - started) / 1000;
const end = await sampleSettled();
console.log(JSON.stringify({ kind, mode, calls, seconds, base, warm, peak, end }));
