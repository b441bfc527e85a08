// What the host hands the planner for one call: six numbers per memory
// range a pointer argument refers to (a *target*), `buffer, offset, len,
// align, writable, address`, and the checks they must pass before any
// arithmetic is done on them. Mirrors `runtime/src/wasm/plan.rs` (reading
// the records) and `marshal/src/plan/target.rs` (checking a target).
//
// Rust also refuses an offset plus length or a buffer address plus end that
// overflows 64 bits; neither can happen with fields of at most 2^53 - 1, so
// those checks have no twin here.

export const TARGET_FIELDS = 6;
/** Largest alignment a pointee type may ask for (one OS page). */
export const MAX_ALIGN = 4096;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Reads the records into `work` and returns the number of targets. Refuses
 * a record with a field that is not a whole number first, then the first
 * target (by index) whose alignment is not a power of two up to MAX_ALIGN,
 * in the order Rust checks them.
 */
export function readTargets(numbers, work) {
  if (numbers.length % TARGET_FIELDS !== 0) throw malformed('target list is not whole records');
  const count = numbers.length / TARGET_FIELDS;
  work.ensure(count);
  const { buffer, offset, len, align, writable, address } = work;
  let badAlign = -1;
  for (let i = 0, at = 0; i < count; i++, at += TARGET_FIELDS) {
    // A buffer id is a u32 in Rust (`as u32` keeps the low 32 bits); `>>> 0` does the same.
    buffer[i] = whole(numbers[at]) >>> 0;
    offset[i] = whole(numbers[at + 1]);
    len[i] = whole(numbers[at + 2]);
    const a = whole(numbers[at + 3]);
    align[i] = a;
    if (badAlign < 0 && (a < 1 || a > MAX_ALIGN || (a & (a - 1)) !== 0)) badAlign = i;
    writable[i] = numbers[at + 4] !== 0 ? 1 : 0;
    // Any negative address means out of reach; NaN is not negative and is refused.
    const real = numbers[at + 5];
    address[i] = real < 0 ? -1 : whole(real);
  }
  if (badAlign >= 0) {
    throw new Error(
      `cannot plan the call: pointer target #${badAlign}: alignment ${align[badAlign]} is not a power of two from 1 to ${MAX_ALIGN}`,
    );
  }
  return count;
}

/** A field that must be a whole, non-negative, exact integer. */
function whole(n) {
  // `+ 0` turns -0 into 0, as Rust's conversion to u64 does.
  if (n >= 0 && n <= MAX_SAFE && Math.floor(n) === n) return n + 0;
  throw malformed('a target field is not a whole number');
}

function malformed(why) {
  return new Error(`malformed pointer-target records (${why})`);
}
