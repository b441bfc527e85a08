// Values the descriptor writes as JSON for a type JS can hold in memory:
// field defaults, sentinels, and the numbers of comptime values. Numbers
// arrive as text so that wide integers keep every digit.

/**
 * A `comptime_int` or `comptime_float`. An integer reads as the smallest
 * integer type holding it would (as Zigar has it): a number when that type
 * has at most 32 bits (`-2**31` to `2**32 - 1`), a bigint when wider, as
 * `u64` and `i64` values are. A float is a number.
 */
export function comptimeNumber(kind, text) {
  if (kind === 'comptime_float') return Number(text);
  const big = BigInt(text);
  return big >= -(2n ** 31n) && big < 2n ** 32n ? Number(big) : big;
}

/** The JS value of a default from the descriptor, as converter `type` takes it. */
export function fromDefault(type, json) {
  switch (type.kind) {
    case 'int': return BigInt(json);
    case 'float': return { inf: Infinity, '-inf': -Infinity, nan: NaN }[json] ?? Number(json);
    case 'array': return json.map((item) => fromDefault(type.child, item));
    case 'optional': return json === null ? null : fromDefault(type.child, json);
    // The descriptor writes `{}` of void as null; JS's void is undefined.
    case 'void': return undefined;
    case 'comptime_int': case 'comptime_float': return comptimeNumber(type.kind, json);
    case 'error_union': return fromDefault(type.payload, json);
    // A struct's comptime fields are fixed: their values are not written.
    case 'struct': return Object.fromEntries(Object.entries(json)
      .filter(([k]) => type.fieldType(k) !== undefined)
      .map(([k, v]) => [k, fromDefault(type.fieldType(k), v)]));
    default: return json;
  }
}
