// Values that exist only at compile time (`comptime_int`, `comptime_float`,
// `null`, `undefined`, enum literals) arrive in the descriptor as text and
// become plain JS values.
/** The JS value of a comptime constant. */
export function comptimeValue(t, text) {
  if (t.kind === 'null') return null;
  if (t.kind === 'undefined') return undefined;
  // An enum literal (`.hello`) is its name, as enum values are to JS.
  if (t.kind === 'enum_literal') return text;
  if (t.kind === 'comptime_float') return Number(text);
  const big = BigInt(text);
  return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
}
