// Checks the f16/f80/f128 codecs against bit patterns worked out by hand from
// the format definitions, plus exhaustive and seeded-random round trips.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  getFloat16, setFloat16, getFloat80, setFloat80, getFloat128, setFloat128,
} from '../../js/internal/members/float-formats.js';
import { seededUint32 } from '../helpers/seeded-random.js';

// Patterns are written most significant byte first, as one would print the
// integer; stored memory is little-endian, so the helpers reverse them.
function toDV(hex, offset = 0) {
  const clean = hex.replace(/[\s_]/g, '');
  const n = clean.length / 2;
  const dv = new DataView(new ArrayBuffer(offset + n + 3));
  for (let i = 0; i < n; i++) {
    dv.setUint8(offset + n - 1 - i, parseInt(clean.slice(2 * i, 2 * i + 2), 16));
  }
  return dv;
}

function fromDV(dv, offset, n) {
  let s = '';
  for (let i = n - 1; i >= 0; i--) s += dv.getUint8(offset + i).toString(16).padStart(2, '0');
  return s;
}

const bitsEq = (hex) => hex.replace(/[\s_]/g, '').toLowerCase();

// Garbage-fills the buffer first so the tests notice bytes the setter skips.
function encode(setter, size, value, offset = 3) {
  const dv = new DataView(new ArrayBuffer(offset + size + 5));
  for (let i = 0; i < dv.byteLength; i++) dv.setUint8(i, 0xA5);
  setter(dv, offset, value);
  assert.equal(dv.getUint8(offset - 1), 0xA5, 'wrote before the slot');
  assert.equal(dv.getUint8(offset + size), 0xA5, 'wrote past the slot');
  return fromDV(dv, offset, size);
}

const decode = (getter, hex, offset = 1) => getter(toDV(hex, offset), offset);

const f64Bits = (x) => {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, x, true);
  return fromDV(dv, 0, 8);
};

const MIN_SUB = 2 ** -1074;
const MAX_F64 = (2 - 2 ** -52) * 2 ** 1023;

test('f16 known encodings', () => {
  const cases = [
    [1, '3c00'], [-2, 'c000'], [65504, '7bff'], [65519.99, '7bff'],
    [65520, '7c00'], [1e6, '7c00'], [Infinity, '7c00'], [-Infinity, 'fc00'],
    [0, '0000'], [-0, '8000'],
    [2 ** -24, '0001'], [-(2 ** -24), '8001'],
    [2 ** -25, '0000'], // tie with 0 and 2^-24: even wins
    [-(2 ** -25), '8000'],
    [2 ** -25 + 2 ** -60, '0001'], // just above the tie
    [3 * 2 ** -26, '0001'], // 0.75 ulp rounds up
    [3 * 2 ** -25, '0002'], // 1.5 ulp: tie goes to even 2
    [5 * 2 ** -25, '0002'], // 2.5 ulp: tie goes to even 2
    [1023 * 2 ** -24, '03ff'], // largest subnormal
    [1023.5 * 2 ** -24, '0400'], // rounds up into the normal range
    [2 ** -14, '0400'], [1e-8, '0000'], [-1e-8, '8000'], [MIN_SUB, '0000'],
    [1 / 3, '3555'], [1 + 2 ** -11, '3c00'], [1 + 3 * 2 ** -11, '3c02'],
    [0.1, '2e66'], [-65504, 'fbff'],
  ];
  for (const [value, hex] of cases) {
    assert.equal(encode(setFloat16, 2, value), hex, `encode ${value}`);
  }
  const nan = encode(setFloat16, 2, NaN);
  assert.equal(parseInt(nan, 16) & 0x7C00, 0x7C00);
  assert.notEqual(parseInt(nan, 16) & 0x3FF, 0);
});

test('f16 known decodings', () => {
  const cases = [
    ['3c00', 1], ['c000', -2], ['7bff', 65504], ['7c00', Infinity], ['fc00', -Infinity],
    ['0001', 2 ** -24], ['8001', -(2 ** -24)], ['03ff', 1023 * 2 ** -24],
    ['0400', 2 ** -14], ['3555', 0.333251953125], ['0000', 0], ['8000', -0],
  ];
  for (const [hex, value] of cases) assert.equal(decode(getFloat16, hex), value, hex);
  assert.ok(Number.isNaN(decode(getFloat16, '7e00')));
  assert.ok(Number.isNaN(decode(getFloat16, 'fc01')));
  assert.ok(Number.isNaN(decode(getFloat16, '7c01')));
});

