// Byte layouts of Zig's f16, f80 and f128, which DataView cannot read or write
// itself. JS numbers are f64: widening into f80/f128 is exact, while narrowing
// (f80/f128 -> f64, f64 -> f16) rounds to nearest, ties to even, as Zig's
// @floatCast does. Plain Uint32 arithmetic keeps BigInt off the hot path.

// Little-endian scratch word pair, so f64 bits can be taken apart and rebuilt.
const scratch = new DataView(new ArrayBuffer(8));
const TWO_32 = 0x100000000;
// Scaling subnormal doubles by 2^64 makes them normal without losing bits.
const TWO_64 = TWO_32 * TWO_32;

// Exact powers of two for f16 decoding; Math.pow is not specified as exact.
const F16_SCALE = new Float64Array(32);
for (let e = 0, p = 2 ** -25; e < 32; e++, p *= 2) F16_SCALE[e] = p;
const TWO_M24 = 2 ** -24;

function lowMask(n) {
  return n <= 0 ? 0 : n >= 32 ? 0xFFFFFFFF : 0xFFFFFFFF >>> (32 - n);
}

function fromWords(hi, lo) {
  scratch.setUint32(0, lo, true);
  scratch.setUint32(4, hi, true);
  return scratch.getFloat64(0, true);
}

// Keeps the sign and the top of the payload, and forces the quiet bit, so a
// signalling NaN never escapes into JS.
function quietNaN(sign, fracHi20, fracLo32) {
  return fromWords((sign | 0x7FF80000 | fracHi20) >>> 0, fracLo32 >>> 0);
}

// Rounds sign * (hi:lo)/2^63 * 2^e to the nearest double, with `sticky`
// standing in for any nonzero bits below lo. hi must have bit 31 set.
// Rounding is done on the f64 bit pattern itself, so the carry out of the
// fraction bumps the exponent, and from the largest finite value reaches
// Infinity, exactly as IEEE rounding requires. Subnormal results use a larger
// shift and a zero exponent base, which avoids rounding twice.
function roundToDouble(sign, e, hi, lo, sticky) {
  if (e > 1023) return sign ? -Infinity : Infinity;
  const base = e >= -1022 ? e + 1022 : 0;
  const shift = e >= -1022 ? 11 : 11 + (-1022 - e);
  if (shift > 64) return sign ? -0 : 0;
  let qHi, qLo, half;
  if (shift < 32) {
    qHi = hi >>> shift;
    qLo = ((hi << (32 - shift)) | (lo >>> shift)) >>> 0;
    half = (lo >>> (shift - 1)) & 1;
    sticky = sticky || (lo & lowMask(shift - 1)) !== 0;
  } else if (shift === 32) {
    qHi = 0;
    qLo = hi;
    half = lo >>> 31;
    sticky = sticky || (lo & 0x7FFFFFFF) !== 0;
  } else {
    const t = shift - 33;
    qHi = 0;
    qLo = shift === 64 ? 0 : hi >>> (shift - 32);
    half = (hi >>> t) & 1;
    sticky = sticky || lo !== 0 || (hi & lowMask(t)) !== 0;
  }
  let q = qHi * TWO_32 + qLo;
  if (half && (sticky || (qLo & 1))) q += 1;
  const top = Math.floor(q / TWO_32);
  return fromWords((sign | ((base * 0x100000) + top)) >>> 0, q - top * TWO_32);
}

// Splits a double into sign bit, biased exponent and 52-bit fraction; f64
// subnormals come back normalised with an exponent below 1 so callers that
// widen never need a leading-zero count.
let dSign = 0, dExp = 0, dHi = 0, dLo = 0;
function splitDouble(value) {
  scratch.setFloat64(0, value, true);
  let hi = scratch.getUint32(4, true);
  dSign = (hi & 0x80000000) >>> 0;
  dExp = (hi >>> 20) & 0x7FF;
  if (dExp === 0 && value !== 0) {
    scratch.setFloat64(0, value * TWO_64, true);
    hi = scratch.getUint32(4, true);
    dExp = ((hi >>> 20) & 0x7FF) - 64;
  }
  dHi = hi & 0xFFFFF;
  dLo = scratch.getUint32(0, true);
}

/** Reads an IEEE binary16 (Zig f16); every f16 is exactly a double. */
export function getFloat16(dv, offset) {
  const bits = dv.getUint16(offset, true);
  const sign = bits & 0x8000;
  const exp = (bits >>> 10) & 0x1F;
  const frac = bits & 0x3FF;
  if (exp === 0x1F) {
    if (frac === 0) return sign ? -Infinity : Infinity;
    return quietNaN(sign << 16, frac << 10, 0);
  }
  const mag = exp === 0 ? frac * TWO_M24 : (0x400 | frac) * F16_SCALE[exp];
  return sign ? -mag : mag;
}

/** Writes a number as IEEE binary16 (Zig f16), rounding to nearest even. */
export function setFloat16(dv, offset, value) {
  splitDouble(value);
  const sign = dSign >>> 16;
  let bits;
  if (dExp === 0x7FF) {
    bits = (dHi | dLo) === 0 ? 0x7C00 : 0x7E00 | (dHi >>> 10);
  } else if (dExp === 0 && (dHi | dLo) === 0) {
    bits = 0;
  } else {
    const e = dExp - 1023;
    if (e > 15) {
      bits = 0x7C00;
    } else if (e < -25) {
      // Below half the smallest subnormal, so even a tie is impossible.
      bits = 0;
    } else {
      // Same scheme as roundToDouble: the 53-bit significand sits in
      // sigHi:dLo, and the shift is always at least 42, so only sigHi
      // survives; the carry out of the fraction walks into the exponent.
      const sigHi = dHi | 0x100000;
      const base = e >= -14 ? e + 14 : 0;
      const s = e >= -14 ? 10 : 10 + (-14 - e); // shift within sigHi
      let q = sigHi >>> s;
      const half = (sigHi >>> (s - 1)) & 1;
      const sticky = dLo !== 0 || (sigHi & lowMask(s - 1)) !== 0;
      if (half && (sticky || (q & 1))) q += 1;
      bits = base * 0x400 + q;
    }
  }
  dv.setUint16(offset, sign | bits, true);
}

