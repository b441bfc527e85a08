// Packed struct fields beyond bools and integers: floats (f16 to f128, at
// any bit), nested packed structs (live views on a byte, refused between
// bytes, as Zigar does), void, u128, and with Zig 0.15 vectors, function
// pointers and pointers.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture, zigIsAtLeast } from '../helpers/fixtures.js';

const COLOURS = 'structures/packed-colour-registers';
const POINTERS = 'structures/packed-vector-pointer-fields';
// Zig 0.16 and later refuse vectors and pointers in packed structs.
const noPackedPointers = zigIsAtLeast('0.16.0') ? 'Zig 0.16 and later do not pack vectors or pointers' : false;

for (const mode of MODES) {
  describe(`${mode}: packed struct fields`, () => {
    test('floats and nested packed structs read from a variable, and stay live', async () => {
      const { default: zig, dim } = await importFixture(COLOURS, { mode });
      const c = zig.current;
      assert.deepEqual(c.valueOf(), {
        alpha: 0.5, tint: { hue: 9, strong: true, spare: 0 }, level: { value: 40, clipped: false }, lit: true, exposure: -1.25,
      });
      const level = c.level;
      dim(0.5);
      assert.equal(c.exposure, -1.75);
      assert.equal(c.alpha, 0.25);
      assert.equal(level.value, 39, 'a nested packed struct is a live view');
    });

    test('writes land in the bits Zig reads, beside the other fields', async () => {
      const { default: zig, describe: read } = await importFixture(COLOURS, { mode });
      zig.current = { alpha: 2, tint: { hue: 3, strong: false }, level: { value: 10, clipped: true }, lit: false, exposure: 8 };
      assert.equal(read(zig.current), 2 * 1000 + 3 * 100 + 10 + 8 / 16);
      zig.current.tint.hue = 5;
      zig.current.level = { value: 20, clipped: false };
      zig.current.alpha = -0.5;
      assert.equal(read(zig.current), -0.5 * 1000 + 5 * 100 + 20 + 8 / 16);
      assert.equal(zig.current.lit, false);
      assert.equal(zig.current.level.clipped, false);
    });

    test('a packed struct with float fields crosses calls by value', async () => {
      const { Colour, brighten } = await importFixture(COLOURS, { mode });
      const c = new Colour({ alpha: 1, tint: { hue: 1, strong: true }, level: { value: 2, clipped: false }, lit: false, exposure: 3.5 });
      const out = brighten(c, 1);
      assert.equal(out.exposure, 4.5);
      assert.equal(out.lit, true);
      assert.equal(out.level.clipped, true);
      assert.equal(out.alpha, 1);
      assert.equal(brighten(c, 0).level.clipped, false);
    });

    test('fields between bytes: a float reads and writes; a nested struct is refused as a view but takes a value', async () => {
      const { default: zig, readingValue, readingStatus } = await importFixture(COLOURS, { mode });
      const r = zig.last_reading;
      assert.equal(r.value, -3.5);
      assert.equal(r.channel, 200);
      r.value = 6.25;
      assert.equal(readingValue(), 6.25);
      assert.equal(r.valid, true, 'the bit before is kept');
      assert.throws(() => r.status, { name: 'TypeError', message: /Unable to create .*Level as it is not situated on a byte boundary: status/ });
      r.status = { value: 12, clipped: false };
      assert.equal(readingStatus(), 12);
      assert.equal(r.channel, 200, 'the byte after is kept');
    });

    test('u128, f80, f128 and void fields of a wide packed struct', async () => {
      const { default: zig, wideSum, Wide } = await importFixture(COLOURS, { mode });
      const w = zig.wide;
      assert.equal(w.big, 2n ** 127n + 5n);
      assert.equal(w.precise, 2.75);
      assert.equal(w.quad, -0.125);
      assert.equal(w.nothing, undefined);
      assert.equal(w.flag, true);
      w.precise = -1.5;
      w.big = 1234n;
      assert.equal(wideSum(w), 234 - 1.5 - 0.125 + 1);
      const made = new Wide({ big: 7n, precise: 0.5, flag: false, quad: 2 });
      assert.equal(wideSum(made), 7 + 0.5 + 2);
      assert.throws(() => { w.precise = 'x'; }, { name: 'TypeError' });
      assert.throws(() => { w.nothing = 1; }, { name: 'TypeError' });
      assert.throws(() => { w.big = -1n; }, { name: 'RangeError' });
    });

    test('vectors and a function pointer as packed fields (Zig 0.15)', { skip: noPackedPointers }, async () => {
      const { default: zig, runOp, laneCount, negateOp, reset } = await importFixture(POINTERS, { mode });
      reset();
      const ctl = zig.control;
      assert.deepEqual(ctl.lanes.valueOf(), [true, false, true, false]);
      assert.equal(ctl.op(4), 8);
      ctl.lanes[1] = true;
      assert.equal(laneCount(), 3);
      ctl.lanes = [false, true, true, true];
      assert.equal(laneCount(), 3);
      assert.equal(ctl.busy, false, 'the bit after the vector is kept');
      assert.equal(ctl.step, 5);
      ctl.op = negateOp();
      assert.equal(runOp(4), -4);
      assert.equal(ctl.op(3), -3);
      ctl.op = (x) => x * 10;
      assert.equal(runOp(4), 40, 'a JS function in a packed field is called by Zig');
    });

    test('a pointer field on a byte follows its target and re-points; one between bytes is refused', { skip: noPackedPointers }, async () => {
      const { default: zig, Cursor, cursorValue, secondTarget, bumpFirst, reset } = await importFixture(POINTERS, { mode });
      reset();
      const cur = zig.cursor;
      assert.deepEqual(cur.at.valueOf(), [11]);
      bumpFirst();
      assert.deepEqual(cur.at.valueOf(), [12], 'the pointer field reads its target live');
      cur.at = secondTarget();
      assert.equal(cursorValue(), 22);
      assert.throws(() => cur.off, { name: 'TypeError', message: /Cursor\.off: a pointer that does not start on a byte boundary/ });
      const copy = Cursor(new DataView(new ArrayBuffer(cur.dataView.byteLength)));
      assert.throws(() => { copy.at = secondTarget(); }, { name: 'TypeError', message: /only be set where Zig's memory holds the struct/ });
    });

    test('a function taking a packed struct that holds a pointer is not exported, and says why', { skip: noPackedPointers }, async () => {
      const { default: zig } = await importFixture(POINTERS, { mode });
      assert.throws(() => zig.followCursor, { name: 'TypeError', message: /^followCursor: .*holds a pointer in a packed struct/ });
    });
  });
}
