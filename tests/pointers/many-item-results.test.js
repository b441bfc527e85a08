// Many-item pointers returned by Zig. Their length is unknown, so (as in
// Zigar) a `[*]T` or `[*c]T` result views one element, live; a `[*:0]T`
// result views the elements before its terminator; a null `[*c]T` is null.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'pointers/many-item-results';

for (const mode of MODES) {
  describe(`${mode}: many-item pointer results`, () => {
    test('a [*]T result views one element of Zig memory, live', async () => {
      const { numbersPtr, total } = await importFixture(FIXTURE, { mode });
      const first = numbersPtr();
      assert.equal(first.length, 1);
      assert.equal(first[0], 10);
      const before = total();
      first[0] = 11;
      assert.equal(total(), before + 1);
      first[0] = 10;
      assert.throws(() => first[1], { name: 'RangeError' });
    });

    test('a [*]T result into the middle of an array views that element', async () => {
      const { second } = await importFixture(FIXTURE, { mode });
      assert.deepEqual(second().valueOf(), [20]);
    });

    test('a [*]const T result is read-only', async () => {
      const { constNumbers } = await importFixture(FIXTURE, { mode });
      const view = constNumbers();
      assert.equal(view[0], 10);
      assert.throws(() => { view[0] = 1; }, { name: 'TypeError' });
    });

    test('a [*]Struct result is a one-element slice of struct objects', async () => {
      const { pointsPtr, Point } = await importFixture(FIXTURE, { mode });
      const pts = pointsPtr();
      assert.equal(pts.length, 1);
      assert.ok(pts[0] instanceof Point);
      assert.deepEqual(pts[0].valueOf(), { x: 1, y: 2 });
    });

    test('a [*c]T result is null or one element', async () => {
      const { cNumbers } = await importFixture(FIXTURE, { mode });
      assert.equal(cNumbers(false), null);
      assert.deepEqual(cNumbers(true).valueOf(), [10]);
    });

    test('a [*:0]T result runs to its terminator', async () => {
      const { name, writableName } = await importFixture(FIXTURE, { mode });
      assert.equal(name().string, 'zig');
      assert.equal(name().length, 3);
      const writable = writableName();
      writable[0] = 'Z'.charCodeAt(0);
      assert.equal(name().string, 'Zig');
      writable[0] = 'z'.charCodeAt(0);
    });

    test('a [*]T result passes back into a [*]T parameter', async () => {
      const { numbersPtr, firstOf, second } = await importFixture(FIXTURE, { mode });
      assert.equal(firstOf(numbersPtr()), 10);
      assert.equal(firstOf(second()), 20);
    });

    test("a [*]T result into an argument's memory views that buffer", async () => {
      const { skipOne } = await importFixture(FIXTURE, { mode });
      const values = new Uint32Array([1, 2, 3]);
      const rest = skipOne(values);
      assert.equal(rest.dataView.buffer, values.buffer);
      assert.equal(rest.dataView.byteOffset, 4);
      rest[0] = 9;
      assert.deepEqual([...values], [1, 9, 3]);
    });
  });
}
