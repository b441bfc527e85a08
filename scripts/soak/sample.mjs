// What a soak measures of its own process: memory as process.memoryUsage()
// reports it and the number of mappings in /proc/self/maps, taken once the
// garbage is collected and the finalizers that free native memory have run.
import { readFileSync } from 'node:fs';
import { setImmediate as nextTask } from 'node:timers/promises';

/** The number of mappings of this process (lines of /proc/self/maps). */
export function mappingCount() {
  return readFileSync('/proc/self/maps', 'utf8').split('\n').filter(Boolean).length;
}

/** Memory and mappings now, without collecting first. */
export function sampleNow() {
  const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
  return { rss, heapUsed, external, arrayBuffers, maps: mappingCount() };
}

/**
 * Collects garbage until collection frees nothing more: FinalizationRegistry
 * callbacks (and N-API finalizers) run as tasks after a collection, and what
 * they release may make more garbage, so one gc() is not enough.
 */
export async function settle() {
  let last = Infinity;
  for (let round = 0; round < 10; round++) {
    globalThis.gc();
    await nextTask();
    await nextTask();
    const { heapUsed, external } = process.memoryUsage();
    const now = heapUsed + external;
    if (round >= 3 && now >= last) break;
    last = now;
  }
}

/** Memory and mappings after settling. */
export async function sampleSettled() {
  await settle();
  return sampleNow();
}
