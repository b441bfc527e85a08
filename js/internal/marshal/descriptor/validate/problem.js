// A validation check's verdict: a thrown Problem carries, in words, what is
// wrong (Rust's `Result<(), String>`), and callers prefix it with where.

export class Problem extends Error {}

export function expect(ok, text) {
  if (!ok) throw new Problem(text);
}

/** Runs `check`, prefixing the words of a Problem it throws (Rust's `map_err`). */
export function within(prefix, check) {
  try {
    return check();
  } catch (err) {
    if (err instanceof Problem) throw new Problem(`${prefix}${err.message}`);
    throw err;
  }
}
