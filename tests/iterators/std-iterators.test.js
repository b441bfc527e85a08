// std's iterators returned by functions (`std.mem.splitSequence`,
// `tokenizeScalar`, ...) iterate in JS. Each holds a slice of the text it
// was given; returned by value, the iterator keeps that memory alive (a JS
// string's converted bytes, or the caller's own buffer), so iterating after
// the call, after other calls and after garbage collection reads the text.
// Kept in Zig memory and returned by pointer, it would read the argument
// live long after the call: that result is refused.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const strings = (it) => [...it].map((s) => s.string);

for (const mode of MODES) {
  describe(`${mode}: std iterators`, () => {
    test('split and tokenize iterators yield []const u8 pointers whose .string is the piece', async () => {
      const { splitWords, tokens, tokensOf } = await importFixture('iterators/std-text-iterators', { mode });
      assert.deepEqual(strings(splitWords('a bc  d')), ['a', 'bc', '', 'd']);
      assert.deepEqual(strings(tokens('  a bc  d ')), ['a', 'bc', 'd']);
      assert.deepEqual(strings(tokensOf('a,b;;c', ',;')), ['a', 'b', 'c']);
      const [first] = tokens('hello world');
      assert.equal(first.length, 5);
      assert.deepEqual([...first], [...Buffer.from('hello')]);
    });

    test('iterators over other element types yield slices of them', async () => {
      const { splitNumbers, windows } = await importFixture('iterators/std-text-iterators', { mode });
      assert.deepEqual([...splitNumbers([1, 2, 0, 3, 0, 0, 4])].map((s) => [...s]), [[1, 2], [3], [], [4]]);
      assert.deepEqual([...windows(new Uint16Array([1, 2, 3, 4, 5, 6]))].map((s) => [...s]), [[1, 2, 3], [3, 4, 5], [5, 6]]);
    });

    test("an iterator over a JS string keeps the string's bytes alive past other calls and garbage collection", async () => {
      const { splitWords } = await importFixture('iterators/std-text-iterators', { mode });
      const kept = Array.from({ length: 40 }, (_, i) => splitWords(`w${i}a w${i}b w${i}c`));
      // Other calls reuse whatever scratch memory the first ones used.
      for (let i = 0; i < 40; i++) strings(splitWords('XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX'));
      globalThis.gc?.();
      await new Promise((resolve) => setImmediate(resolve));
      globalThis.gc?.();
      kept.forEach((it, i) => assert.deepEqual(strings(it), [`w${i}a`, `w${i}b`, `w${i}c`]));
    });

    test("an iterator over the caller's buffer views that buffer: items share it, changes show", async () => {
      const { splitWords } = await importFixture('iterators/std-text-iterators', { mode });
      const bytes = new TextEncoder().encode('one two three');
      const it = splitWords(bytes);
      bytes[4] = 'T'.charCodeAt(0);
      const items = [...it];
      assert.deepEqual(items.map((s) => s.string), ['one', 'Two', 'three']);
      assert.equal(items[1].dataView.buffer, bytes.buffer);
      assert.equal(items[1].dataView.byteOffset, 4);
    });

    test('an iterator over a misaligned buffer (copied for each call) still yields views of that buffer', async () => {
      const { splitNumbers } = await importFixture('iterators/std-text-iterators', { mode });
      const buffer = new ArrayBuffer(33);
      const dv = new DataView(buffer, 1, 28);
      [1, 2, 0, 3, 0, 0, 4].forEach((v, i) => dv.setUint32(i * 4, v, true));
      const it = splitNumbers(dv);
      for (let i = 0; i < 10; i++) splitNumbers([9, 9, 9]);
      const items = [...it];
      assert.deepEqual(items.map((s) => [...s]), [[1, 2], [3], [], [4]]);
      assert.equal(items[1].dataView.buffer, buffer);
      assert.equal(items[1].dataView.byteOffset, 13);
    });

    test("an iterator Zig keeps over an argument's memory, returned by pointer, is refused", async () => {
      const { keepWords } = await importFixture('iterators/retained-text-iterators', { mode });
      const refused = { name: 'Error', message: /keeps a pointer to memory that lives only during the call/ };
      assert.throws(() => keepWords('a b c'), refused);
      assert.throws(() => keepWords(new TextEncoder().encode('a b c')), refused);
    });

    test('an iterator Zig keeps over its own memory, returned by pointer or as a variable, iterates live', async () => {
      const { default: zig, copyWords } = await importFixture('iterators/retained-text-iterators', { mode });
      assert.deepEqual(strings(copyWords('x yy zzz')), ['x', 'yy', 'zzz']);
      assert.deepEqual(strings(zig.fixed), ['red', 'green', 'blue']);
      assert.deepEqual(strings(zig.fixed), []);
    });
  });
}
