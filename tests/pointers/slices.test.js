// Slices and pointers of scalars: Zig reads and writes JS memory, in place
// when it is aligned, through an aligned copy when it is not.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { tieableBuffer } from 'zigport';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'pointers/slice-parameters';

/** A Uint32Array whose data starts `shift` bytes past a 4-byte boundary. */
function misalignedU32(values, shift = 1) {
  const bytes = new Uint8Array(values.length * 4 + shift);
  const view = new DataView(bytes.buffer, shift, values.length * 4);
  values.forEach((v, i) => view.setUint32(i * 4, v, true));
  return view;
}

for (const mode of MODES) {
  describe(`${mode}: slice and pointer parameters`, () => {
    test('a typed array is read by Zig', async () => {
      const { sum } = await importFixture(FIXTURE, { mode });
      assert.equal(sum(new Uint32Array([1, 2, 3, 4000000000])), 4000000006n);
    });

    test('an aligned typed array is passed without a copy', async () => {
      const { addressOf } = await importFixture(FIXTURE, { mode });
      // WebAssembly sees its own memory only: there a buffer is passed in
      // place once it is tied into that memory.
      const values = new Uint32Array(mode === 'wasm' ? tieableBuffer(4096) : new ArrayBuffer(4096));
      const whole = BigInt(addressOf(values));
      assert.equal(BigInt(addressOf(values.subarray(3))), whole + 12n);
      assert.equal(BigInt(addressOf(values)), whole);
    });

    test("Zig's writes through a slice are visible in JS", async () => {
      const { fill } = await importFixture(FIXTURE, { mode });
      const bytes = new Uint8Array(8);
      fill(bytes.subarray(2, 6), 7);
      assert.deepEqual([...bytes], [0, 0, 7, 7, 7, 7, 0, 0]);
    });

    test('a misaligned writable slice is copied to aligned memory and back', async () => {
      const { doubleAll } = await importFixture(FIXTURE, { mode });
      const bytes = new Uint8Array(8 * 3 + 3);
      const view = new DataView(bytes.buffer, 3, 24);
      [1.5, -2, 1e300].forEach((v, i) => view.setFloat64(i * 8, v, true));
      doubleAll(view);
      assert.deepEqual([0, 1, 2].map((i) => view.getFloat64(i * 8, true)), [3, -4, 2e300]);
      assert.deepEqual([...bytes.subarray(0, 3)], [0, 0, 0]);
    });

    test('a misaligned const slice is read correctly', async () => {
      const { sum } = await importFixture(FIXTURE, { mode });
      assert.equal(sum(misalignedU32([10, 20, 30])), 60n);
    });

    test('a const target that was copied is not copied back', async () => {
      const { scribble } = await importFixture(FIXTURE, { mode });
      const view = misalignedU32([1, 2]);
      scribble(view);
      assert.deepEqual([view.getUint32(0, true), view.getUint32(4, true)], [1, 2]);
    });

    test('one call may take a read-only and a writable slice', async () => {
      const { scale } = await importFixture(FIXTURE, { mode });
      const out = new Int32Array(3);
      scale(new Int32Array([1, -2, 3]), -3, out);
      assert.deepEqual([...out], [-3, 6, -9]);
    });

    test('single-item pointers read and write one value', async () => {
      const { increment, read } = await importFixture(FIXTURE, { mode });
      const counter = new Uint32Array([41]);
      increment(counter);
      assert.equal(counter[0], 42);
      assert.equal(read(new BigUint64Array([2n ** 63n])), 2n ** 63n);
    });

    test('a string is UTF-8 bytes for a []const u8', async () => {
      const { sha1 } = await importFixture(FIXTURE, { mode });
      const digest = new Uint8Array(20);
      sha1('abc', digest);
      assert.equal(Buffer.from(digest).toString('hex'), 'a9993e364706816aba3e25717850c26c9cd0d89d');
      sha1('héllo ✓', digest);
      assert.equal(Buffer.from(digest).toString('hex'), createHash('sha1').update('héllo ✓', 'utf8').digest('hex'));
    });

    test('a pointer to an array takes a typed array of its elements', async () => {
      const { fillFour } = await importFixture(FIXTURE, { mode });
      const bytes = new Uint8Array(6);
      fillFour(bytes.subarray(1, 5), 9);
      assert.deepEqual([...bytes], [0, 9, 9, 9, 9, 0]);
      assert.throws(() => fillFour(new Uint8Array(3), 1), { name: 'RangeError' });
    });

    test('an array of numbers is accepted for a const slice', async () => {
      const { sum } = await importFixture(FIXTURE, { mode });
      assert.equal(sum([1, 2, 3]), 6n);
      assert.throws(() => sum([1, -2]), { name: 'RangeError', message: /sum\(args\[0\]\)\[1\]/ });
    });

    test('an empty slice is fine', async () => {
      const { sum, length } = await importFixture(FIXTURE, { mode });
      assert.equal(sum(new Uint32Array(0)), 0n);
      assert.equal(length(''), 0);
    });

    test('null gives an optional slice no value', async () => {
      const { length } = await importFixture(FIXTURE, { mode });
      assert.equal(length(null), 999);
      assert.equal(length(undefined), 999);
      assert.equal(length('four'), 4);
    });

    test('a typed array of another element type is a TypeError', async () => {
      const { sum } = await importFixture(FIXTURE, { mode });
      assert.throws(() => sum(new Int8Array(4)), { name: 'TypeError', message: /^sum\(args\[0\]\): \[\]const u32 expects Uint32Array/ });
    });

    test('a writable slice takes a string or array as a copy, which Zig may change', async () => {
      const { fill } = await importFixture(FIXTURE, { mode });
      const values = [1, 2];
      fill(values, 9);
      fill('text', 1);
      assert.deepEqual(values, [1, 2], 'the JS array is not written back');
    });

    test('any iterable is copied for a slice', async () => {
      const { sum } = await importFixture(FIXTURE, { mode });
      assert.equal(sum(new Set([1, 2, 3])), 6n);
      assert.equal(sum((function* () { yield 4; yield 5; })()), 9n);
      assert.throws(() => sum(new Set(['x'])), { name: 'TypeError', message: /sum\(args\[0\]\)\[0\]/ });
    });

    test('a string is UTF-16 code units for a []const u16', async () => {
      const { unitTotal } = await importFixture(FIXTURE, { mode });
      assert.equal(unitTotal('AB'), 65 + 66);
      assert.equal(unitTotal('\u{1F600}'), 0xd83d + 0xde00, 'a surrogate pair is two units');
    });

    test('an ArrayBuffer is taken for a byte slice and refused for wider elements', async () => {
      const { fill, sum } = await importFixture(FIXTURE, { mode });
      const bytes = new ArrayBuffer(4);
      fill(bytes, 3);
      assert.deepEqual([...new Uint8Array(bytes)], [3, 3, 3, 3]);
      assert.throws(() => sum(new ArrayBuffer(8)), { name: 'TypeError', message: /^sum\(args\[0\]\): \[\]const u32 expects Uint32Array, DataView or an array of values, received an object \(ArrayBuffer\)/ });
    });

    test('a single-item pointer takes a plain value, copied', async () => {
      const { read, increment } = await importFixture(FIXTURE, { mode });
      assert.equal(read(7n), 7n);
      increment(5);
      assert.throws(() => read('seven'), { name: 'TypeError', message: /read\(args\[0\]\)/ });
    });

    test('a byte length that is not whole elements is a RangeError', async () => {
      const { sum } = await importFixture(FIXTURE, { mode });
      assert.throws(() => sum(new DataView(new ArrayBuffer(6))), {
        name: 'RangeError',
        message: 'sum(args[0]): []const u32 needs a whole number of 4-byte elements, received 6 bytes',
      });
    });

    test('a pointer to fewer bytes than its type is a RangeError', async () => {
      const { increment } = await importFixture(FIXTURE, { mode });
      assert.throws(() => increment(new Uint32Array(0)), { name: 'RangeError' });
    });

    test('a detached buffer is a TypeError, not a silent empty slice', async () => {
      const { sum } = await importFixture(FIXTURE, { mode });
      const values = new Uint32Array([1, 2]);
      const view = new DataView(values.buffer);
      structuredClone(values.buffer, { transfer: [values.buffer] });
      assert.throws(() => sum(values), { name: 'TypeError', message: /detached/ });
      assert.throws(() => sum(view), { name: 'TypeError', message: /detached/ });
    });

    test('a SharedArrayBuffer is refused with a TypeError', async () => {
      const { sum } = await importFixture(FIXTURE, { mode });
      assert.throws(() => sum(new Uint32Array(new SharedArrayBuffer(8))), { name: 'TypeError' });
    });
  });
}
