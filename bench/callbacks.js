// Zig calling JS functions through function pointers. On the JS thread: a
// Zig loop calling a JS function per callback, against the same function
// called from a JS loop and from a C N-API loop (natively), or from a raw
// wasm module's loop through a bare import (WebAssembly). From other
// threads: calls per second a JS function receives from Zig threads, queued
// (void) and waited on (returning a value). Usage: npm run bench (or node
// --import ../js/register.js bench/callbacks.js).
import { fileURLToPath } from 'node:url';
import { compare, median, report, reportRate } from './lib/measure.js';
import { loadCBaseline } from './lib/c-baseline.js';
import { loadWasmBaseline } from './lib/wasm-baseline.js';

const FIXTURE = './fixtures/callback-loop.zig?optimize=ReleaseFast';
const WASM_FIXTURE = './fixtures/callback-loop.zig?target=wasm&optimize=ReleaseFast';
const THREADS_FIXTURE = './fixtures/callback-threads.zig?optimize=ReleaseFast';
const PROMISE_FIXTURE = './fixtures/promise-roundtrip.zig?optimize=ReleaseFast';
const PROMISES = 2_000;
const N = 100_000;
const RUNS = 11;
const THREADS = 4;
const THREAD_RUNS = 5;
/** How long a run of calls from other threads may take before the bench gives up. */
const THREAD_TIMEOUT_MS = 30_000;

export async function callbackCalls({ scratch }) {
  await nativeLoop(scratch);
  await wasmLoop(scratch);
  await otherThreads();
  await promiseRoundTrips();
}

const add = (a, b) => a + b;

/** What `callLoop(add, n)` must return: the i32 sum of i + 1 for i < n. */
function expectedSum(n) {
  let s = 0;
  for (let i = 0; i < n; i++) s = (s + i + 1) | 0;
  return s;
}

/** Runs `callLoop(add, n)` once and throws unless every call ran. */
function check(name, callLoop) {
  const got = callLoop(add, 1000);
  if (got !== expectedSum(1000)) throw new Error(`${name}: callLoop returned ${got}, expected ${expectedSum(1000)}`);
}

function jsLoop(n) {
  let s = 0;
  for (let i = 0; i < n; i++) s = (s + add(i, 1)) | 0;
  return s;
}

async function nativeLoop(scratch) {
  const c = loadCBaseline(scratch);
  const { callLoop } = await import(FIXTURE);
  check('C', c.callLoop);
  check('zigport', callLoop);
  const t = compare({
    js: jsLoop,
    c(n) { return c.callLoop(add, n); },
    zig(n) { return callLoop(add, n); },
  }, { n: N, runs: RUNS });
  console.log(`\n## Zig -> JS callback, native (ns per callback, median of ${RUNS} runs of ${N / 1000}k callbacks)`);
  report('fn (i32, i32) i32 vs C napi_call_function', t.zig, t.c, 1.5);
  report('fn (i32, i32) i32 vs JS -> JS call', t.zig, t.js);
  report('C napi_call_function vs JS -> JS call', t.c, t.js);
}

async function wasmLoop(scratch) {
  const raw = loadWasmBaseline(scratch, 'raw-callback', { env: { callback: add } });
  const { callLoop } = await import(WASM_FIXTURE);
  check('raw wasm', (f, n) => raw.callLoop(n));
  check('zigport (wasm)', callLoop);
  const t = compare({
    js: jsLoop,
    raw(n) { return raw.callLoop(n); },
    zig(n) { return callLoop(add, n); },
  }, { n: N, runs: RUNS });
  console.log(`\n## Zig -> JS callback, WebAssembly (ns per callback, median of ${RUNS} runs of ${N / 1000}k callbacks)`);
  report('fn (i32, i32) i32 vs raw wasm import', t.zig, t.raw);
  report('fn (i32, i32) i32 vs JS -> JS call', t.zig, t.js);
  report('raw wasm import vs JS -> JS call', t.raw, t.js);
}

