// Zig integers and bool as parameters and results: exact limits, which come
// back as numbers and which as bigints, and what is refused before Zig runs.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture, zigIsAtLeast, zigVersionInUse } from '../helpers/fixtures.js';

const STANDARD = 'types/integer-widths';
const ODD = 'types/odd-integer-widths';
const I0 = 'types/signed-zero-bit-integer';
/** Zig 0.17 removed `i0`; a module declaring it no longer compiles. */
const NO_I0 = zigIsAtLeast('0.17.0') && `Zig ${zigVersionInUse()} has no i0`;

/**
 * `{ zig, fn, bits, signed, sized, fixture }` for every integer type the
 * fixtures export; usize and isize are 32 bits in WebAssembly.
 */
function intTypes(mode) {
  const wordBits = mode === 'wasm' ? 32 : 64;
  return [
    ...['i8', 'u8', 'i16', 'u16', 'i32', 'u32', 'i64', 'u64', 'isize', 'usize', 'i128', 'u128']
      .map((zig) => intType(zig, STANDARD, wordBits)),
    ...['u1', 'i1', 'u7', 'i24', 'u48', 'i65'].map((zig) => intType(zig, ODD, wordBits)),
  ];
}

function intType(zig, fixture, wordBits) {
  const sized = zig === 'isize' || zig === 'usize';
  const bits = sized ? wordBits : Number(zig.slice(1));
  const signed = zig[0] === 'i';
  const min = signed ? -(1n << BigInt(bits - 1)) : 0n;
  const max = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
  const fn = zig[0].toUpperCase() + zig.slice(1);
  return { zig, fn, bits, signed, sized, min, max, fixture };
}

/** What JS should see for integer `value` of type `t`. */
function js(t, value) {
  if (t.bits <= 32) return Number(value);
  if (t.sized && value >= -(2n ** 53n - 1n) && value <= 2n ** 53n - 1n) return Number(value);
  return value;
}

/** assert.throws options for a rejected argument `index` of `fn`. */
function rejected(ErrorClass, fn, index = 0) {
  return (err) => {
    assert.ok(err instanceof ErrorClass, `expected ${ErrorClass.name}, got ${err?.constructor?.name}: ${err?.message}`);
    assert.ok(err.message.startsWith(`${fn}(args[${index}]): `), `message should name the argument: ${err.message}`);
    return true;
  };
}

