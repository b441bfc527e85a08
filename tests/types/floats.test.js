// Zig floats of every width are JS numbers: f16 and f32 round as Zig does,
// f80 and f128 take every double exactly and come back rounded to the
// nearest double; NaN, infinities and -0 survive.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'types/float-widths';
const WIDTHS = ['F16', 'F32', 'F64', 'F80', 'F128'];
const SPECIAL = [NaN, Infinity, -Infinity, -0, 0];

for (const mode of MODES) {
  describe(`${mode}: floats`, () => {
    test('values every width holds exactly round-trip', async () => {
      const mod = await importFixture(FIXTURE, { mode });
      for (const w of WIDTHS) {
        for (const v of [1, -2.5, 0.125, 1024, -65504]) assert.equal(mod[`echo${w}`](v), v, `echo${w}(${v})`);
      }
    });

    for (const w of WIDTHS) {
      test(`NaN, ±Infinity and -0 survive ${w.toLowerCase()}`, async () => {
        const echo = (await importFixture(FIXTURE, { mode }))[`echo${w}`];
        for (const v of SPECIAL) assert.ok(Object.is(echo(v), v), `echo${w}(${Object.is(v, -0) ? '-0' : v}) gave ${echo(v)}`);
      });
    }

    test('f64 round-trips every double exactly', async () => {
      const { echoF64 } = await importFixture(FIXTURE, { mode });
      for (const v of [Math.PI, 0.1, Number.MAX_VALUE, Number.MIN_VALUE, -Number.EPSILON, 2 ** 53 + 2]) {
        assert.equal(echoF64(v), v);
      }
    });

    test('f80 and f128 take every double exactly, down to subnormals', async () => {
      const { echoF80, echoF128 } = await importFixture(FIXTURE, { mode });
      for (const echo of [echoF80, echoF128]) {
        for (const v of [Math.PI, 0.1, 1 / 3, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 2 ** -1074 * 3, 2 ** -1022, 2 ** 53 + 2]) {
          assert.equal(echo(v), v, `${echo.name}(${v})`);
        }
      }
    });

    test('f80 and f128 arithmetic keeps the precision a double lacks', async () => {
      const { cancelF80, cancelF128 } = await importFixture(FIXTURE, { mode });
      assert.equal((1e18 + 1) - 1e18, 0); // what f64 would give
      assert.equal(cancelF80(1e18, 1), 1);
      assert.equal(cancelF128(1e20, 1), 1);
      assert.equal(cancelF128(1, 2 ** -100), 2 ** -100);
    });

    test('f128 results round to the nearest double, ties to even', async () => {
      const { addF128 } = await importFixture(FIXTURE, { mode });
      assert.equal(addF128(1, 2 ** -53), 1); // a tie: to even
      assert.equal(addF128(1, 2 ** -53 + 2 ** -60), 1 + 2 ** -52); // above the tie: up
      assert.equal(addF128(1, 3 * 2 ** -53), 1 + 2 ** -51); // a tie: to even, upwards
      assert.equal(addF128(-1, -(2 ** -53 + 2 ** -60)), -(1 + 2 ** -52));
    });

    test('f80 and f128 results computed by Zig arrive as the nearest double', async () => {
      const { thirdF80, thirdF128 } = await importFixture(FIXTURE, { mode });
      assert.equal(thirdF80(), 1 / 3);
      assert.equal(thirdF128(), 1 / 3);
    });

    test('f80 and f128 results beyond the double range become ±Infinity or ±0', async () => {
      const { hugeF80, hugeF128, tinyF128 } = await importFixture(FIXTURE, { mode });
      assert.equal(hugeF80(), Infinity);
      assert.equal(hugeF128(), -Infinity);
      assert.ok(Object.is(tinyF128(), -0));
    });

    test('NaN, infinities and -0 made by Zig arrive as such', async () => {
      const { nanF80, infinityF128, negativeZeroF16 } = await importFixture(FIXTURE, { mode });
      assert.ok(Number.isNaN(nanF80()));
      assert.equal(infinityF128(), -Infinity);
      assert.ok(Object.is(negativeZeroF16(), -0));
    });

    test('-0 from JS is negative zero in Zig', async () => {
      const { isNegativeZeroF80, isNegativeZeroF128 } = await importFixture(FIXTURE, { mode });
      for (const check of [isNegativeZeroF80, isNegativeZeroF128]) {
        assert.equal(check(-0), true, check.name);
        assert.equal(check(0), false, check.name);
      }
    });

    test('f16 rounds to the nearest half-precision value', async () => {
      const { echoF16, divideF16 } = await importFixture(FIXTURE, { mode });
      assert.equal(echoF16(1 / 3), 0.333251953125);
      assert.equal(divideF16(1, 3), 0.333251953125);
      assert.equal(echoF16(65504), 65504); // largest f16
      assert.equal(echoF16(65519), 65504); // below the midpoint to 65536
      assert.equal(echoF16(65520), Infinity); // the midpoint rounds to even, which overflows
      assert.equal(echoF16(2 ** -24), 2 ** -24); // smallest subnormal
      assert.equal(echoF16(2 ** -25), 0); // a tie: to even
      assert.equal(echoF16(2 ** -25 * 1.5), 2 ** -24);
      assert.equal(echoF16(1 + 2 ** -11), 1); // a tie: to even
      assert.equal(echoF16(1 + 3 * 2 ** -11), 1 + 2 ** -9); // a tie: to even, upwards
    });

    test('f32 rounds as Math.fround does', async () => {
      const { echoF32, addF32 } = await importFixture(FIXTURE, { mode });
      for (const v of [0.1, Math.PI, 1e-40, 3.4028235677973366e38]) assert.equal(echoF32(v), Math.fround(v));
      assert.equal(echoF32(1e39), Infinity);
      assert.equal(addF32(0.1, 0.2), Math.fround(Math.fround(0.1) + Math.fround(0.2)));
    });

    test('float parameters accept bigints as numbers', async () => {
      const { echoF64, echoF128 } = await importFixture(FIXTURE, { mode });
      assert.equal(echoF64(3n), 3);
      assert.equal(echoF128(2n ** 60n), 2 ** 60);
    });

    test('float parameters refuse non-numbers with TypeError naming the argument', async () => {
      const mod = await importFixture(FIXTURE, { mode });
      for (const w of WIDTHS) {
        for (const v of ['1', null, undefined, {}, true]) {
          assert.throws(() => mod[`echo${w}`](v), (err) => err instanceof TypeError
            && err.message.startsWith(`echo${w}(args[0]): `), `echo${w}(${String(v)})`);
        }
      }
      assert.throws(() => mod.addF32(1, '2'), { name: 'TypeError', message: /^addF32\(args\[1\]\): / });
    });
  });
}
