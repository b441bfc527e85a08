// Step 2 of a call plan (the twin of `marshal/src/plan/alignment.rs`): where
// a cluster may sit so that every member is aligned. With `m` the member of
// largest alignment, the cluster's address A needs A = -o_m (mod a_m), and
// that suffices exactly when (o_m - o_j) mod a_j = 0 for every member j.
//
// Residues use `&`, which works on the low 32 bits of a number's integer
// value (wrapping, two's complement): every alignment divides 2^32, so this
// is exact for any integer up to 2^53, negative ones included.

/**
 * Sets `work.modulus[c]` and `work.residue[c]` for cluster `c`, or throws
 * the alignment conflict the native planner reports.
 */
export function constrain(work, c) {
  const { members, offset, align } = work;
  const from = work.from[c];
  const to = work.to[c];
  // The member with the largest alignment, the first such by offset.
  let strictest = members[from];
  for (let k = from + 1; k < to; k++) {
    if (align[members[k]] > align[strictest]) strictest = members[k];
  }
  const modulus = align[strictest];
  const start = work.start[c];
  const om = offset[strictest] - start;
  for (let k = from; k < to; k++) {
    const j = members[k];
    if (((om - (offset[j] - start)) & (align[j] - 1)) !== 0) {
      throw new Error(`Unable to simultaneously align memory to ${modulus}-byte and ${align[j]}-byte boundary`);
    }
  }
  work.modulus[c] = modulus;
  work.residue[c] = -om & (modulus - 1);
}

/** Whether cluster `c` placed at `base + at` has every member aligned (both addends exact integers). */
export function admits(work, c, base, at) {
  const mask = work.modulus[c] - 1;
  // Summing the low bits keeps this exact even where base + at passes 2^53.
  return (((base & mask) + (at & mask)) & mask) === work.residue[c];
}
