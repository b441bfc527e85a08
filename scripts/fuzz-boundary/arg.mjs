// What the fuzzer knows about one generated argument: the JS value passed,
// what zigport must do with it, the value Zig must then see (`canon`, in the
// JS model's terms), a short description for reports, and a check of the
// memory around it after the call (canaries, what Zig may and may not write).

/** The value is valid: the call must succeed with `canon`. */
export const OK = 'ok';
/** The value is wrong: the call must throw a TypeError/RangeError naming its argument. */
export const REFUSE = 'refuse';
/** Either a refusal naming the argument, or success with `canon` (lenient conversions). */
export const EITHER = 'either';
/** The value throws a FuzzError of its own (a getter, a proxy trap): that error, or a refusal. */
export const OWN = 'own';

/** The error hostile getters and traps throw, so the oracle can tell it from zigport's. */
export class FuzzError extends Error {}

/**
 * An argument. `after(outcome)` runs after the call and returns a problem
 * (string) or null; `outcome` is 'returned' or 'threw'.
 */
export function arg(expect, value, canon, desc, after = null) {
  return { expect, value, canon, desc, after };
}

export const ok = (value, canon, desc, after) => arg(OK, value, canon, desc, after);
export const refuse = (value, desc, after) => arg(REFUSE, value, undefined, desc, after);
export const either = (value, canon, desc, after) => arg(EITHER, value, canon, desc, after);
export const own = (value, desc, after) => arg(OWN, value, undefined, desc, after);

/** `arg` with its expectation replaced (a valid value made hostile by its container). */
export function withExpect(a, expect) {
  return { ...a, expect };
}

/** The expectation of a container from those of its parts: the worst one wins. */
export function combine(parts) {
  const order = [OK, EITHER, OWN, REFUSE];
  return parts.reduce((worst, p) => (order.indexOf(p.expect) > order.indexOf(worst) ? p.expect : worst), OK);
}
