// `pub const` scalars are read-only values: named exports and properties of
// the default export. comptime_int constants read as the smallest integer
// type holding them would: numbers up to 32 bits, bigints beyond (as Zigar
// has it); comptime_float constants are the nearest double.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const FIXTURE = 'declarations/comptime-constants';

const COMPTIME_INTS = {
  answer: 42,
  negative: -17,
  u32_max: 4294967295,
  beyond_u32: 4294967296n,
  i32_min: -2147483648,
  below_i32: -2147483649n,
  max_safe: 9007199254740991n,
  beyond_safe: 9007199254740992n,
  googolish: 2n ** 200n,
  negative_huge: -(2n ** 70n),
};

const COMPTIME_FLOATS = {
  pi: Math.PI,
  third: 1 / 3,
};

const TYPED = {
  limit: 500,
  offset: -100,
  big_limit: 2n ** 64n - 1n,
  small_size: 4096,
  scale: Math.fround(0.1),
  exact: 0.1,
  half_float: 0.333251953125,
  wide_float: 1 / 3,
  enabled: true,
};

const ALL = { ...COMPTIME_INTS, ...COMPTIME_FLOATS, ...TYPED };

for (const mode of MODES) {
  describe(`${mode}: constants`, () => {
    test('comptime_int constants are numbers up to 32 bits, bigints beyond', async () => {
      const mod = await importFixture(FIXTURE, { mode });
      for (const [name, value] of Object.entries(COMPTIME_INTS)) assert.equal(mod[name], value, name);
    });

    test('comptime_float constants are the nearest double', async () => {
      const mod = await importFixture(FIXTURE, { mode });
      for (const [name, value] of Object.entries(COMPTIME_FLOATS)) assert.equal(mod[name], value, name);
    });

    test('typed scalar constants are named exports with their type\'s value', async () => {
      const mod = await importFixture(FIXTURE, { mode });
      for (const [name, value] of Object.entries(TYPED)) assert.equal(mod[name], value, name);
      assert.equal(mod.limitFromZig(), mod.limit);
    });

    test('every constant reads the same through the default export', async () => {
      const mod = await importFixture(FIXTURE, { mode });
      for (const [name, value] of Object.entries(ALL)) assert.equal(mod.default[name], value, name);
    });

    test('writing a constant through the default export throws TypeError and changes nothing', async () => {
      const { default: zig, limitFromZig } = await importFixture(FIXTURE, { mode });
      for (const [name, value] of Object.entries(ALL)) {
        assert.throws(() => { zig[name] = 1; }, { name: 'TypeError', message: new RegExp(`^${name}\\b`) }, name);
        assert.equal(zig[name], value, name);
      }
      assert.equal(limitFromZig(), 500);
    });

    test('writing a constant throws TypeError in sloppy mode too', async () => {
      const { default: zig } = await importFixture(FIXTURE, { mode });
      // Module code is strict; code from the Function constructor is sloppy,
      // where a plain non-writable property would ignore the write silently.
      const sloppyWrite = new Function('zig', 'name', 'zig[name] = 1;');
      for (const name of ['answer', 'limit', 'pi']) {
        assert.throws(() => sloppyWrite(zig, name), TypeError, name);
        assert.equal(zig[name], ALL[name]);
      }
    });

    test('a module with many comptime constants can be imported', async () => {
      const mod = await importFixture('declarations/many-constants', { mode });
      assert.equal(mod.avogadro, 6.02214076e23);
      assert.equal(mod.planck, 6.62607015e-34);
      assert.equal(mod.tiny, 1e-320);
      assert.equal(mod.golden_ratio, (1 + Math.sqrt(5)) / 2);
      assert.equal(mod.sqrt2, Math.SQRT2);
      assert.equal(mod.e, Math.E);
      assert.equal(mod.ln2, Math.LN2);
      assert.equal(mod.seconds_per_year, 31557600);
      assert.equal(mod.mask_127, 2n ** 127n - 1n);
      assert.equal(mod.default.avogadro, 6.02214076e23);
    });

    test('named exports of constants cannot be assigned', async () => {
      const mod = await importFixture(FIXTURE, { mode });
      assert.throws(() => { mod.answer = 1; }, TypeError);
      assert.throws(() => { mod.limit = 1; }, TypeError);
      assert.equal(mod.answer, 42);
    });
  });
}