test('f16: all 65536 patterns survive read then write', () => {
  const src = new DataView(new ArrayBuffer(2));
  const dst = new DataView(new ArrayBuffer(2));
  for (let bits = 0; bits < 0x10000; bits++) {
    src.setUint16(0, bits, true);
    const v = getFloat16(src, 0);
    setFloat16(dst, 0, v);
    const back = dst.getUint16(0, true);
    if ((bits & 0x7C00) === 0x7C00 && (bits & 0x3FF) !== 0) {
      assert.ok(Number.isNaN(v), `0x${bits.toString(16)} should read as NaN`);
      assert.ok((back & 0x7C00) === 0x7C00 && (back & 0x3FF) !== 0, 'NaN written back');
    } else if (back !== bits) {
      assert.fail(`0x${bits.toString(16)} -> ${v} -> 0x${back.toString(16)}`);
    }
  }
});

test('f16: halfway points between neighbours round to the even one', () => {
  const dv = new DataView(new ArrayBuffer(2));
  const at = (b) => { dv.setUint16(0, b, true); return getFloat16(dv, 0); };
  for (let b = 0; b < 0x7BFF; b++) {
    const lo = at(b), hi = at(b + 1);
    const mid = (lo + hi) / 2; // exact: both are small dyadic rationals
    const even = (b & 1) === 0 ? b : b + 1;
    setFloat16(dv, 0, mid);
    assert.equal(dv.getUint16(0, true), even, `tie after 0x${b.toString(16)}`);
    setFloat16(dv, 0, -mid);
    assert.equal(dv.getUint16(0, true), even | 0x8000);
  }
});

// The f80 slot is 16 bytes: 6 padding bytes, sign+exponent, 8-byte significand.
test('f80 known encodings, padding zeroed', () => {
  const cases = [
    [1, '000000000000 3fff 8000000000000000'],
    [-2, '000000000000 c000 8000000000000000'],
    [MIN_SUB, '000000000000 3bcd 8000000000000000'],
    [-(MIN_SUB * 3), '000000000000 bbce c000000000000000'],
    [MAX_F64, '000000000000 43fe fffffffffffff800'],
    [Infinity, '000000000000 7fff 8000000000000000'],
    [-Infinity, '000000000000 ffff 8000000000000000'],
    [0, '000000000000 0000 0000000000000000'],
    [-0, '000000000000 8000 0000000000000000'],
    [0.1, '000000000000 3ffb ccccccccccccd000'], // 0.1 is 0x3fb999999999999a
  ];
  for (const [value, hex] of cases) {
    assert.equal(encode(setFloat80, 16, value), bitsEq(hex), `encode ${value}`);
  }
  const nan = encode(setFloat80, 16, NaN);
  assert.equal(nan.slice(0, 12), '000000000000');
  assert.equal(parseInt(nan.slice(12, 16), 16) & 0x7FFF, 0x7FFF);
  assert.equal(parseInt(nan.slice(16, 18), 16) & 0xC0, 0xC0, 'integer and quiet bits set');
});

test('f80 decoding, including rounding to f64', () => {
  const cases = [
    ['3fff 8000000000000000', 1],
    ['3bcd 8000000000000000', MIN_SUB],
    ['ffff 8000000000000000', -Infinity],
    ['43fe fffffffffffff800', MAX_F64],
    // 1 + 2^-53 is a tie between 1 and 1 + 2^-52: even (1) wins.
    ['3fff 8000000000000400', 1],
    ['3fff 80000000000003ff', 1],
    ['3fff 8000000000000401', 1 + 2 ** -52],
    // 1 + 2^-52 + 2^-53: tie with an odd lower neighbour rounds up.
    ['3fff 8000000000000c00', 1 + 2 ** -51],
    ['bfff 8000000000000c00', -(1 + 2 ** -51)],
    // max f64 + half an ulp overflows; just below that stays finite.
    ['43fe fffffffffffffc00', Infinity],
    ['43fe fffffffffffffbff', MAX_F64],
    ['43ff 8000000000000000', Infinity],
    // results in the f64 subnormal range round once, at the subnormal ulp.
    ['3bcc 8000000000000000', 0], // 2^-1075: tie, even 0 wins
    ['3bcc 8000000000000001', MIN_SUB],
    ['3bcc c000000000000000', MIN_SUB],
    ['3bcd c000000000000000', 2 * MIN_SUB], // 1.5 ulp: tie to even 2
    ['3bcb ffffffffffffffff', 0],
    ['3c00 fffffffffffff000', 2 ** -1022 - MIN_SUB], // largest subnormal
    ['3c00 fffffffffffff7ff', 2 ** -1022 - MIN_SUB],
    ['3c00 fffffffffffff800', 2 ** -1022], // tie, odd below: up to least normal
    ['0000 0000000000000001', 0], // f80 denormal, far too small
    ['8000 0000000000000000', -0],
    // unnormal (integer bit clear) is scaled like the hardware would.
    ['3fff 4000000000000000', 0.5],
  ];
  for (const [hex, value] of cases) {
    assert.equal(decode(getFloat80, '000000000000' + hex), value, hex);
  }
  assert.ok(Number.isNaN(decode(getFloat80, '000000000000 7fff c000000000000000')));
  assert.ok(Number.isNaN(decode(getFloat80, '000000000000 ffff 8000000000000001')));
});

