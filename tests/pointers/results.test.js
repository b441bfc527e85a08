// Pointers and slices returned by Zig: an address inside an argument's
// memory maps back to that buffer; an address in Zig's memory becomes a view
// of it, the same object each time.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'pointers/pointer-results';

for (const mode of MODES) {
  describe(`${mode}: pointer results`, () => {
    test("a slice of an argument's memory views that ArrayBuffer", async () => {
      const { getSlice } = await importFixture(FIXTURE, { mode });
      const dv = new DataView(new ArrayBuffer(40));
      for (let i = 0; i < 10; i++) dv.setInt32(i * 4, i * 10, true);
      const slice = getSlice(new Int32Array(dv.buffer), 2, 5);
      assert.equal(slice.length, 3);
      assert.deepEqual([...slice], [20, 30, 40]);
      assert.equal(slice.dataView.buffer, dv.buffer);
      assert.equal(slice.dataView.byteOffset, 8);
      slice[0] = -1;
      assert.equal(dv.getInt32(8, true), -1);
    });

    test('a result inside a copied argument maps back to the original buffer', async () => {
      const { doubled } = await importFixture(FIXTURE, { mode });
      const view = new DataView(new ArrayBuffer(9), 1, 8);
      view.setUint8(0, 21);
      const result = doubled(view);
      assert.equal(result.dataView.buffer, view.buffer);
      assert.equal(result.dataView.byteOffset, 1);
      assert.equal(result[0], 42);
    });

    test('a const slice result is a read-only view', async () => {
      const { firstHalf } = await importFixture(FIXTURE, { mode });
      const half = firstHalf(new TextEncoder().encode('abcdef'));
      assert.equal(half.string, 'abc');
      assert.throws(() => { half[0] = 1; }, { name: 'TypeError' });
    });

    test("a slice of Zig's memory is live and the same object each time", async () => {
      const { getTable, tableSum } = await importFixture(FIXTURE, { mode });
      const table = getTable();
      table[0] = 100;
      assert.equal(tableSum(), 109);
      assert.equal(getTable(), table);
      assert.deepEqual([...getTable()], [100, 2, 3, 4]);
    });

    test('a pointer to a struct is that struct, viewing Zig memory', async () => {
      const { getOrigin, constOrigin, Point, default: mod } = await importFixture(FIXTURE, { mode });
      const origin = getOrigin();
      assert.ok(origin instanceof Point);
      origin.x = 9;
      assert.equal(mod.origin.x, 9);
      assert.throws(() => { constOrigin().x = 1; }, { name: 'TypeError' });
    });

    test('a pointer to a scalar is a one-element view', async () => {
      const { counter, getTable } = await importFixture(FIXTURE, { mode });
      const c = counter();
      assert.equal(c.length, 1);
      c[0] = 7;
      assert.equal(getTable()[0], 7);
    });

    test('an optional slice result is null or the slice', async () => {
      const { maybeTable } = await importFixture(FIXTURE, { mode });
      assert.equal(maybeTable(false), null);
      assert.equal(maybeTable(true).length, 4);
    });

    test('a returned slice can be passed back in', async () => {
      const { getSlice } = await importFixture(FIXTURE, { mode });
      const values = new Int32Array([1, 2, 3, 4, 5]);
      const middle = getSlice(values, 1, 4);
      assert.deepEqual(getSlice(middle, 1, 3).valueOf(), [3, 4]);
    });
  });
}
