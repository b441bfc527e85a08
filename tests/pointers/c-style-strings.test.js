// C-style strings: `[*:0]const u8` read to their terminator wherever they
// lie (struct fields of a variable, results), `[:0]const u8` passed and
// returned with the terminator after the elements, zero-terminated pointers
// inside values JS passes, and an opaque handle kept in a variable.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'pointers/c-style-strings';
const bytes = (text) => new TextEncoder().encode(text);

for (const mode of MODES) {
  describe(`${mode}: C-style strings`, () => {
    test('a [*:0]const u8 field reads up to its terminator, a [:0]const u8 field its length', async () => {
      const mod = await importFixture(FIXTURE, { mode });
      const [verbose, quiet] = mod.default.options;
      assert.equal(verbose.name.string, 'verbose');
      assert.equal(verbose.help.string, 'print more');
      assert.equal(quiet.name.length, 5);
      assert.equal(mod.nameOf('q'.charCodeAt(0)).string, 'quiet');
      assert.equal(mod.nameOf(0), null);
      assert.equal(mod.firstHelp().string, 'print more');
    });

    test('a string assigned to a [*:0]const u8 field reaches Zig terminated', async () => {
      const mod = await importFixture(FIXTURE, { mode });
      const option = mod.default.options[1];
      option.name = 'silent';
      assert.equal(mod.nameLength(1), 6);
      assert.equal(option.name.string, 'silent');
      // A view read from Zig is followed by its terminator: assigned as is.
      option.name = mod.default.options[0].name;
      assert.equal(mod.nameLength(1), 7);
      option.help = 'say nothing';
      assert.equal(option.help.string, 'say nothing');
    });

    test('[:0]const u8 takes strings and memory that carries or is followed by the terminator', async () => {
      const { terminatedLength } = await importFixture(FIXTURE, { mode });
      assert.equal(terminatedLength('hello'), 5);
      // The last zero of a typed array is its terminator, as in Zigar.
      assert.equal(terminatedLength(new Uint8Array([104, 105, 0])), 2);
      // Followed by a zero in the same buffer: shared, terminator included.
      assert.equal(terminatedLength(new Uint8Array([104, 105, 0, 7]).subarray(0, 2)), 2);
      // Followed by anything else: a terminated copy, never a write past the buffer.
      const tight = new Uint8Array([104, 105, 33]);
      assert.equal(terminatedLength(tight), 3);
      assert.deepEqual([...tight], [104, 105, 33]);
    });

    test('a writable [:0]u8 writes back, and refuses a typed array without its terminator', async () => {
      const { shout } = await importFixture(FIXTURE, { mode });
      const text = bytes('abc\0');
      shout(text);
      assert.equal(new TextDecoder().decode(text), 'ABC\0');
      assert.throws(() => shout(new Uint8Array([97, 98])), { name: 'RangeError', message: /sentinel value 0 at 2/ });
    });

    test('zero-terminated pointers inside values JS passes reach Zig terminated', async () => {
      const { describe: describeOption, totalNameLength } = await importFixture(FIXTURE, { mode });
      assert.equal(describeOption({ name: 'all', help: 'everything', letter: 97 }), 13);
      assert.equal(describeOption({ name: bytes('ab'), help: bytes('xyz'), letter: 97 }), 5);
      const list = [{ name: 'one', help: '', letter: 1 }, { name: 'three', help: 'h', letter: 3 }];
      assert.equal(totalNameLength(list), 8);
    });

    test('bad values are refused before Zig sees them', async () => {
      const mod = await importFixture(FIXTURE, { mode });
      assert.throws(() => mod.terminatedLength(new Uint16Array([104, 0])), { name: 'TypeError' });
      assert.throws(() => mod.terminatedLength(null), { name: 'TypeError' });
      assert.throws(() => { mod.default.options[0].name = null; }, { name: 'TypeError', message: /cannot be null/ });
      assert.throws(() => { mod.default.options[0].help = 42; }, { name: 'TypeError' });
      assert.throws(() => mod.describe({ name: null, help: 'x', letter: 1 }), { name: 'TypeError' });
      assert.equal(mod.nameLength(0), 7, 'the refused writes left the field alone');
    });

    test('a ?*Parser variable holds a handle of its type, or null', async () => {
      const mod = await importFixture(FIXTURE, { mode });
      assert.equal(mod.default.current_parser, null);
      mod.default.current_parser = mod.openParser(1);
      assert.equal(mod.currentNumber(), 2);
      assert.equal(mod.parserNumber(mod.default.current_parser), 2);
      assert.throws(() => { mod.default.current_parser = new Uint8Array(4); }, { name: 'TypeError' });
      mod.default.current_parser = null;
      assert.equal(mod.currentNumber(), 0);
    });
  });
}
