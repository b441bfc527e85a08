// Rust's u64 (and 64-bit usize) arithmetic on BigInt, as the release build
// of the Rust runtime does it: `+` and `*` wrap, the checked and saturating
// forms as named. The validator mirrors Rust's expressions exactly, so it
// must also wrap where Rust would.
export const U64_MAX = (1n << 64n) - 1n;

export const add = (a, b) => (a + b) & U64_MAX;
export const mul = (a, b) => (a * b) & U64_MAX;
export const checkedAdd = (a, b) => (a + b > U64_MAX ? null : a + b);
export const checkedMul = (a, b) => (a * b > U64_MAX ? null : a * b);
export const saturatingAdd = (a, b) => (a + b > U64_MAX ? U64_MAX : a + b);
export const saturatingMul = (a, b) => (a * b > U64_MAX ? U64_MAX : a * b);
export const absDiff = (a, b) => (a > b ? a - b : b - a);
export const isPowerOfTwo = (a) => a > 0n && (a & (a - 1n)) === 0n;
/** Rust's `is_multiple_of`: only 0 is a multiple of 0. */
export const isMultipleOf = (a, b) => (b === 0n ? a === 0n : a % b === 0n);
export const divCeil = (a, b) => (a + b - 1n) / b;
export const max = (a, b) => (a > b ? a : b);

/** Element `index` (a BigInt) of `list`, or undefined (Rust's `get`). */
export const at = (list, index) => (index < BigInt(list.length) ? list[Number(index)] : undefined);
