// Optional scalars: an empty `?T` is null in JS, and null or undefined passed
// for a `?T` parameter is Zig's null.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'types/optional-values';

for (const mode of MODES) {
  describe(`${mode}: optionals`, () => {
    test('an empty optional result is null', async () => {
      const { nonZeroI32, nonZeroU64, nonZeroF64, trueOrNull, alwaysNull } = await importFixture(FIXTURE, { mode });
      assert.equal(nonZeroI32(0), null);
      assert.equal(nonZeroU64(0), null);
      assert.equal(nonZeroF64(0), null);
      assert.equal(trueOrNull(false), null);
      assert.equal(alwaysNull(), null);
    });

    test('a present optional result is the value, typed as the child type', async () => {
      const { nonZeroI32, nonZeroU64, nonZeroF64, trueOrNull } = await importFixture(FIXTURE, { mode });
      assert.equal(nonZeroI32(-2147483648), -2147483648);
      assert.equal(nonZeroU64(2n ** 64n - 1n), 2n ** 64n - 1n);
      assert.equal(nonZeroU64(1), 1n);
      assert.ok(Number.isNaN(nonZeroF64(NaN)));
      assert.equal(nonZeroF64(-1.5), -1.5);
      assert.equal(trueOrNull(true), true);
    });

    test('null and undefined passed for an optional parameter are Zig null', async () => {
      const { orMinusOne, isNull, echoOptionalF32 } = await importFixture(FIXTURE, { mode });
      assert.equal(orMinusOne(null), -1);
      assert.equal(orMinusOne(undefined), -1);
      assert.equal(isNull(null), true);
      assert.equal(isNull(undefined), true);
      assert.equal(echoOptionalF32(null), null);
      assert.equal(echoOptionalF32(undefined), null);
    });

    test('a value passed for an optional parameter reaches Zig', async () => {
      const { orMinusOne, isNull, echoOptionalF32 } = await importFixture(FIXTURE, { mode });
      assert.equal(orMinusOne(7), 7);
      assert.equal(orMinusOne(0), 0);
      assert.equal(isNull(0), false);
      assert.equal(isNull(2n ** 128n - 1n), false);
      assert.equal(echoOptionalF32(0.5), 0.5);
      assert.ok(Object.is(echoOptionalF32(-0), -0));
    });

    test('an omitted optional argument still counts as missing', async () => {
      const { orMinusOne } = await importFixture(FIXTURE, { mode });
      assert.throws(() => orMinusOne(), { name: 'TypeError', message: /Expecting 1 argument, received 0/ });
    });

    test("an optional parameter checks its value as the child type", async () => {
      const { orMinusOne, isNull } = await importFixture(FIXTURE, { mode });
      assert.throws(() => orMinusOne(2 ** 31), { name: 'RangeError', message: /^orMinusOne\(args\[0\]\): / });
      assert.throws(() => orMinusOne(0.5), { name: 'RangeError', message: /^orMinusOne\(args\[0\]\): / });
      assert.throws(() => orMinusOne('1'), { name: 'TypeError', message: /^orMinusOne\(args\[0\]\): / });
      assert.throws(() => isNull(-1n), { name: 'RangeError', message: /^isNull\(args\[0\]\): / });
    });

    test('a non-optional parameter refuses null and undefined with TypeError', async () => {
      const { nonZeroI32, nonZeroF64 } = await importFixture(FIXTURE, { mode });
      for (const v of [null, undefined]) {
        assert.throws(() => nonZeroI32(v), { name: 'TypeError', message: /^nonZeroI32\(args\[0\]\): / });
        assert.throws(() => nonZeroF64(v), { name: 'TypeError', message: /^nonZeroF64\(args\[0\]\): / });
      }
    });

    test('a nested ??i32 result is null when either level is empty', async () => {
      const { nested } = await importFixture(FIXTURE, { mode });
      assert.equal(nested(0), null);
      assert.equal(nested(1), null);
      assert.equal(nested(2), 5);
    });

    test('a nested ??i32 parameter: null is the outer null, a number the value', async () => {
      const { nestedLevel, nestedValue } = await importFixture(FIXTURE, { mode });
      assert.equal(nestedLevel(null), 0);
      assert.equal(nestedLevel(undefined), 0);
      assert.equal(nestedLevel(5), 2);
      assert.equal(nestedValue(-7), -7);
      assert.equal(nestedValue(null), -1);
    });
  });
}
