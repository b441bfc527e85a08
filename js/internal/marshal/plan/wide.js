// The scratch layout and encoding of scratch.js again, in BigInt, for the
// rare plan whose cluster ends or scratch size pass 2^53 - 1: Rust computes
// those in u64 and rounds only when it writes a number out, so exact
// integers are needed to round the same way. Also where a layout can
// overflow 64 bits, which Rust refuses.

import { emptyAddress } from './scratch.js';

const U64_MAX = (1n << 64n) - 1n;

/** The layout in BigInt: `{ size, ends, placed }`, `placed[c]` null when in place. */
export function layOutWide(work, clusters) {
  const ends = [];
  const placed = [];
  let cursor = 0n;
  for (let c = 0; c < clusters; c++) {
    const start = BigInt(work.start[c]);
    let end = start;
    for (let k = work.from[c]; k < work.to[c]; k++) {
      const i = work.members[k];
      const member = BigInt(work.offset[i]) + BigInt(work.len[i]);
      if (member > end) end = member;
    }
    ends.push(end);
    if (!work.copied[c]) {
      placed.push(null);
      continue;
    }
    const mask = BigInt(work.modulus[c]) - 1n;
    const at = cursor + ((BigInt(work.residue[c]) - cursor) & mask);
    cursor = at + (end - start);
    if (at > U64_MAX || cursor > U64_MAX) {
      throw new Error('cannot plan the call: scratch memory at 0x0 cannot hold the copies this call needs');
    }
    placed.push(at);
  }
  return { size: cursor, ends, placed };
}

/** Writes the plan with the layout `wide` into `out`; returns the count written. */
export function encodeWide(work, count, clusters, wide, out) {
  out[0] = Number(wide.size);
  out[1] = clusters;
  let at = 2;
  for (let c = 0; c < clusters; c++, at += 5) {
    const placed = wide.placed[c];
    out[at] = work.clusterBuffer[c];
    out[at + 1] = work.start[c];
    out[at + 2] = Number(wide.ends[c] - BigInt(work.start[c]));
    out[at + 3] = placed === null ? -1 : Number(placed);
    out[at + 4] = placed === null ? 0 : work.clusterWritable[c];
  }
  for (let i = 0; i < count; i++, at += 2) {
    const c = work.cluster[i];
    const placed = c >= 0 ? wide.placed[c] : null;
    out[at] = placed === null ? 0 : 1;
    if (placed !== null) out[at + 1] = Number(placed + BigInt(work.offset[i]) - BigInt(work.start[c]));
    else if (c >= 0) out[at + 1] = work.reach[i] + work.offset[i];
    else out[at + 1] = emptyAddress(work, i);
  }
  return at;
}
