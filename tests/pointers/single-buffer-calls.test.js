// Calls whose one pointer argument is a typed array of a slice's elements
// or a struct for a pointer to it, which the native runtime passes without
// records or planning: every case it must decline (shared, detached, empty
// or misaligned memory, read-only structs, the wrong kind of array) still
// gets what the general path gives, in both modes.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'pointers/single-buffer-calls';

for (const mode of MODES) {
  describe(`${mode}: single-buffer calls`, () => {
    test('typed arrays, subarrays and Buffers are read where they are', async () => {
      const { firstOf, sumU32 } = await importFixture(FIXTURE, { mode });
      assert.equal(firstOf(new Uint8Array([9, 8])), 9);
      assert.equal(firstOf(new Uint8Array([9, 8, 7]).subarray(2)), 7);
      assert.equal(firstOf(Buffer.from([5])), 5);
      assert.equal(sumU32(new Uint32Array([1, 2, 4000000000])), 4000000003n);
    });

    test("Zig's writes land in the viewed bytes only, beside a scalar argument", async () => {
      const { fillBytes } = await importFixture(FIXTURE, { mode });
      const bytes = new Uint8Array(6);
      fillBytes(bytes.subarray(1, 4), 3);
      assert.deepEqual([...bytes], [0, 3, 3, 3, 0, 0]);
    });

    test('empty, shared and detached memory get the general answers', async () => {
      const { firstOf, fillBytes } = await importFixture(FIXTURE, { mode });
      assert.equal(firstOf(new Uint8Array(0)), 0);
      const shared = new Uint8Array(new SharedArrayBuffer(4));
      assert.throws(() => firstOf(shared), { name: 'TypeError', message: /firstOf\(args\[0\]\).*SharedArrayBuffer/ });
      const detached = new Uint8Array(4);
      structuredClone(detached.buffer, { transfer: [detached.buffer] });
      assert.throws(() => fillBytes(detached, 1), { name: 'TypeError', message: /fillBytes\(args\[0\]\).*detached/ });
    });

    test('an array of other elements is refused, an optional slice may be null', async () => {
      const { sumU32, maybeLen } = await importFixture(FIXTURE, { mode });
      assert.throws(() => sumU32(new Uint8Array(4)), { name: 'TypeError', message: /sumU32\(args\[0\]\)/ });
      assert.equal(maybeLen(null), 0);
      const bytes = new Uint8Array(3);
      for (let i = 0; i < 3; i++) assert.equal(maybeLen(bytes), 3);
      assert.equal(maybeLen(null), 0);
    });

    test('a struct is passed by pointer, and Zig writes into it', async () => {
      const { P, sumP, scaleP } = await importFixture(FIXTURE, { mode });
      const p = new P({ x: 1.5, y: 2 });
      assert.equal(sumP(p), 3.5);
      scaleP(p, 2);
      assert.deepEqual([p.x, p.y], [3, 4]);
    });

    test('a struct inside another is passed at its own offset', async () => {
      const { Q, sumP, scaleP } = await importFixture(FIXTURE, { mode });
      const q = new Q({ n: 7, inner: { x: 1, y: 10 } });
      assert.equal(sumP(q.inner), 11);
      scaleP(q.inner, 3);
      assert.deepEqual([q.n, q.inner.x, q.inner.y], [7, 3, 30]);
    });

    test('a struct over misaligned memory is copied and written back', async () => {
      const { P, sumP, scaleP } = await importFixture(FIXTURE, { mode });
      const bytes = new Uint8Array(20);
      const p = P(new DataView(bytes.buffer, 4, 16));
      p.x = 2;
      p.y = 5;
      assert.equal(sumP(p), 7);
      scaleP(p, -1);
      assert.deepEqual([p.x, p.y], [-2, -5]);
      assert.deepEqual([...bytes.subarray(0, 4)], [0, 0, 0, 0]);
    });

    // The same array passed again, after its memory changed between calls.
    // (Natively, in a module that never calls JS, an array's calls from its
    // second on write its address themselves, which these must not fool.)
    test('an array passed again after its buffer was transferred gets the detached answer', async () => {
      const { firstOf, fillBytes } = await importFixture(FIXTURE, { mode });
      const bytes = new Uint8Array([4, 5]);
      for (let i = 0; i < 3; i++) assert.equal(firstOf(bytes), 4);
      const moved = structuredClone(bytes.buffer, { transfer: [bytes.buffer] });
      assert.throws(() => fillBytes(bytes, 1), { name: 'TypeError', message: /fillBytes\(args\[0\]\).*detached/ });
      assert.deepEqual([...new Uint8Array(moved)], [4, 5]);
    });

    test('an array over a resizable buffer passed again after it shrank and grew gets its length then', async () => {
      const { fillBytes, sumU32 } = await importFixture(FIXTURE, { mode });
      const buffer = new ArrayBuffer(16, { maxByteLength: 64 });
      const values = new Uint32Array(buffer);
      values.fill(1);
      for (let i = 0; i < 3; i++) assert.equal(sumU32(values), 4n);
      buffer.resize(8);
      assert.equal(sumU32(values), 2n);
      buffer.resize(32);
      assert.equal(sumU32(values), 2n, 'grown memory reads as zeros');
      const bytes = new Uint8Array(buffer, 4, 4);
      fillBytes(bytes, 7);
      fillBytes(bytes, 7);
      // A fixed-length view that now reaches past the end reads as empty, as JS has it.
      buffer.resize(6);
      fillBytes(bytes, 9);
      assert.deepEqual([...new Uint8Array(buffer)], [1, 0, 0, 0, 7, 7]);
    });

    test('a length property of its own on an array does not change what Zig gets', async () => {
      const { sumU32, fillBytes } = await importFixture(FIXTURE, { mode });
      const values = new Uint32Array([1, 2, 3]);
      for (let i = 0; i < 3; i++) assert.equal(sumU32(values), 6n);
      Object.defineProperty(values, 'length', { value: 1000 });
      assert.equal(sumU32(values), 6n);
      const backing = new Uint8Array(8);
      const bytes = backing.subarray(0, 2);
      Object.defineProperty(bytes, 'length', { value: 8 });
      for (let i = 0; i < 3; i++) fillBytes(bytes, 1);
      assert.deepEqual([...backing], [1, 1, 0, 0, 0, 0, 0, 0]);
    });

    test('a constant struct is read, but never handed to a writable pointer', async () => {
      const { unit, sumP, scaleP } = await importFixture(FIXTURE, { mode });
      assert.equal(sumP(unit), 2);
      assert.throws(() => scaleP(unit, 2), { name: 'TypeError', message: /scaleP\(args\[0\]\)/ });
      assert.deepEqual([unit.x, unit.y], [1, 1]);
    });
  });
}