async function otherThreads() {
  const { notifyFromThreads, askFromThreads } = await import(THREADS_FIXTURE);
  // Calls from other threads do not keep the process alive by themselves:
  // without a timer the event loop could end while a run's promise waits.
  const timer = setInterval(() => {}, 1000);
  let queued, waited;
  try {
    queued = await throughput('notifyFromThreads', notifyFromThreads, 50_000);
    waited = await throughput('askFromThreads', askFromThreads, 5_000);
  } finally {
    clearInterval(timer);
  }
  console.log(`\n## Callbacks from ${THREADS} Zig threads, native (calls per second, median of ${THREAD_RUNS} runs)`);
  reportRate(`fn (u32) void, queued (${THREADS} x 50k calls)`, queued, 1_000_000);
  reportRate(`fn (u32) u32, waited on (${THREADS} x 5k calls)`, waited, undefined);
}

/**
 * Median calls per second JS receives when `start(fn, THREADS, each)` has
 * THREADS Zig threads call `fn(thread)` `each` times each, timed from the
 * start to the last call's arrival (after one warm-up run).
 */
async function throughput(name, start, each) {
  const total = THREADS * each;
  const perThread = new Uint32Array(THREADS);
  let count = 0;
  let arrived = () => {};
  const fn = (t) => {
    perThread[t]++;
    if (++count === total) arrived();
    return t;
  };
  const rates = [];
  for (let r = 0; r <= THREAD_RUNS; r++) {
    count = 0;
    perThread.fill(0);
    const done = new Promise((resolve) => { arrived = resolve; });
    const begin = process.hrtime.bigint();
    start(fn, THREADS, each);
    await withTimeout(done, () => `${name}: ${count} of ${total} calls arrived in ${THREAD_TIMEOUT_MS / 1000} s`);
    const seconds = Number(process.hrtime.bigint() - begin) / 1e9;
    if (perThread.some((c) => c !== each)) throw new Error(`${name}: calls per thread ${[...perThread]}, expected ${each} each`);
    if (r > 0) rates.push(total / seconds);
  }
  return median(rates);
}

/**
 * Microseconds from calling a function with a promise parameter to the
 * awaiting code running again, one promise at a time: settled during the
 * call (against awaiting an already resolved JS promise), and settled by a
 * thread started for it (against starting such a thread and awaiting a
 * JS promise).
 */
async function promiseRoundTrips() {
  const { settleNow, settleOnThread, startThread } = await import(PROMISE_FIXTURE);
  const latency = async (fn) => {
    const runs = [];
    for (let r = 0; r <= THREAD_RUNS; r++) {
      const begin = process.hrtime.bigint();
      for (let i = 0; i < PROMISES; i++) await fn(i);
      if (r > 0) runs.push(Number(process.hrtime.bigint() - begin) / 1e3 / PROMISES);
    }
    return median(runs);
  };
  if ((await settleNow(7)) !== 7 || (await settleOnThread(8)) !== 8) throw new Error('promises settled with the wrong value');
  const now = await latency((i) => settleNow(i));
  const jsNow = await latency((i) => Promise.resolve(i));
  const thread = await latency((i) => settleOnThread(i));
  const bareThread = await latency((i) => { startThread(); return Promise.resolve(i); });
  console.log(`\n## Promise round trip, native (us per promise, median of ${THREAD_RUNS} runs of ${PROMISES / 1000}k)`);
  reportMicros('settled during the call vs awaiting a resolved JS promise', now, jsNow);
  reportMicros('settled by a new thread vs starting one and awaiting', thread, bareThread);
}

function reportMicros(label, figure, baseline) {
  console.log(`${label.padEnd(58)} ${figure.toFixed(2).padStart(8)} us  vs ${baseline.toFixed(2).padStart(8)} us  = ${(figure / baseline).toFixed(2)}x`);
}

function withTimeout(promise, message) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(message())), THREAD_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await callbackCalls({ scratch: (await import('node:os')).tmpdir() });
}