for (const mode of MODES) {
  describe(`${mode}: integers`, () => {
    for (const t of intTypes(mode)) {
      describe(t.zig, () => {
        test(`Zig's min and max arrive exactly, as ${t.bits <= 32 ? 'numbers' : t.sized ? 'bigints beyond safe integers' : 'bigints'}`, async () => {
          const mod = await importFixture(t.fixture, { mode });
          assert.equal(mod[`min${t.fn}`](), js(t, t.min));
          assert.equal(mod[`max${t.fn}`](), js(t, t.max));
        });

        test('min and max round-trip exactly through a parameter', async () => {
          const echo = (await importFixture(t.fixture, { mode }))[`echo${t.fn}`];
          for (const v of [t.min, t.max]) assert.equal(echo(js(t, v)), js(t, v));
        });

        test('one below min and one above max throw RangeError naming the argument', async () => {
          const echo = (await importFixture(t.fixture, { mode }))[`echo${t.fn}`];
          for (const v of [t.min - 1n, t.max + 1n]) {
            assert.throws(() => echo(v), rejected(RangeError, `echo${t.fn}`), `${v}n`);
            const asNumber = Number(v);
            if (BigInt(asNumber) === v) assert.throws(() => echo(asNumber), rejected(RangeError, `echo${t.fn}`), `${v}`);
          }
        });
      });
    }

    test('usize and isize results are numbers while safe integers and bigints beyond', async () => {
      const { echoUsize, echoIsize } = await importFixture(STANDARD, { mode });
      if (mode === 'wasm') {
        // 32 bits: every value is a safe integer.
        assert.equal(echoUsize(2n ** 32n - 1n), 2 ** 32 - 1);
        assert.equal(echoIsize(-(2 ** 31)), -(2 ** 31));
        assert.throws(() => echoUsize(2 ** 32), rejected(RangeError, 'echoUsize'));
        return;
      }
      assert.equal(echoUsize(2 ** 53 - 1), 2 ** 53 - 1);
      assert.equal(echoUsize(2n ** 53n), 2n ** 53n);
      assert.equal(echoIsize(-(2 ** 53 - 1)), -(2 ** 53 - 1));
      assert.equal(echoIsize(-(2n ** 53n)), -(2n ** 53n));
      assert.equal(echoIsize(0n), 0);
    });

    test('64-bit and wider parameters accept numbers as well as bigints', async () => {
      const { echoU64, echoI64, echoI128, echoU128, echoUsize } = await importFixture(STANDARD, { mode });
      assert.equal(echoU64(5), 5n);
      assert.equal(echoU64(2 ** 63), 2n ** 63n);
      assert.equal(echoI64(-5), -5n);
      assert.equal(echoI64(-(2 ** 63)), -(2n ** 63n));
      assert.equal(echoI128(-7), -7n);
      assert.equal(echoU128(2 ** 100), 2n ** 100n);
      assert.equal(echoUsize(5n), 5);
    });

    test('parameters of 32 bits or fewer accept bigints', async () => {
      const { echoU8, echoI32, echoU32 } = await importFixture(STANDARD, { mode });
      const { echoU7, echoI24 } = await importFixture(ODD, { mode });
      assert.equal(echoU8(200n), 200);
      assert.equal(echoI32(-5n), -5);
      assert.equal(echoU32(4294967295n), 4294967295);
      assert.equal(echoU7(100n), 100);
      assert.equal(echoI24(-8388608n), -8388608);
    });

    test('a number too large for a 64-bit integer throws RangeError', async () => {
      const { echoU64, echoI64, echoUsize } = await importFixture(STANDARD, { mode });
      // 2 ** 64 is what 18446744073709551615 rounds to as a double.
      assert.throws(() => echoU64(18446744073709551615), rejected(RangeError, 'echoU64'));
      assert.throws(() => echoI64(2 ** 63), rejected(RangeError, 'echoI64'));
      assert.throws(() => echoUsize(-1), rejected(RangeError, 'echoUsize'));
    });

    test('non-integer numbers throw RangeError', async () => {
      const std = await importFixture(STANDARD, { mode });
      const odd = await importFixture(ODD, { mode });
      const fns = ['echoI8', 'echoU8', 'echoI32', 'echoU32', 'echoI64', 'echoU64', 'echoUsize', 'echoI128']
        .map((name) => [name, std[name]])
        .concat(['echoU7', 'echoI24', 'echoU48'].map((name) => [name, odd[name]]));
      for (const [name, fn] of fns) {
        for (const v of [1.5, -0.25, NaN, Infinity, -Infinity]) {
          assert.throws(() => fn(v), rejected(RangeError, name), `${name}(${v})`);
        }
      }
    });

    test('wrong JS types throw TypeError naming the argument', async () => {
      const std = await importFixture(STANDARD, { mode });
      const odd = await importFixture(ODD, { mode });
      const fns = ['echoI8', 'echoU8', 'echoU16', 'echoI32', 'echoU32', 'echoI64', 'echoU64', 'echoIsize', 'echoU128']
        .map((name) => [name, std[name]])
        .concat(['echoU1', 'echoI24', 'echoI65'].map((name) => [name, odd[name]]));
      for (const [name, fn] of fns) {
        for (const v of ['5', '', {}, [], [1], undefined, null, true, Symbol('x'), () => 1]) {
          assert.throws(() => fn(v), rejected(TypeError, name), `${name}(${String(v)})`);
        }
      }
    });

    test('objects are refused without calling their valueOf', async () => {
      const { echoI8, echoU32, echoI64 } = await importFixture(STANDARD, { mode });
      let calls = 0;
      const sneaky = { valueOf() { calls += 1; return 5; } };
      for (const [name, fn] of [['echoI8', echoI8], ['echoU32', echoU32], ['echoI64', echoI64]]) {
        assert.throws(() => fn(sneaky), rejected(TypeError, name));
      }
      assert.equal(calls, 0);
    });

    test('the message names the argument that was wrong', async () => {
      const { mixedSum } = await importFixture(ODD, { mode });
      assert.throws(() => mixedSum(1, 2, 3, 4, true, 2 ** 23), rejected(RangeError, 'mixedSum', 5));
      assert.throws(() => mixedSum(1, 2, 3, 4, 1, 6), rejected(TypeError, 'mixedSum', 4));
      assert.throws(() => mixedSum(1, 2, '3', 4, true, 6), rejected(TypeError, 'mixedSum', 2));
    });

    test('u0 takes only 0, and a refusal gives its range', async () => {
      const { echoU0 } = await importFixture(ODD, { mode });
      assert.equal(echoU0(0), 0);
      assert.throws(() => echoU0(1), { name: 'RangeError', message: 'echoU0(args[0]): 1 is out of range for u0 (0 to 0)' });
    });

    test('i0 takes only 0, and a refusal gives its range', { skip: NO_I0 }, async () => {
      const { echoI0 } = await importFixture(I0, { mode });
      assert.equal(echoI0(0n), 0);
      assert.throws(() => echoI0(-1), { name: 'RangeError', message: 'echoI0(args[0]): -1 is out of range for i0 (0 to 0)' });
    });

    test('mixed widths in one call each reach Zig intact', async () => {
      const { mixedSum } = await importFixture(ODD, { mode });
      assert.equal(mixedSum(255, -(2n ** 63n), 65535, 2n ** 100n, true, -(2 ** 23)),
        255n - 2n ** 63n + 65535n + 2n ** 100n + 1n - 2n ** 23n);
      assert.equal(mixedSum(0, 0, 0, 0, false, 0), 0n);
    });

    test('Zig computes with the value it received', async () => {
      const { negateI65, addWrapU64 } = await importFixture(ODD, { mode });
      assert.equal(negateI65(5), -5n);
      assert.equal(negateI65(-(2n ** 64n)), -(2n ** 64n));
      assert.equal(addWrapU64(2n ** 64n - 1n, 2), 1n);
    });

    test('negative zero is accepted as 0', async () => {
      const { echoI32, echoU8, echoU64 } = await importFixture(STANDARD, { mode });
      assert.ok(Object.is(echoI32(-0), 0));
      assert.ok(Object.is(echoU8(-0), 0));
      assert.equal(echoU64(-0), 0n);
    });

    test('bool round-trips and Zig sees its value', async () => {
      const { echoBool, notBool } = await importFixture(STANDARD, { mode });
      assert.equal(echoBool(true), true);
      assert.equal(echoBool(false), false);
      assert.equal(notBool(true), false);
      assert.equal(notBool(false), true);
    });

    test('bool parameters refuse anything but true and false with TypeError', async () => {
      const { echoBool } = await importFixture(STANDARD, { mode });
      for (const v of [0, 1, 'true', null, undefined, 1n, {}]) {
        assert.throws(() => echoBool(v), rejected(TypeError, 'echoBool'), String(v));
      }
    });
  });

  describe(`${mode}: integers in a ReleaseFast build`, () => {
    test('min and max of every standard width round-trip exactly', async () => {
      const mod = await importFixture(STANDARD, { mode, optimize: 'ReleaseFast' });
      for (const t of intTypes(mode).filter((i) => i.fixture === STANDARD)) {
        assert.equal(mod[`min${t.fn}`](), js(t, t.min), t.zig);
        assert.equal(mod[`max${t.fn}`](), js(t, t.max), t.zig);
        for (const v of [t.min, t.max]) assert.equal(mod[`echo${t.fn}`](js(t, v)), js(t, v), t.zig);
      }
    });

    test('out-of-range arguments are still refused', async () => {
      const { echoU8, echoI64 } = await importFixture(STANDARD, { mode, optimize: 'ReleaseFast' });
      assert.throws(() => echoU8(256), rejected(RangeError, 'echoU8'));
      assert.throws(() => echoI64(2n ** 63n), rejected(RangeError, 'echoI64'));
      assert.throws(() => echoU8('1'), rejected(TypeError, 'echoU8'));
    });
  });
}
