// Bit fields of packed structs: reads and writes `bits` bits starting at
// bit `bitOffset` (little-endian bit order, as Zig packs them) of a DataView.

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
