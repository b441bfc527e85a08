// The call planner of the WebAssembly host, in plain JavaScript so that the
// host runs without the native addon (browsers, Deno, Bun). It is the twin
// of the Rust planner (`marshal/src/plan/`, driven by
// `runtime/src/wasm/plan.rs`) and must give exactly its output, number for
// number, and its errors, message for message; tests/unit/plan-parity.test.js
// holds the two together on a generated corpus.
//
// - target.js: reading and checking the six numbers of each target;
// - workspace.js: the typed arrays the planner reuses from call to call;
// - cluster.js: overlapping targets of a buffer merge into clusters;
// - alignment.js: the addresses at which a cluster has all members aligned;
// - scratch.js: where copied clusters go in the scratch block, and the output;
// - wide.js: the same layout in BigInt for sizes past 2^53.
import { readTargets } from './target.js';
import { buildClusters } from './cluster.js';
import { constrain, admits } from './alignment.js';
import { layOut, encode } from './scratch.js';
import { layOutWide, encodeWide } from './wide.js';
import { Workspace } from './workspace.js';

export { TARGET_FIELDS, MAX_ALIGN } from './target.js';
export const CLUSTER_FIELDS = 5;

const work = new Workspace();

/**
 * Plans one call. `targets` (a Float64Array) holds six numbers per target:
 * `buffer, offset, len, align, writable, address`, address being where wasm
 * code sees the buffer's first byte, or -1 when it cannot. Fills `out` (a
 * Float64Array of at least `2 + 7 * targets` numbers) with `scratch_size,
 * cluster_count`, five per cluster (`buffer, start, len, placed,
 * copy_back`; placed is the offset in a MAX_ALIGN-aligned scratch block, or
 * -1 in place), then two per target (`in_scratch, address`, relative to the
 * scratch block when in scratch); returns how many numbers it wrote.
 */
export function planCopies(targets, out) {
  if (!(targets instanceof Float64Array) || !(out instanceof Float64Array)) {
    throw new TypeError('planCopies takes two Float64Arrays: the targets and the array to fill');
  }
  const count = readTargets(targets, work);
  const clusters = buildClusters(work, count);
  for (let c = 0; c < clusters; c++) {
    constrain(work, c);
    // In place when the callee sees the buffer and every member is aligned there.
    const base = work.reach[work.members[work.from[c]]];
    work.copied[c] = base >= 0 && admits(work, c, base, work.start[c]) ? 0 : 1;
  }
  const size = layOut(work, clusters);
  const wide = size < 0 ? layOutWide(work, clusters) : null;
  if (out.length < 2 + clusters * CLUSTER_FIELDS + count * 2) throw new Error('plan output array too small');
  return wide ? encodeWide(work, count, clusters, wide, out) : encode(work, count, clusters, size, out);
}
