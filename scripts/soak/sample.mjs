// What a soak measures of its own process: memory as process.memoryUsage()
// reports it, the number of mappings in /proc/self/maps (all, and those of
// tieable buffers' memory files) and of open file descriptors, taken once
// the garbage is collected and the finalizers that free native memory have
// run.
import { readdirSync, readFileSync } from 'node:fs';
import { setImmediate as nextTask } from 'node:timers/promises';

/** The memory file behind a tieable buffer (runtime/src/tie/memfd.rs). */
const TIE_FILE = '/memfd:zigport-tie';

/** `{ maps, tieMaps }`: mappings of this process, and of tieable buffers' files. */
export function mappingCounts() {
  const lines = readFileSync('/proc/self/maps', 'utf8').split('\n').filter(Boolean);
  return { maps: lines.length, tieMaps: lines.filter((l) => l.includes(TIE_FILE)).length };
}

/** Memory, mappings and descriptors now, without collecting first. */
export function sampleNow() {
  const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
  return { rss, heapUsed, external, arrayBuffers, ...mappingCounts(), fds: readdirSync('/proc/self/fd').length };
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