/** Reads an x87 80-bit extended float (Zig f80), rounding to the nearest double. */
export function getFloat80(dv, offset) {
  let lo = dv.getUint32(offset, true);
  let hi = dv.getUint32(offset + 4, true);
  const se = dv.getUint16(offset + 8, true);
  const sign = (se & 0x8000) << 16;
  const exp = se & 0x7FFF;
  if (exp === 0x7FFF) {
    // Without the explicit integer bit this is a pseudo-infinity/NaN, which
    // the x87 rejects as invalid, so it reads as NaN too.
    if (hi === 0x80000000 && lo === 0) return sign ? -Infinity : Infinity;
    return quietNaN(sign, (hi >>> 11) & 0xFFFFF, (hi << 21) | (lo >>> 11));
  }
  if ((hi | lo) === 0) return sign ? -0 : 0;
  // Denormals (and unnormals) lack the integer bit; the x87 scales exponent 0
  // like exponent 1, so normalise before rounding.
  let e = (exp === 0 ? 1 : exp) - 16383;
  if (hi === 0) {
    hi = lo;
    lo = 0;
    e -= 32;
  }
  const n = Math.clz32(hi);
  if (n !== 0) {
    hi = ((hi << n) | (lo >>> (32 - n))) >>> 0;
    lo = (lo << n) >>> 0;
    e -= n;
  }
  return roundToDouble(sign, e, hi, lo, false);
}

/** Writes a number as an x87 80-bit extended float (Zig f80) in a zero-padded 16-byte slot. */
export function setFloat80(dv, offset, value) {
  splitDouble(value);
  let se, sigHi, sigLo;
  if (dExp === 0x7FF) {
    se = 0x7FFF;
    const nan = (dHi | dLo) !== 0;
    sigHi = (0x80000000 | (nan ? 0x40000000 : 0) | (dHi << 11) | (dLo >>> 21)) >>> 0;
    sigLo = (dLo << 11) >>> 0;
  } else if (dExp === 0 && (dHi | dLo) === 0) {
    se = sigHi = sigLo = 0;
  } else {
    se = dExp + (16383 - 1023);
    sigHi = (0x80000000 | (dHi << 11) | (dLo >>> 21)) >>> 0;
    sigLo = (dLo << 11) >>> 0;
  }
  dv.setUint32(offset, sigLo, true);
  dv.setUint32(offset + 4, sigHi, true);
  dv.setUint16(offset + 8, (dSign >>> 16) | se, true);
  dv.setUint16(offset + 10, 0, true);
  dv.setUint32(offset + 12, 0, true);
}

/** Reads an IEEE binary128 (Zig f128), rounding to the nearest double. */
export function getFloat128(dv, offset) {
  const w0 = dv.getUint32(offset, true);
  const w1 = dv.getUint32(offset + 4, true);
  const w2 = dv.getUint32(offset + 8, true);
  const top = dv.getUint32(offset + 12, true);
  const sign = (top & 0x80000000) >>> 0;
  const exp = (top >>> 16) & 0x7FFF;
  const w3 = top & 0xFFFF;
  if (exp === 0x7FFF) {
    if ((w3 | w2 | w1 | w0) === 0) return sign ? -Infinity : Infinity;
    return quietNaN(sign, (w3 << 4) | (w2 >>> 28), (w2 << 4) | (w1 >>> 28));
  }
  // f128 subnormals lie below 2^-16382, far under half the least double.
  if (exp === 0) return sign ? -0 : 0;
  // The 113-bit significand (implicit bit at 112) moved up by 15 so its top
  // 64 bits fill hi:lo; the 49 bits left over only matter as a sticky bit.
  const hi = (((0x10000 | w3) << 15) | (w2 >>> 17)) >>> 0;
  const lo = ((w2 << 15) | (w1 >>> 17)) >>> 0;
  const sticky = (w1 & 0x1FFFF) !== 0 || w0 !== 0;
  return roundToDouble(sign, exp - 16383, hi, lo, sticky);
}

/** Writes a number as an IEEE binary128 (Zig f128); exact for every double. */
export function setFloat128(dv, offset, value) {
  splitDouble(value);
  let exp, fHi = dHi, fLo = dLo;
  if (dExp === 0x7FF) {
    exp = 0x7FFF;
    if ((fHi | fLo) !== 0) fHi |= 0x80000; // quiet bit lines up at 111
  } else if (dExp === 0 && (fHi | fLo) === 0) {
    exp = 0;
  } else {
    exp = dExp + (16383 - 1023);
  }
  // The 52-bit fraction becomes the top of the 112-bit one (shifted by 60).
  dv.setUint32(offset, 0, true);
  dv.setUint32(offset + 4, (fLo << 28) >>> 0, true);
  dv.setUint32(offset + 8, ((fHi << 28) | (fLo >>> 4)) >>> 0, true);
  dv.setUint32(offset + 12, (dSign | (exp << 16) | (fHi >>> 4)) >>> 0, true);
}
