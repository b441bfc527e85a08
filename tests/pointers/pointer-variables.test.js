// A `pub var` whose type is a pointer or slice reads as what it points at,
// live, and assigning to it points Zig's variable somewhere else: at JS
// memory, or at another Zig object. Constants holding pointers read the
// same way and refuse writes.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'pointers/pointer-variables';

for (const mode of MODES) {
  describe(`${mode}: pointer variables`, () => {
    test('a slice variable reads as the elements it points at, live', async () => {
      const { default: zig, windowTotal } = await importFixture(FIXTURE, { mode });
      assert.deepEqual([...zig.window], [1, 2, 3, 4]);
      zig.window[0] = 5;
      assert.equal(windowTotal(), 14);
      zig.window[0] = 1;
    });

    test('re-pointing done by Zig shows on the next read', async () => {
      const { default: zig, useSpare, useReadings, windowTotal } = await importFixture(FIXTURE, { mode });
      useSpare();
      assert.deepEqual([...zig.window], [10, 20]);
      assert.equal(windowTotal(), 30);
      useReadings();
      assert.deepEqual([...zig.window], [1, 2, 3, 4]);
    });

    test('assigning JS memory re-points the variable for Zig', async () => {
      const { default: zig, useReadings, windowTotal } = await importFixture(FIXTURE, { mode });
      const values = new Uint32Array([5, 6, 7]);
      zig.window = values;
      assert.equal(windowTotal(), 18);
      assert.deepEqual([...zig.window], [5, 6, 7]);
      useReadings();
    });

    test('a string assigned to a []const u8 variable is what Zig reads', async () => {
      const { default: zig, labelLength } = await importFixture(FIXTURE, { mode });
      zig.label = 'hello world';
      assert.equal(labelLength(), 11);
      assert.equal(zig.label.string, 'hello world');
    });

    test('a pointer variable takes another pointer read from Zig, sharing its target', async () => {
      const { default: zig, chosenValue } = await importFixture(FIXTURE, { mode });
      assert.equal(zig.chosen, null);
      zig.chosen = zig.current;
      zig.current[0] = 99;
      assert.equal(chosenValue(), 99);
      zig.chosen = null;
      assert.equal(chosenValue(), null);
      zig.current[0] = 1;
    });

    test('an optional slice variable is null until given a value', async () => {
      const { default: zig, noteLength } = await importFixture(FIXTURE, { mode });
      assert.equal(zig.note, null);
      zig.note = 'four';
      assert.equal(noteLength(), 4);
      zig.note = null;
      assert.equal(noteLength(), 0);
    });

    test('an array of pointers is assigned element by element, each re-pointed', async () => {
      const { default: zig, endsSum } = await importFixture(FIXTURE, { mode });
      assert.deepEqual(zig.ends.valueOf(), [[1], [4]]);
      zig.ends = [zig.current, new Uint32Array([7])];
      assert.equal(endsSum(), zig.current[0] + 7);
      zig.ends[1] = new Uint32Array([8]);
      assert.equal(endsSum(), zig.current[0] + 8);
    });

    test('a struct variable assigned as a whole points its slice field at the new text', async () => {
      const { default: zig, recordTextLength } = await importFixture(FIXTURE, { mode });
      assert.equal(zig.record.text.string, 'first');
      zig.record = { text: 'second one', weight: 2 };
      assert.equal(recordTextLength(), 10);
      assert.equal(zig.record.text.string, 'second one');
    });

    test('constants holding pointers read what they point at', async () => {
      const { default: zig, greeting, title, tagged } = await importFixture(FIXTURE, { mode });
      assert.equal(greeting.string, 'hello');
      assert.equal(title.string, 'zigport', 'a string literal is a pointer to a terminated array');
      assert.equal(zig.tagged.text.string, 'abc');
      assert.equal(tagged.weight, 3);
    });

    test('constants holding pointers refuse writes, to themselves and their fields', async () => {
      const { default: zig, tagged } = await importFixture(FIXTURE, { mode });
      assert.throws(() => { zig.greeting = 'x'; }, { name: 'TypeError', message: /greeting/ });
      assert.throws(() => { tagged.text = 'x'; }, { name: 'TypeError' });
    });

    test('a non-optional pointer variable refuses null', async () => {
      const { default: zig } = await importFixture(FIXTURE, { mode });
      assert.throws(() => { zig.window = null; }, { name: 'TypeError', message: /window: \[\]u32 .*cannot be null/ });
    });

    test('a pointer variable refuses memory of another element type', async () => {
      const { default: zig } = await importFixture(FIXTURE, { mode });
      assert.throws(() => { zig.window = new Uint8Array(4); }, { name: 'TypeError', message: /window: \[\]u32/ });
      assert.deepEqual([...zig.window].length > 0, true);
    });
  });
}