test('f128 known encodings', () => {
  const cases = [
    [1, '3fff 0000000000000000000000000000'],
    [-2, 'c000 0000000000000000000000000000'],
    [MIN_SUB, '3bcd 0000000000000000000000000000'],
    [3 * MIN_SUB, '3bce 8000000000000000000000000000'],
    [MAX_F64, '43fe fffffffffffff000000000000000'],
    [Infinity, '7fff 0000000000000000000000000000'],
    [-Infinity, 'ffff 0000000000000000000000000000'],
    [0, '0000 0000000000000000000000000000'],
    [-0, '8000 0000000000000000000000000000'],
    [0.1, '3ffb 999999999999a000000000000000'],
  ];
  for (const [value, hex] of cases) {
    assert.equal(encode(setFloat128, 16, value), bitsEq(hex), `encode ${value}`);
  }
  const nan = parseInt(encode(setFloat128, 16, NaN).slice(0, 5), 16);
  assert.equal(nan & 0x7FFF8, 0x7FFF8, 'exponent all ones and quiet bit set');
});

test('f128 decoding, including rounding to f64', () => {
  const cases = [
    ['3fff 0000000000000000000000000000', 1],
    ['3bcd 0000000000000000000000000000', MIN_SUB],
    ['43fe fffffffffffff000000000000000', MAX_F64],
    ['ffff 0000000000000000000000000000', -Infinity],
    // 1 + 2^-53 (fraction bit 59): tie, even 1 wins.
    ['3fff 0000000000000800000000000000', 1],
    // the same tie broken upward by the very last fraction bit.
    ['3fff 0000000000000800000000000001', 1 + 2 ** -52],
    ['3fff 00000000000007ffffffffffffff', 1],
    // 1 + 2^-52 + 2^-53: odd lower neighbour, rounds up.
    ['3fff 0000000000001800000000000000', 1 + 2 ** -51],
    ['43fe fffffffffffff800000000000000', Infinity],
    ['43fe fffffffffffff7ffffffffffffff', MAX_F64],
    ['3bcc 0000000000000000000000000000', 0],
    ['bbcc 0000000000000000000000000001', -MIN_SUB],
    ['3bcd 8000000000000000000000000000', 2 * MIN_SUB],
    ['0000 0000000000000000000000000001', 0],
    ['8000 0000000000000000000000000000', -0],
    ['3c00 ffffffffffffffffffffffffffff', 2 ** -1022],
  ];
  for (const [hex, value] of cases) assert.equal(decode(getFloat128, hex), value, hex);
  assert.ok(Number.isNaN(decode(getFloat128, '7fff 8000000000000000000000000000')));
  assert.ok(Number.isNaN(decode(getFloat128, 'ffff 0000000000000000000000000001')));
});

// Skews the exponent so subnormals, zeros and Inf/NaN turn up often.
function* randomDoubles(seed, count) {
  const next = seededUint32(seed);
  const dv = new DataView(new ArrayBuffer(8));
  for (let i = 0; i < count; i++) {
    let hi = next();
    const lo = next();
    const pick = hi & 7;
    if (pick === 0) hi &= 0x800FFFFF; // subnormal or zero
    else if (pick === 1) hi |= 0x7FF00000; // Inf or NaN
    dv.setUint32(0, lo, true);
    dv.setUint32(4, hi, true);
    yield dv.getFloat64(0, true);
  }
  yield* [0, -0, MIN_SUB, -MIN_SUB, MAX_F64, -MAX_F64, 2 ** -1022, Infinity, -Infinity, NaN];
}

for (const [name, get, set] of [['f80', getFloat80, setFloat80], ['f128', getFloat128, setFloat128]]) {
  test(`${name}: random f64 bit patterns round-trip exactly`, () => {
    const dv = new DataView(new ArrayBuffer(21));
    for (const x of randomDoubles(0xC0FFEE, 5000)) {
      set(dv, 5, x);
      const y = get(dv, 5);
      if (Number.isNaN(x)) assert.ok(Number.isNaN(y), 'NaN stays NaN');
      else assert.equal(f64Bits(y), f64Bits(x), `${x}`);
    }
  });
}
