// Values that lie between bytes (packed struct fields, elements of
// bit-packed vectors): reads and writes `bits` bits starting at bit
// `bitOffset` (little-endian bit order, as Zig packs them) of a DataView,
// and converts scalars from and to those bits.

/** The unsigned value of the bits, as a bigint. */
export function readBits(dv, byteOffset, bitOffset, bits) {
  let value = 0n;
  for (let i = bits - 1; i >= 0; i--) {
    const bit = bitOffset + i;
    const byte = dv.getUint8(byteOffset + (bit >> 3));
    value = (value << 1n) | BigInt((byte >> (bit & 7)) & 1);
  }
  return value;
}

/** Stores the low `bits` bits of bigint `value`. */
export function writeBits(dv, byteOffset, bitOffset, bits, value) {
  let rest = BigInt.asUintN(bits, value);
  for (let i = 0; i < bits; i++, rest >>= 1n) {
    const bit = bitOffset + i;
    const at = byteOffset + (bit >> 3);
    const mask = 1 << (bit & 7);
    const byte = dv.getUint8(at);
    dv.setUint8(at, rest & 1n ? byte | mask : byte & ~mask);
  }
}

/**
 * The JS value of `bits` bits `raw` (a bigint) holding a bool, an integer
 * or an enum: integers read as numbers up to 32 bits, and usize/isize while
 * safe integers, as they do elsewhere.
 */
export function fromBits(type, raw, bits) {
  if (type.kind === 'bool') return raw !== 0n;
  if (type.kind === 'enum') return type.fromTag(type.tagBits > 32 ? raw : Number(raw));
  const value = type.signed ? BigInt.asIntN(bits, raw) : raw;
  const safe = value >= -9007199254740991n && value <= 9007199254740991n;
  return bits <= 32 || (type.pointer_sized && safe) ? Number(value) : value;
}

/** The bits (a bigint) of a bool, integer or enum `value`, checked as the type checks it. */
export function toBits(type, value, where) {
  if (type.kind === 'bool') return type.normalize(value, where) ? 1n : 0n;
  if (type.kind === 'enum') return BigInt(type.tagOf(value, where));
  return BigInt(type.normalize(value, where));
}

/** Whether values of `type` convert straight from and to their bits (fromBits, toBits). */
export function isBitScalar(type) {
  return type.kind === 'bool' || type.kind === 'int' || type.kind === 'enum';
}
