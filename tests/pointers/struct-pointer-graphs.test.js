// Structs whose fields are pointers and slices, as arguments. JS remembers
// what each pointer field was given; a call describes every target reachable
// through them (each once, so cycles end), and the runtime writes every
// address: in the frame for a struct passed by value, inside the struct's
// memory (or its scratch copy) for one passed by pointer.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture, thrownBy } from '../helpers/fixtures.js';

const FIXTURE = 'pointers/struct-pointer-graphs';

for (const mode of MODES) {
  describe(`${mode}: structs holding pointers, as arguments`, () => {
    test('a struct passed by value reaches the memory its slices were given', async () => {
      const { run } = await importFixture(FIXTURE, { mode });
      const out = new Uint32Array(4);
      assert.equal(run({ data: 'ab', out }), 2);
      assert.deepEqual([...out], [97, 98, 97, 98]);
    });

    test('a struct passed by const pointer takes a plain object', async () => {
      const { runPtr } = await importFixture(FIXTURE, { mode });
      const out = new Uint32Array(2);
      runPtr({ data: [1, 2], out });
      assert.deepEqual([...out], [1, 2]);
    });

    test('a struct object passed by pointer: Zig writes through its slice field', async () => {
      const { fill, Job } = await importFixture(FIXTURE, { mode });
      const out = new Uint32Array(3);
      const job = new Job({ data: 'xyz', out });
      fill(job, 7);
      assert.deepEqual([...out], [7, 7, 7]);
      assert.deepEqual(job.out.valueOf(), [7, 7, 7]);
      assert.equal(job.data.string, 'xyz');
    });

    test('pointer fields read back what they were given, the same view each time', async () => {
      const { Job } = await importFixture(FIXTURE, { mode });
      const out = new Uint32Array(2);
      const job = new Job({ data: 'hi', out });
      assert.equal(job.out, job.out);
      assert.equal(job.out.dataView.buffer, out.buffer);
      job.out = new Uint32Array([5]);
      assert.deepEqual(job.out.valueOf(), [5]);
    });

    test('optional pointer fields may be null, and defaults fill missing fields', async () => {
      const { noteWeight, Note } = await importFixture(FIXTURE, { mode });
      assert.equal(noteWeight({}), 0);
      assert.equal(noteWeight({ weight: 5 }), 9);
      assert.equal(noteWeight({ text: 'abc', weight: [1] }), 4);
      assert.equal(new Note({}).weight, null);
      assert.equal(new Note({}).text.string, 'none');
    });

    test('a struct in misaligned memory travels through a scratch copy with its pointers written there', async () => {
      const { batchSum, batchDouble, Batch } = await importFixture(FIXTURE, { mode });
      const raw = new ArrayBuffer(64);
      // A Batch is a u32, then a slice: 24 bytes, or 12 with WebAssembly's 4-byte addresses.
      const batch = Batch(new DataView(raw, 1, mode === 'wasm' ? 12 : 24));
      batch.count = 5;
      batch.items = [1, 2];
      assert.equal(batchSum(batch), 8);
      batchDouble(batch);
      assert.equal(batch.count, 10);
      assert.deepEqual(batch.items.valueOf(), [1, 2]);
    });

    test('a pointer field into another struct object lets Zig write to that object', async () => {
      const { bubble, Node } = await importFixture(FIXTURE, { mode });
      const root = new Node({ value: 1 });
      const leaf = new Node({ value: 2, parent: root });
      bubble(leaf);
      assert.equal(root.value, 3);
      assert.equal(leaf.parent.value, 3);
    });

    test('chains and cycles of pointers: each target is passed once', async () => {
      const { depth, labelLength, Node } = await importFixture(FIXTURE, { mode });
      const a = new Node({ value: 1, label: 'a' });
      const b = new Node({ value: 2, parent: a, label: 'bb' });
      assert.equal(depth(b), 2);
      assert.equal(labelLength(b), 3);
      a.parent = b;
      assert.equal(depth(a), 100);
      const self = new Node({ value: 0 });
      self.parent = self;
      assert.equal(depth(self), 100);
    });

    test('arrays of structs holding slices, by value and as a slice', async () => {
      const { pairTotal, jobsTotal } = await importFixture(FIXTURE, { mode });
      const jobs = [{ data: 'a', out: new Uint32Array(1) }, { data: 'bcd', out: new Uint32Array(1) }];
      assert.equal(pairTotal({ jobs }), 4);
      assert.equal(jobsTotal(jobs), 4);
      assert.equal(jobs[1].out[0], 98);
    });

    test('a missing or null pointer field is refused before Zig runs, naming the field', async () => {
      const { run, jobsTotal } = await importFixture(FIXTURE, { mode });
      assert.throws(() => run({ data: 'ab' }), { name: 'TypeError', message: /^run\(args\[0\]\): missing field "out"/ });
      assert.throws(() => run({ data: 'ab', out: null }), { name: 'TypeError', message: /^run\(args\[0\]\)\.out: .*cannot be null/ });
      assert.throws(() => jobsTotal([{ data: 1, out: [] }]), { name: 'TypeError', message: /^jobsTotal\(args\[0\]\)\[0\]\.data/ });
    });

    test('a struct cast over memory whose pointer fields were never given is refused', async () => {
      const { runPtr, Job } = await importFixture(FIXTURE, { mode });
      // Whatever its bytes say, a pointer field JS never gave a target has none.
      const bytes = new Uint8Array(mode === 'wasm' ? 16 : 32).fill(0xff);
      const job = Job(new DataView(bytes.buffer));
      const err = thrownBy(() => runPtr(job));
      assert.equal(err.name, 'TypeError');
      assert.match(err.message, /^runPtr\(args\[0\]\)\.data: a pointer is required/);
    });

    test('a detached buffer behind a pointer field is refused, naming the argument', async () => {
      const { runPtr, Job } = await importFixture(FIXTURE, { mode });
      const out = new Uint32Array(4);
      const job = new Job({ data: 'ab', out });
      structuredClone(out.buffer, { transfer: [out.buffer] });
      assert.throws(() => runPtr(job), { message: /args\[0\]: the buffer is detached/ });
    });
  });
}
