// One soak run: one call kind in one mode, in a process of its own (so that
// the figures are this kind's alone). Prints one JSON line: the samples
// before any call, after the warm-up (the first 10% of the calls) and at the
// end, plus the peak seen while calls were being made.
// Usage: node --expose-gc --import zigport/register scripts/soak/child.mjs
//        <kind> <mode> <calls> <optimize> [no-yield]
import { pathToFileURL } from 'node:url';
import { setImmediate as nextTask } from 'node:timers/promises';
import { addon } from '../../js/internal/runtime/addon.js';
import { KINDS } from './kinds.mjs';
import { sampleNow, sampleSettled } from './sample.mjs';

const [kind, mode, callsArg, optimize, yielding] = process.argv.slice(2);
/** Whether batches return to the event loop between them (see runCalls). */
const yieldBetween = yielding !== 'no-yield';
const calls = Number(callsArg);
if (!globalThis.gc) throw new Error('run with node --expose-gc');
if (!KINDS[kind]) throw new RangeError(`unknown kind ${kind}`);

const url = pathToFileURL(new URL('./calls.zig', import.meta.url).pathname);
url.searchParams.set('optimize', optimize);
if (mode !== 'native') url.searchParams.set('target', mode);
const module = await import(url.href);
const run = KINDS[kind](module);

/** A sample with the module's WebAssembly memory and the runtime's live ties. */
async function sample() {
  const now = await sampleSettled();
  return { ...now, wasm: module.wasmPages() * 65536, liveTies: addon.liveTies() };
}

/** Calls per batch between samples of the peak. */
const BATCH = 10_000;
const warmCalls = Math.max(1, Math.floor(calls / 10));
/** The highest of each figure seen between batches. */
const peak = {};

async function runCalls(from, to) {
  for (let start = from; start < to; start += BATCH) {
    await run(start, Math.min(to, start + BATCH));
    // Back to the event loop between batches, as a program does between
    // events: Node frees some native memory (that of collected external
    // buffers) in tasks it queues, which a loop that never yields starves
    // (what `no-yield` shows).
    if (yieldBetween) await nextTask();
    const now = sampleNow();
    for (const [key, value] of Object.entries(now)) peak[key] = Math.max(peak[key] ?? 0, value);
  }
}

/**
 * Allocates short-lived garbage until V8 has used every page of its young
 * generation (pinned in size by spawn.mjs): a kind that allocates little
 * per call would otherwise touch those pages for the first time after the
 * warm-up, and their 16 MiB would show as growth of RSS.
 */
function fillYoungGeneration() {
  let keep = null;
  for (let i = 0; i < 2_000_000; i++) keep = { i, next: keep && i % 64 ? keep : null };
  return keep;
}

fillYoungGeneration();
const base = await sample();
const started = performance.now();
await runCalls(0, warmCalls);
const warm = await sample();
await runCalls(warmCalls, calls);
const seconds = (performance.now() - started) / 1000;
const end = await sample();
console.log(JSON.stringify({ kind, mode, calls, seconds, base, warm, peak, end }));
