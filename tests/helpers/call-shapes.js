// Call shapes for the call planner's tests: the six-number target records
// (`buffer, offset, len, align, writable, address`) the WebAssembly host
// hands `planCopies`, generated from a seed so that a failure can be
// replayed, plus hand-picked edge cases and malformed records.
import { seededRandom } from './seeded-random.js';

const TARGET_FIELDS = 6;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** `count` generated shapes, each `{ seed, records }` (records a Float64Array). */
export function* callShapes(count, seed = 1) {
  const random = seededRandom(seed);
  for (let k = 0; k < count; k++) yield { seed: `${seed}#${k}`, records: shape(random) };
}

/** One call: 1-8 targets over 1-4 buffers, some in reach, some overlapping. */
function shape(random) {
  const int = (n) => Math.floor(random() * n);
  const buffers = Array.from({ length: 1 + int(4) }, (_, b) => ({
    // Mostly ids 0..3; sometimes a sparse id, as the host never sends but may.
    id: random() < 0.05 ? 4 + int(60) : b,
    address: reach(random, int),
  }));
  const targets = [];
  const count = 1 + int(8);
  for (let i = 0; i < count; i++) {
    const buffer = buffers[int(buffers.length)];
    const align = 2 ** int(7);
    const { offset, len } = range(targets.filter((t) => t.buffer === buffer.id), random, int, align);
    // Now and then a record gives its buffer another address: the last one counts.
    const address = random() < 0.05 ? reach(random, int) : buffer.address;
    targets.push({ buffer: buffer.id, offset, len, align, writable: random() < 0.5 ? 1 : 0, address });
  }
  return toRecords(targets);
}

/** Where wasm code sees a buffer: out of reach, at 0 (its own memory), aligned, or anywhere. */
function reach(random, int) {
  const r = random();
  if (r < 0.35) return -1;
  if (r < 0.45) return 0;
  if (r < 0.7) return 64 * (1 + int(4096));
  if (r < 0.75) return 2 ** 32 - 1 - int(4096);
  return 1 + int(1 << 20);
}

/** A target's bytes: fresh, overlapping, nested in or touching an earlier target of the buffer. */
function range(earlier, random, int, align) {
  const len = random() < 0.1 ? 0 : 1 + int(16);
  const pick = earlier.length > 0 ? earlier[int(earlier.length)] : null;
  const style = random();
  if (pick && style < 0.3) return { offset: pick.offset + int(pick.len + 1), len };
  if (pick && style < 0.45) {
    const offset = pick.offset + int(pick.len + 1);
    return { offset, len: int(pick.offset + pick.len - offset + 1) };
  }
  if (pick && style < 0.55) return { offset: pick.offset + pick.len, len };
  // Half the fresh targets sit at a multiple of their alignment, so that not every overlap conflicts.
  const offset = int(64);
  return { offset: random() < 0.5 ? offset - (offset % align) : offset, len };
}

export function toRecords(targets) {
  const records = new Float64Array(targets.length * TARGET_FIELDS);
  targets.forEach((t, i) => {
    records.set([t.buffer, t.offset, t.len, t.align, t.writable, t.address], i * TARGET_FIELDS);
  });
  return records;
}

/** `buffer, offset, len, align, writable, address` as one target. */
const t = (buffer, offset, len, align, writable, address) => ({ buffer, offset, len, align, writable, address });

