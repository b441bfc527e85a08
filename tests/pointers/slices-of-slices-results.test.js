// Returned slices of slices: the runtime reads each inner slice after the
// call and says where it points (an argument, an allocation, Zig memory),
// so the result's elements read as slice views of that memory.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'pointers/slices-of-slices-results';

for (const mode of MODES) {
  describe(`${mode}: slices of slices as results`, () => {
    test("an allocated list of slices of an argument: each views the argument's buffer", async () => {
      const { split } = await importFixture(FIXTURE, { mode });
      const text = new TextEncoder().encode('the quick  fox');
      const parts = split(text);
      assert.equal(parts.length, 3);
      assert.deepEqual([...parts].map((p) => p.string), ['the', 'quick', 'fox']);
      assert.equal(parts[1].dataView.buffer, text.buffer);
      assert.equal(parts[1].dataView.byteOffset, 4);
    });

    test('a string argument works too, and the views are of its UTF-8 copy', async () => {
      const { split } = await importFixture(FIXTURE, { mode });
      assert.deepEqual(split('zig and js').valueOf().map((bytes) => String.fromCharCode(...bytes)), ['zig', 'and', 'js']);
    });

    test('slices in memory of their own (allocations) come back as that memory', async () => {
      const { splitCopies } = await importFixture(FIXTURE, { mode });
      const parts = splitCopies('a bc');
      assert.deepEqual([...parts].map((p) => p.string), ['a', 'bc']);
      assert.notEqual(parts[0].dataView.buffer, parts[1].dataView.buffer);
    });

    test('one slice reached twice is one target', async () => {
      const { twice } = await importFixture(FIXTURE, { mode });
      const word = new TextEncoder().encode('echo');
      const both = twice(word);
      assert.equal(both[0].dataView.buffer, word.buffer);
      assert.equal(both[1].dataView.buffer, word.buffer);
      assert.equal(both[1].string, 'echo');
    });

    test("slices of Zig's constants are read-only views of Zig memory", async () => {
      const { words } = await importFixture(FIXTURE, { mode });
      const list = words();
      assert.deepEqual([...list].map((p) => p.string), ['hello', 'hi']);
      assert.throws(() => { list[0][0] = 1; }, { name: 'TypeError' });
    });

    test('an optional slice of slices is null or the list', async () => {
      const { maybeWords } = await importFixture(FIXTURE, { mode });
      assert.equal(maybeWords(false), null);
      assert.equal(maybeWords(true)[1].string, 'hi');
    });

    test('a returned slice of slices passes back as an argument', async () => {
      const { split, countAll } = await importFixture(FIXTURE, { mode });
      assert.equal(countAll(split('ab cde')), 5);
    });

    test('an empty list, and a bad argument refused before Zig runs', async () => {
      const { split } = await importFixture(FIXTURE, { mode });
      assert.deepEqual(split('').valueOf(), []);
      assert.throws(() => split(42), { name: 'TypeError', message: /^split\(args\[0\]\)/ });
    });
  });
}
