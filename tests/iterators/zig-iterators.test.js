// Zig iterators in JS: a struct, union or opaque type whose `next` takes
// `*Self` (plus at most one allocator and one all-defaults struct) and
// returns `?X` or `E!?X` is iterable; iteration calls `next` until null.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

/** Runs `obj[Symbol.iterator](...args)` to its end. */
const drain = (obj, ...args) => Array.from({ [Symbol.iterator]: () => obj[Symbol.iterator](...args) });

for (const mode of MODES) {
  describe(`${mode}: Zig iterators`, () => {
    test('a returned iterator yields what next() returns until null', async () => {
      const { count, squares } = await importFixture('iterators/counting-iterators', { mode });
      assert.deepEqual([...count(4)], [0, 1, 2, 3]);
      assert.deepEqual([...count(0)], []);
      const items = [];
      for (const pair of squares(3)) items.push(pair.valueOf());
      assert.deepEqual(items, [{ index: 0, square: 0 }, { index: 1, square: 1 }, { index: 2, square: 4 }]);
    });

    test('iteration advances the Zig value: a second pass continues where the first stopped', async () => {
      const { count } = await importFixture('iterators/counting-iterators', { mode });
      const counter = count(3);
      assert.equal(counter.next(), 0);
      assert.deepEqual([...counter], [1, 2]);
      assert.deepEqual([...counter], []);
      assert.equal(counter.at, 3);
    });

    test('an iterator reached through a pointer, an optional or an error union iterates', async () => {
      const { default: zig, sharedCounter, maybeCount, checkedCount } = await importFixture('iterators/counting-iterators', { mode });
      zig.shared = { end: 3 };
      assert.deepEqual([...sharedCounter()], [0, 1, 2]);
      // The pointer led to the variable itself, which is now used up.
      assert.equal(zig.shared.at, 3);
      zig.shared = { end: 2 };
      assert.deepEqual([...zig.shared], [0, 1]);
      assert.deepEqual([...maybeCount(2)], [0, 1]);
      assert.equal(maybeCount(0), null);
      assert.deepEqual([...checkedCount(3)], [0, 1, 2]);
      assert.throws(() => checkedCount(101), { message: 'Too many' });
    });

    test('an iterator JS makes iterates too', async () => {
      const { Counter } = await importFixture('iterators/counting-iterators', { mode });
      assert.deepEqual([...new Counter({ end: 2 })], [0, 1]);
      assert.deepEqual([...new Counter({ at: 5, end: 7 })], [5, 6]);
    });

    test('a Zig error from next() is thrown from the iteration, after the items before it', async () => {
      const { countdown } = await importFixture('iterators/failing-iterators', { mode });
      const seen = [];
      assert.throws(() => { for (const n of countdown(5, 2)) seen.push(n); }, { message: 'Reached trapdoor' });
      assert.deepEqual(seen, [5, 4, 3]);
      assert.deepEqual([...countdown(3, -1)], [3, 2, 1]);
    });

    test('[Symbol.iterator](arg) passes arg to next(); left out, the defaults apply', async () => {
      const { stepper } = await importFixture('iterators/iterators-with-arguments', { mode });
      assert.deepEqual([...stepper(4)], [0, 1, 2, 3]);
      assert.deepEqual(drain(stepper(10), { step: 3, scale: 2 }), [0, 6, 12, 18]);
      assert.deepEqual(drain(stepper(5), { step: 2 }), [0, 2, 4]);
    });

    test('an argument next() cannot take is a TypeError naming it', async () => {
      const { stepper } = await importFixture('iterators/iterators-with-arguments', { mode });
      assert.throws(() => drain(stepper(3), 5), { name: 'TypeError', message: /next\(args\[1\]\).*Options expects an object of field values, received 5/ });
      assert.throws(() => drain(stepper(3), { stride: 2 }), { name: 'TypeError', message: /Options has no field "stride"/ });
      assert.throws(() => drain(stepper(3), { step: -1 }), { name: 'RangeError' });
    });

    test('the runtime supplies the allocator next() takes; its items are JS memory', async () => {
      const { labels, repeater } = await importFixture('iterators/iterators-with-arguments', { mode });
      assert.deepEqual([...labels(3)].map((s) => s.string), ['label-0', 'label-1', 'label-2']);
      assert.deepEqual([...repeater(2)].map((s) => s.string), ['abab', 'abab']);
      assert.deepEqual(drain(repeater(1), { text: 'xy', times: 3 }).map((s) => s.string), ['xyxyxy']);
    });

    test('a next() of another shape makes no iterator: the struct iterates its fields', async () => {
      const { NeedsNumber, NeverEnds, ByValue } = await importFixture('iterators/iterators-with-arguments', { mode });
      assert.deepEqual([...new NeedsNumber({})], [['value', 1]]);
      assert.deepEqual([...new NeverEnds({})], [['value', 1]]);
      assert.deepEqual([...new ByValue({})], [['value', 1]]);
    });

    test('a const iterator cannot be iterated: next() would write to constant memory', async () => {
      const { default: zig } = await importFixture('iterators/counting-iterators', { mode });
      assert.throws(() => [...zig.fixed], { name: 'TypeError', message: /would let Zig write to constant memory/ });
    });

    test('tagged unions and opaque handles with a next() iterate', async () => {
      const { countdownSource, letterSource, openCursor } = await importFixture('iterators/union-and-opaque-iterators', { mode });
      assert.deepEqual([...countdownSource(3)], [3, 2, 1]);
      assert.deepEqual([...letterSource(100)].map((c) => String.fromCharCode(c)), ['a', 'b', 'c']);
      assert.deepEqual([...openCursor(0, 3)], [0, 10, 20]);
      const cursor = openCursor(1, 2);
      assert.equal(cursor.next(), 0);
      assert.deepEqual([...cursor], [10]);
    });
  });
}
