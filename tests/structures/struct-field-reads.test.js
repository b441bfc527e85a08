// Reading a struct's scalar fields gives the bytes' value wherever the
// struct lies: in its own memory, over misaligned user bytes, over a
// buffer that was detached or shrunk (refused, never a stale value), and
// in Zig memory that Zig writes or that moves as WebAssembly memory grows.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'structures/struct-field-reads';
const SAMPLE_SIZE = 32;

/** `size` bytes at offset 1 of a larger buffer: misaligned for any field wider than a byte. */
function misaligned(size) {
  return new Uint8Array(new ArrayBuffer(size + 8), 1, size);
}

function writeSample(bytes, { a, b, count, small, big }) {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  dv.setFloat64(0, a, true);
  dv.setFloat64(8, b, true);
  dv.setInt32(16, count, true);
  dv.setUint8(20, small);
  dv.setBigUint64(24, big, true);
  return dv;
}

for (const mode of MODES) {
  describe(`${mode}: struct field reads`, () => {
    test('fields of every scalar kind read the values written', async () => {
      const { Sample, Rgba, Reading, Wide, brightness, total } = await importFixture(FIXTURE, { mode });
      const s = new Sample({ a: -0, b: NaN, count: -2147483648, small: 255, big: 18446744073709551615n });
      assert.ok(Object.is(s.a, -0));
      assert.ok(Number.isNaN(s.b));
      assert.equal(s.count, -2147483648);
      assert.equal(s.small, 255);
      assert.equal(s.big, 18446744073709551615n);
      s.a = Infinity;
      assert.equal(s.a, Infinity);
      const c = new Rgba({ r: 1, g: 2, b: 250, a: 255 });
      assert.deepEqual([c.r, c.g, c.b, c.a], [1, 2, 250, 255]);
      assert.equal(brightness(c), 253);
      const r = new Reading({ t: 0.1, id: 65535, v: 2, w: -3.5 });
      assert.equal(r.t, Math.fround(0.1));
      assert.equal(r.id, 65535);
      assert.equal(total(r), Math.fround(Math.fround(0.1) + 2) - 3.5);
      const w = new Wide({ lo: 1n << 63n, hi: -(1n << 63n), mid: 4294967295, neg: -32768 });
      assert.deepEqual([w.lo, w.hi, w.mid, w.neg], [1n << 63n, -(1n << 63n), 4294967295, -32768]);
    });

    test('a struct cast over misaligned bytes reads them, live', async () => {
      const { Sample } = await importFixture(FIXTURE, { mode });
      const bytes = misaligned(SAMPLE_SIZE);
      const dv = writeSample(bytes, { a: 2.5, b: -1, count: 42, small: 7, big: 5n });
      const s = Sample(bytes);
      assert.deepEqual([s.a, s.b, s.count, s.small, s.big], [2.5, -1, 42, 7, 5n]);
      dv.setFloat64(8, 0.75, true);
      assert.equal(s.b, 0.75);
    });

    test('a struct cast over aligned bytes sees writes made through them', async () => {
      const { Sample } = await importFixture(FIXTURE, { mode });
      const bytes = new Uint8Array(SAMPLE_SIZE);
      const dv = writeSample(bytes, { a: 1, b: 2, count: 3, small: 4, big: 6n });
      const s = Sample(bytes);
      assert.equal(s.a, 1);
      dv.setFloat64(0, -9.5, true);
      new Float64Array(bytes.buffer)[1] = 1e300;
      assert.deepEqual([s.a, s.b], [-9.5, 1e300]);
    });

    test('a struct over a detached buffer refuses to read', async () => {
      const { Sample } = await importFixture(FIXTURE, { mode });
      const buffer = new ArrayBuffer(SAMPLE_SIZE);
      writeSample(new Uint8Array(buffer), { a: 1, b: 2, count: 3, small: 4, big: 6n });
      const s = Sample(buffer);
      assert.equal(s.a, 1);
      structuredClone(buffer, { transfer: [buffer] });
      assert.throws(() => s.a, TypeError);
      assert.throws(() => s.b, TypeError);
    });

    test('a struct over a shrunk resizable buffer refuses to read', async () => {
      const { Sample } = await importFixture(FIXTURE, { mode });
      const buffer = new ArrayBuffer(SAMPLE_SIZE, { maxByteLength: 2 * SAMPLE_SIZE });
      writeSample(new Uint8Array(buffer), { a: 1, b: 2, count: 3, small: 4, big: 6n });
      const s = Sample(new Uint8Array(buffer, 0, SAMPLE_SIZE));
      assert.equal(s.b, 2);
      buffer.resize(8);
      assert.throws(() => s.b);
      buffer.resize(SAMPLE_SIZE);
      assert.equal(s.b, 0, 'grown back, the bytes are zero again');
    });

    test('a Zig variable reads what Zig wrote, also after the memory grew', async () => {
      const { default: zig, setSampleA, grow } = await importFixture(FIXTURE, { mode });
      const s = zig.sample;
      setSampleA(3.25);
      assert.equal(s.a, 3.25);
      grow(32);
      setSampleA(-4);
      assert.equal(s.a, -4);
      assert.deepEqual([s.b, s.count, s.small, s.big], [-2.25, -7, 200, 1n << 40n]);
    });

    test('elements of an array of structs read what Zig wrote, also after the memory grew', async () => {
      const { default: zig, setReadingV, grow } = await importFixture(FIXTURE, { mode });
      const second = zig.readings[1];
      assert.deepEqual([second.t, second.id, second.v, second.w], [2, 2, 20, 200]);
      setReadingV(1, 2.5);
      assert.equal(second.v, 2.5);
      grow(32);
      setReadingV(1, -8);
      assert.equal(second.v, -8);
      assert.equal(zig.readings[0].w, 100);
    });
  });
}