/** Shapes picked by hand: the documented cases and the corners of the number range. */
export const EDGE_CASES = [
  ['no targets', []],
  ['overlapping i32 and i16 out of reach', [t(0, 1, 4, 4, 1, -1), t(0, 3, 2, 2, 1, -1)]],
  ['i32 and i16 an odd distance apart', [t(0, 1, 4, 4, 1, -1), t(0, 4, 2, 2, 1, -1)]],
  ['equal alignments that conflict', [t(0, 0, 4, 4, 1, -1), t(0, 2, 4, 4, 0, -1)]],
  ['aligned target in reach', [t(0, 8, 4, 4, 1, 65536)]],
  ['misaligned target in reach', [t(0, 1, 4, 4, 1, 65536)]],
  ['target in own memory at 0', [t(0, 0, 8, 8, 1, 0)]],
  ['empty target out of reach', [t(0, 8, 0, 8, 1, -1)]],
  ['empty target at null', [t(0, 0, 0, 4, 1, 0)]],
  ['empty target misaligned in reach', [t(0, 3, 0, 8, 1, 65536)]],
  ['empty target aligned in reach', [t(0, 8, 0, 8, 0, 65536)]],
  ['touching targets stay apart', [t(0, 4, 4, 4, 1, -1), t(0, 0, 4, 4, 0, -1)]],
  ['chain of overlaps', [t(0, 8, 4, 1, 0, -1), t(0, 0, 5, 1, 1, -1), t(0, 4, 5, 1, 0, -1)]],
  ['same offset, target order kept', [t(0, 0, 4, 4, 0, -1), t(0, 0, 8, 8, 1, -1), t(0, 0, 2, 2, 0, -1)]],
  ['largest alignment', [t(0, 4096, 8, 4096, 1, -1), t(0, 0, 1, 1, 1, -1)]],
  ['records disagree on an address', [t(0, 0, 4, 4, 1, 65536), t(0, 8, 4, 4, 1, 3)]],
  ['last record puts the buffer out of reach', [t(0, 0, 4, 4, 1, 65536), t(0, 8, 0, 4, 1, -1)]],
  ['buffer id wraps at 2^32', [t(1, 0, 4, 4, 1, -1), t(2 ** 32 + 1, 2, 2, 2, 1, -1)]],
  ['negative zero fields', [t(-0, -0, 4, 4, -0, -0)]],
  ['writable given as NaN and 0.5', [t(0, 0, 4, 4, NaN, -1), t(1, 0, 4, 4, 0.5, -1)]],
  ['address given as -Infinity', [t(0, 0, 4, 4, 1, -Infinity)]],
  ['alignment 3', [t(0, 0, 4, 4, 1, -1), t(0, 8, 4, 3, 1, -1)]],
  ['alignment 0', [t(0, 0, 4, 0, 1, -1)]],
  ['alignment 8192', [t(0, 0, 4, 8192, 1, -1)]],
  ['largest offset and length', [t(0, MAX_SAFE, MAX_SAFE, 1, 1, -1), t(1, MAX_SAFE, MAX_SAFE, 1, 1, -1)]],
  ['a cluster end that rounds', [t(0, MAX_SAFE, MAX_SAFE - 1, 1, 1, -1)]],
  ['a cluster end that rounds, in place', [t(0, MAX_SAFE, MAX_SAFE - 1, 1, 1, MAX_SAFE)]],
  ['scratch size past 2^53', [t(0, 0, 2 ** 52 + 1, 8, 1, -1), t(1, 0, 2 ** 52 + 3, 8, 1, -1), t(2, 0, 5, 8, 1, -1)]],
  ['an address past 2^53', [t(0, MAX_SAFE - 2, 4, 4, 1, MAX_SAFE - 4), t(0, MAX_SAFE, 0, 8, 1, MAX_SAFE - 4)]],
  ['an address past 2^53 that rounds', [t(0, MAX_SAFE - 1, 1, 1, 1, MAX_SAFE), t(0, MAX_SAFE - 1, 0, 1, 0, MAX_SAFE)]],
  ['a scratch size that would round twice', [t(0, 0, MAX_SAFE, 1, 1, -1), t(1, 0, 2, 1, 1, -1), t(2, 0, 1, 1, 1, -1)]],
  ['a nested member past 2^53', [t(0, MAX_SAFE - 10, MAX_SAFE, 1, 1, -1), t(0, MAX_SAFE - 5, 2, 1, 0, -1)]],
  ['an odd real address that rounds to an even one', [t(0, MAX_SAFE - 1, 4, 2, 1, MAX_SAFE), t(0, MAX_SAFE - 1, 0, 2, 1, MAX_SAFE)]],
  ['scratch past 2^64', Array.from({ length: 2100 }, (_, b) => t(b, MAX_SAFE, MAX_SAFE, 1, 1, -1))],
  ['many apart', Array.from({ length: 100 }, (_, i) => t(i % 3, (i * 37 % 100) * 16, i % 9, 2 ** (i % 5), i % 2, i % 4 ? -1 : 64))],
  ['many in a chain', Array.from({ length: 100 }, (_, i) => t(i % 2, (i * 37 % 100) * 4, 12, 4, i % 3 === 0 ? 1 : 0, 3))],
  ['many that conflict', Array.from({ length: 100 }, (_, i) => t(i % 3, (i * 37) % 200, i % 9, 2 ** (i % 4), i % 2, -1))],
].map(([name, targets]) => ({ name, records: toRecords(targets) }));

/** Records the planner must refuse before planning. */
export const MALFORMED = [
  ['five numbers', [0, 0, 4, 4, 1]],
  ['seven numbers', [0, 0, 4, 4, 1, -1, 0]],
  ['fractional offset', [0, 0.5, 4, 4, 1, -1]],
  ['negative offset', [0, -1, 4, 4, 1, -1]],
  ['negative buffer', [-1, 0, 4, 4, 1, -1]],
  ['NaN length', [0, 0, NaN, 4, 1, -1]],
  ['infinite length', [0, 0, Infinity, 4, 1, -1]],
  ['offset past 2^53', [0, 2 ** 53, 4, 4, 1, -1]],
  ['fractional alignment', [0, 0, 4, 1.5, 1, -1]],
  ['NaN address', [0, 0, 4, 4, 1, NaN]],
  ['fractional address', [0, 0, 4, 4, 1, 1.5]],
  ['a bad record after a bad alignment', [0, 0, 4, 3, 1, -1, 0, 0, 4, 4, 1, 0.5]],
].map(([name, numbers]) => ({ name, records: new Float64Array(numbers) }));
