// Structs holding pointers and slices as values. In Zig's memory (a `pub
// var`, what a returned pointer leads to) a pointer field is live: reading
// it asks the runtime where it points now, assigning it has the runtime
// write the address of the JS memory given (kept alive meanwhile). A struct
// returned by value knows where its pointers pointed when it was returned.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'structures/pointer-fields';

for (const mode of MODES) {
  describe(`${mode}: pointer fields`, () => {
    test("a pub var's slice field views Zig's memory, and a null optional pointer is null", async () => {
      const { default: zig, unlinkShared } = await importFixture(FIXTURE, { mode });
      unlinkShared();
      assert.equal(zig.root.label.string, 'root');
      assert.equal(zig.shared.parent, null);
    });

    test('a pointer field Zig changes reads its new target', async () => {
      const { default: zig, linkShared, unlinkShared } = await importFixture(FIXTURE, { mode });
      linkShared();
      assert.equal(zig.shared.parent.label.string, 'root');
      assert.equal(zig.shared.parent, zig.shared.parent);
      unlinkShared();
      assert.equal(zig.shared.parent, null);
    });

    test("assigning a pointer field of Zig's memory points Zig at the JS memory", async () => {
      const { default: zig, sharedLabelLength, sharedParentValue, Node } = await importFixture(FIXTURE, { mode });
      const text = new TextEncoder().encode('from js');
      zig.shared.label = text;
      assert.equal(sharedLabelLength(), 7);
      // Native Zig points at the JS memory itself; WebAssembly sees only its
      // own memory, so there the field gets a copy.
      if (mode === 'native') assert.equal(zig.shared.label.dataView.buffer, text.buffer);
      else assert.equal(zig.shared.label.string, 'from js');
      zig.shared.label = 'str';
      assert.equal(sharedLabelLength(), 3);
      zig.shared.parent = new Node({ value: 5 });
      assert.equal(sharedParentValue(), 5);
      zig.shared.parent = null;
      assert.equal(sharedParentValue(), 0);
      zig.shared.label = 'shared';
    });

    test('a pointer returned into Zig memory leads on through its pointer fields', async () => {
      const { linkShared } = await importFixture(FIXTURE, { mode });
      const node = linkShared();
      assert.equal(node.label.string, 'shared');
      assert.equal(node.parent.value, 1);
    });

    test('a struct returned by value reads its pointer fields', async () => {
      const { makeJob, echoNote } = await importFixture(FIXTURE, { mode });
      const job = makeJob('xy');
      assert.equal(job.data.string, 'xy');
      assert.deepEqual(job.out.valueOf(), [120, 121]);
      const note = echoNote({ text: 'abc', weight: [3] });
      assert.equal(note.text.string, 'abc');
      assert.deepEqual(note.weight.valueOf(), [3]);
      assert.equal(echoNote({}).weight, null);
    });

    test('structs with pointers as array elements', async () => {
      const { default: zig, noteWeight } = await importFixture(FIXTURE, { mode });
      assert.equal(zig.notes[0].text.string, 'first');
      assert.equal(zig.notes[0].weight, null);
      assert.deepEqual(zig.notes[1].weight.valueOf(), [40]);
      zig.notes[0].weight = new Uint32Array([9]);
      assert.equal(noteWeight(0), 9);
    });

    test('assigning a wrong value to a pointer field is a TypeError naming the field', async () => {
      const { default: zig, Node } = await importFixture(FIXTURE, { mode });
      assert.throws(() => { zig.shared.label = 12; }, { name: 'TypeError', message: /Node\.label/ });
      assert.throws(() => { zig.shared.parent = new Uint8Array(3); }, { name: 'TypeError' });
      assert.throws(() => new Node({ value: 1, label: null }), { name: 'TypeError', message: /cannot be null/ });
    });

    test('a constant holding pointers reads what they point at, read-only', async () => {
      const { default: zig, fixed_note } = await importFixture(FIXTURE, { mode });
      assert.equal(fixed_note.text.string, 'fixed');
      assert.throws(() => { zig.fixed_note.text = 'other'; }, { name: 'TypeError' });
    });

    test('a struct holding pointers inside an error union or optional result', async () => {
      const { tryJob, maybeNote } = await importFixture(FIXTURE, { mode });
      assert.deepEqual(tryJob('ab').out.valueOf(), [97, 98]);
      assert.throws(() => tryJob(''), { name: 'ZigError', message: 'Nothing to do' });
      assert.equal(maybeNote(false), null);
      assert.equal(maybeNote(true).text.string, 'second');
      assert.deepEqual(maybeNote(true).weight.valueOf(), [40]);
    });
  });
}
