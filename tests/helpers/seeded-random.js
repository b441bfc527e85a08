// Seeded pseudo-random numbers for generated test cases (mulberry32): the
// same seed gives the same cases, so a failure can be replayed.

/** A generator of unsigned 32-bit integers from `seed`. */
export function seededUint32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** A generator of numbers in [0, 1) from `seed`. */
export function seededRandom(seed) {
  const next = seededUint32(seed);
  return () => next() / 4294967296;
}
