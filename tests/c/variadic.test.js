// Variadic functions called from JS: C's own snprintf/printf and variadic
// functions written in Zig, which read their extras with @cVaArg. Every
// extra argument is an instance of a Zig type (`new Int(5)`), which says
// which C type it has; the values must arrive exactly, on the register
// and the stack paths alike, and pointers must reach JS memory.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

const VALUES = 'c/variadic-values';
const SNPRINTF = 'c/variadic-snprintf';

/** Calls `describe` of the values fixture and returns what it wrote. */
function described(mod, kinds, ...extras) {
  const out = new Uint8Array(512);
  const n = mod.describe(out, out.length, kinds, ...extras);
  return new TextDecoder().decode(out.subarray(0, Number(n)));
}

/** Calls snprintf into a fresh buffer and returns the text and its count. */
function formatted(mod, format, ...extras) {
  const out = new Uint8Array(512);
  const n = mod.format(out, out.length, format, ...extras);
  return { n, text: new TextDecoder().decode(out.subarray(0, n)) };
}

for (const mode of MODES) {
  describe(`${mode}: variadic functions defined in Zig`, () => {
    test('integer extras arrive exactly, negative ones too', async () => {
      const mod = await importFixture(VALUES, { mode });
      assert.equal(Number(mod.sumLongs(3, new mod.Long(3), new mod.Long(-4), new mod.Long(-100))), -101);
      assert.equal(described(mod, 'iulq', new mod.Int(-1), new mod.Uint(4000000000), new mod.I64(-(2n ** 63n)), new mod.U64(2n ** 64n - 1n)),
        '-1 4000000000 -9223372036854775808 18446744073709551615');
    });

    test('doubles arrive exactly and f32 is promoted to double', async () => {
      const mod = await importFixture(VALUES, { mode });
      assert.equal(mod.sumDoubles(3, new mod.Double(1.5), new mod.Float(0.25), new mod.Double(-3)), -1.25);
      assert.equal(described(mod, 'dd', new mod.Double(0.1), new mod.Float(0.1)), `0.1 ${Math.fround(0.1)}`);
    });

    test('bool, u8 and i8 are promoted to int', async () => {
      const mod = await importFixture(VALUES, { mode });
      assert.equal(described(mod, 'iiii', new mod.Bool(true), new mod.Bool(false), new mod.U8(255), new mod.I8(-5)), '1 0 255 -5');
    });

    test('more extras than registers: ints and doubles interleaved spill onto the stack in order', async () => {
      const mod = await importFixture(VALUES, { mode });
      const extras = [];
      const expected = [];
      let kinds = '';
      for (let i = 0; i < 30; i++) {
        if (i % 3 === 0) {
          extras.push(new mod.Double(i + 0.5));
          expected.push(String(i + 0.5));
          kinds += 'd';
        } else if (i % 3 === 1) {
          extras.push(new mod.Int(-i));
          expected.push(String(-i));
          kinds += 'i';
        } else {
          extras.push(new mod.U64(2n ** 40n + BigInt(i)));
          expected.push(String(2n ** 40n + BigInt(i)));
          kinds += 'q';
        }
      }
      assert.equal(described(mod, kinds, ...extras), expected.join(' '));
    });

    test('32 extras, the most a call takes', async () => {
      const mod = await importFixture(VALUES, { mode });
      const extras = Array.from({ length: 31 }, (_, i) => new mod.Long(i + 1));
      assert.equal(Number(mod.sumLongs(31, ...extras)), 31 * 32 / 2);
      assert.equal(described(mod, 'd'.repeat(32), ...Array.from({ length: 32 }, (_, i) => new mod.Double(i / 4))),
        Array.from({ length: 32 }, (_, i) => String(i / 4)).join(' '));
    });

    test('a [*]u8 extra over a Uint8Array: Zig writes the JS buffer', async () => {
      const mod = await importFixture(VALUES, { mode });
      const buffer = new Uint8Array(8);
      mod.fill(5, new mod.Bytes(buffer), new mod.Int(7));
      assert.deepEqual([...buffer], [7, 7, 7, 7, 7, 0, 0, 0]);
      assert.equal(mod.sumBytes(4, new mod.ConstBytes(new Uint8Array([1, 2, 3, 250]))), 256);
    });

    test('a plain JS value as an extra is a TypeError naming the argument', async () => {
      const mod = await importFixture(VALUES, { mode });
      assert.throws(() => mod.sumLongs(2, new mod.Long(1), 5), {
        name: 'TypeError',
        message: 'sumLongs(args[2]): Arguments passed to variadic function must be casted to a Zig type',
      });
      assert.throws(() => mod.sumLongs(1, 'text'), { name: 'TypeError', message: /^sumLongs\(args\[1\]\): Arguments passed to variadic function must be casted/ });
      assert.throws(() => mod.sumLongs(1, null), { name: 'TypeError', message: /^sumLongs\(args\[1\]\): Arguments passed to variadic/ });
    });

    test('extras of types C cannot take are TypeErrors saying why', async () => {
      const mod = await importFixture(VALUES, { mode });
      const refused = (value, pattern) => assert.throws(() => mod.sumLongs(1, value), { name: 'TypeError', message: pattern });
      refused(new mod.Big(1n), /^sumLongs\(args\[1\]\): u128 cannot be passed to a variadic function: C passes integers of at most 64 bits/);
      refused(new mod.Half(1), /^sumLongs\(args\[1\]\): f16 cannot be passed to a variadic function: only f32/);
      refused(new mod.LongDouble(1), /^sumLongs\(args\[1\]\): c_longdouble cannot be passed to a variadic function/);
      refused(new mod.Point({ x: 1, y: 2 }), /^sumLongs\(args\[1\]\): .*Point cannot be passed to a variadic function: C takes only integers, floats and pointers/);
      refused(new mod.Slice('abc'), /^sumLongs\(args\[1\]\): \[\]const u8 cannot be passed to a variadic function: a slice is no C pointer/);
      refused(new mod.NamedMany([{ name: 'a' }]), /^sumLongs\(args\[1\]\): .* cannot be passed to a variadic function: C would get the pointers inside/);
    });

    test('too few fixed arguments: "Expecting at least N arguments"', async () => {
      const mod = await importFixture(VALUES, { mode });
      assert.throws(() => mod.sumLongs(), { name: 'TypeError', message: 'sumLongs(): Expecting at least 1 argument, received 0' });
      assert.throws(() => mod.describe(new Uint8Array(4), 4), { name: 'TypeError', message: 'describe(): Expecting at least 3 arguments, received 2' });
    });

    test('more than 32 extras is a RangeError', async () => {
      const mod = await importFixture(VALUES, { mode });
      const extras = Array.from({ length: 33 }, () => new mod.Long(1));
      assert.throws(() => mod.sumLongs(33, ...extras), { name: 'RangeError', message: /^sumLongs\(\): at most 32 extra arguments/ });
    });

    test('a variadic function whose fixed parameter is a struct is refused, saying why', async () => {
      const mod = await importFixture(VALUES, { mode });
      assert.equal(mod.byStruct, undefined);
      assert.throws(() => mod.default.byStruct, /fixed parameter 0 .*must be an integer, float, bool or pointer/);
    });
  });

  describe(`${mode}: libc's snprintf and printf`, () => {
    test('snprintf formats every conversion into a JS Uint8Array', async () => {
      const mod = await importFixture(SNPRINTF, { mode });
      const { n, text } = formatted(mod, '%d %ld %u %s %f %c %x %lld %zu|',
        new mod.Int(-42), new mod.Long(-7), new mod.Uint(4000000000), new mod.CStr('hello'), new mod.Double(2.5),
        new mod.Int(65), new mod.Int(255), new mod.LongLong(-(2n ** 62n)), new mod.Size(12345));
      const expected = `-42 -7 4000000000 hello 2.500000 A ff ${-(2n ** 62n)} 12345|`;
      assert.equal(text, expected);
      assert.equal(n, expected.length);
    });

    test('%p prints the address of a JS buffer passed as a pointer', async () => {
      const mod = await importFixture(SNPRINTF, { mode });
      const { text } = formatted(mod, '%p', new mod.Bytes(new Uint8Array(16)));
      assert.match(text, /^0x[0-9a-f]+$/);
      assert.notEqual(text, '0x0');
      const { text: none } = formatted(mod, '%p', new mod.CBytes(null));
      assert.match(none, /^(\(nil\)|0x0|0)$/);
    });

    test('many extras of every class: the stack path of snprintf', async () => {
      const mod = await importFixture(SNPRINTF, { mode });
      const extras = [];
      const parts = [];
      let format = '';
      for (let i = 0; i < 24; i++) {
        if (i % 4 === 0) {
          extras.push(new mod.Double(i / 8));
          parts.push((i / 8).toFixed(3));
          format += ' %.3f';
        } else if (i % 4 === 1) {
          extras.push(new mod.CStr(`s${i}`));
          parts.push(`s${i}`);
          format += ' %s';
        } else {
          extras.push(new mod.Long(-i * 1000));
          parts.push(String(-i * 1000));
          format += ' %ld';
        }
      }
      assert.equal(formatted(mod, format.slice(1), ...extras).text, parts.join(' '));
    });

    test('a [*:0]const u8 extra from a JS string, and from bytes ending in zero', async () => {
      const mod = await importFixture(SNPRINTF, { mode });
      assert.equal(formatted(mod, '<%s>', new mod.CStr('zig ⚡')).text, '<zig ⚡>');
      assert.equal(formatted(mod, '<%s>', new mod.CStr(new Uint8Array([104, 105, 0]))).text, '<hi>');
    });

    test('snprintf truncates to the buffer and returns the full length', async () => {
      const mod = await importFixture(SNPRINTF, { mode });
      const out = new Uint8Array(4);
      assert.equal(mod.format(out, out.length, '%d', new mod.Int(123456)), 6);
      assert.deepEqual([...out], [49, 50, 51, 0]);
    });

    test('printf returns the number of bytes it printed', async () => {
      const mod = await importFixture(SNPRINTF, { mode });
      assert.equal(mod.print('variadic printf %d %s\n', new mod.Int(7), new mod.CStr('ok')), 'variadic printf 7 ok\n'.length);
    });
  });
}
