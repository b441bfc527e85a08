// Writing a struct's scalar fields puts the value in the bytes Zig reads,
// wherever the struct lies: in its own memory, over misaligned user bytes,
// in Zig memory that moves as WebAssembly memory grows; a value the field
// cannot hold, a read-only struct, and a buffer detached or shrunk under
// the struct are refused with an error, never a write that goes nowhere.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'structures/struct-field-writes';
const SAMPLE_SIZE = 32;

const initial = () => ({ a: 0, b: 0, count: 0, small: 0, big: 0n });

for (const mode of MODES) {
  describe(`${mode}: struct field writes`, () => {
    test('fields of every scalar kind take the values written, as Zig reads them', async () => {
      const { Sample, Reading, sampleA, sampleB, sampleCount, sampleSmall, sampleBig, readingSum, readingId } =
        await importFixture(FIXTURE, { mode });
      const s = new Sample(initial());
      s.a = -0;
      s.b = 1e300;
      s.count = -2147483648;
      s.small = 255;
      s.big = 18446744073709551615n;
      assert.ok(Object.is(sampleA(s), -0));
      assert.equal(sampleB(s), 1e300);
      assert.equal(sampleCount(s), -2147483648);
      assert.equal(sampleSmall(s), 255);
      assert.equal(sampleBig(s), 18446744073709551615n);
      const r = new Reading({ t: 0, id: 0, v: 0, w: 0 });
      r.t = 0.1;
      r.v = 2;
      r.w = -3.5;
      r.id = 65535;
      assert.equal(r.t, Math.fround(0.1));
      assert.equal(readingSum(r), Math.fround(Math.fround(0.1) + 2) - 3.5);
      assert.equal(readingId(r), 65535);
    });

    test('values needing conversion are converted, and values out of range refused naming the field', async () => {
      const { Sample, sampleA, sampleBig } = await importFixture(FIXTURE, { mode });
      const s = new Sample(initial());
      s.a = 12n;
      assert.equal(sampleA(s), 12);
      s.big = 7;
      assert.equal(sampleBig(s), 7n);
      assert.throws(() => { s.count = 2 ** 31; }, (err) => err instanceof RangeError && /count/.test(err.message));
      assert.throws(() => { s.small = 1.5; }, (err) => err instanceof RangeError || err instanceof TypeError);
      assert.throws(() => { s.a = 'one'; }, (err) => err instanceof TypeError && /\ba\b/.test(err.message));
      assert.equal(s.count, 0, 'a refused value changes nothing');
      assert.equal(s.a, 12);
    });

    test('a struct cast over misaligned bytes writes into them', async () => {
      const { Sample, sampleB } = await importFixture(FIXTURE, { mode });
      const bytes = new Uint8Array(new ArrayBuffer(SAMPLE_SIZE + 8), 1, SAMPLE_SIZE);
      const s = Sample(bytes);
      s.b = 0.75;
      s.count = 42;
      const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      assert.equal(dv.getFloat64(8, true), 0.75);
      assert.equal(dv.getInt32(16, true), 42);
      assert.equal(sampleB(s), 0.75);
    });

    test('a struct cast over aligned bytes writes into them', async () => {
      const { Sample } = await importFixture(FIXTURE, { mode });
      const buffer = new ArrayBuffer(SAMPLE_SIZE);
      const s = Sample(buffer);
      s.a = -9.5;
      s.b = 3;
      assert.deepEqual([...new Float64Array(buffer, 0, 2)], [-9.5, 3]);
    });

    test('a read-only struct refuses writes', async () => {
      const { constSample, globalA } = await importFixture(FIXTURE, { mode });
      const s = constSample();
      assert.throws(() => { s.a = 2; }, TypeError);
      assert.throws(() => { s.count = 2; }, TypeError);
      assert.equal(globalA(), 1.5);
    });

    test('a struct over a detached buffer refuses writes', async () => {
      const { Sample } = await importFixture(FIXTURE, { mode });
      const buffer = new ArrayBuffer(SAMPLE_SIZE);
      const s = Sample(buffer);
      s.a = 1;
      structuredClone(buffer, { transfer: [buffer] });
      assert.throws(() => { s.a = 2; }, TypeError);
      assert.throws(() => { s.count = 2; }, TypeError);
    });

    test('a struct over a shrunk resizable buffer refuses writes', async () => {
      const { Sample } = await importFixture(FIXTURE, { mode });
      const buffer = new ArrayBuffer(SAMPLE_SIZE, { maxByteLength: 2 * SAMPLE_SIZE });
      const s = Sample(new Uint8Array(buffer, 0, SAMPLE_SIZE));
      buffer.resize(8);
      assert.throws(() => { s.b = 2; });
      buffer.resize(SAMPLE_SIZE);
      s.b = 2;
      assert.equal(new Float64Array(buffer)[1], 2, 'grown back, writes reach the bytes again');
    });

    test('writes to a Zig variable reach Zig, also after the memory grew', async () => {
      const { default: zig, globalA, grow } = await importFixture(FIXTURE, { mode });
      const s = zig.sample;
      s.a = 7;
      assert.equal(globalA(), 7);
      grow(32);
      s.a = 8;
      assert.equal(globalA(), 8);
      assert.equal(s.a, 8);
    });
  });
}
