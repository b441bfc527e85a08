// The fuzzer's seeded randomness: every case has its own seed, derived from
// the run's seed and the case's index, so one case can be replayed alone.
import { seededUint32 } from '../../tests/helpers/seeded-random.js';

/** The seed of case `index` of a run seeded with `seed`. */
export function caseSeed(seed, index) {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** Random choices from `seed`. */
export function random(seed) {
  const next = seededUint32(seed);
  const r = {
    u32: next,
    /** An integer in [lo, hi]. */
    int: (lo, hi) => lo + (next() % (hi - lo + 1)),
    chance: (p) => next() / 4294967296 < p,
    byte: () => next() & 0xff,
    pick: (list) => list[next() % list.length],
    /** A BigInt of up to `bits` random bits. */
    bigBits: (bits) => {
      let v = 0n;
      for (let i = 0; i < bits; i += 32) v = (v << 32n) | BigInt(next());
      return v & ((1n << BigInt(bits)) - 1n);
    },
  };
  return r;
}
