// Step 3 of a call plan (the twin of `marshal/src/plan/scratch.rs` at base
// 0): copied clusters go one after the other in cluster order, each at the
// first offset after the previous copy that its constraint admits. The
// host allocates the block aligned to MAX_ALIGN, so every residue that
// holds at offset 0 holds at the block's real address.

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Sets `work.placed[c]` for every cluster (its scratch offset, or -1 when
 * passed in place) and returns the scratch size, or -1 when a cluster end
 * or the scratch size passes 2^53 - 1, where doubles stop being exact and
 * the layout must be redone with BigInt (see wide.js).
 */
export function layOut(work, clusters) {
  const { start, end, copied, modulus, residue, placed } = work;
  let cursor = 0;
  for (let c = 0; c < clusters; c++) {
    if (end[c] > MAX_SAFE) return -1;
    if (!copied[c]) {
      placed[c] = -1;
      continue;
    }
    const at = cursor + ((residue[c] - cursor) & (modulus[c] - 1));
    placed[c] = at;
    cursor = at + (end[c] - start[c]);
  }
  // Each step only adds, so if any step lost precision the total did too.
  return cursor > MAX_SAFE ? -1 : cursor;
}

/** Writes the plan (layout in `work`) into `out`; returns the count written. */
export function encode(work, count, clusters, size, out) {
  const { start, end, placed, cluster, offset } = work;
  out[0] = size;
  out[1] = clusters;
  let at = 2;
  for (let c = 0; c < clusters; c++, at += 5) {
    out[at] = work.clusterBuffer[c];
    out[at + 1] = start[c];
    out[at + 2] = end[c] - start[c];
    out[at + 3] = placed[c];
    out[at + 4] = placed[c] >= 0 ? work.clusterWritable[c] : 0;
  }
  for (let i = 0; i < count; i++, at += 2) {
    const c = cluster[i];
    const inScratch = c >= 0 && placed[c] >= 0;
    out[at] = inScratch ? 1 : 0;
    // One addition of two exact integers rounds as Rust's u64-to-f64 does.
    if (inScratch) out[at + 1] = placed[c] + (offset[i] - start[c]);
    else if (c >= 0) out[at + 1] = work.reach[i] + offset[i];
    else out[at + 1] = emptyAddress(work, i);
  }
  return at;
}

/**
 * An empty target is passed where it really is when that is non-null and
 * aligned, else as its alignment (non-null, aligned, pointing at nothing).
 */
export function emptyAddress(work, i) {
  const base = work.reach[i];
  const offset = work.offset[i];
  const mask = work.align[i] - 1;
  const real = base < 0 ? 0 : base + offset;
  const aligned = base >= 0 && (((base & mask) + (offset & mask)) & mask) === 0;
  return real !== 0 && aligned ? real : work.align[i];
}
