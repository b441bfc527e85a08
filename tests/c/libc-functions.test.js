// libc functions exported as they are: C strings in and out, `void *`
// buffers, a C struct returned by value, and a comparator function pointer.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, importFixture } from '../helpers/fixtures.js';

for (const mode of MODES) {
  describe(`${mode}: libc functions declared with extern`, () => {
    let c;
    before(async () => {
      c = await importFixture('c/declares-libc-functions', { mode });
    });

    test('a JS string passed as char * arrives with its terminating zero', () => {
      assert.equal(c.c_strlen('hello'), 5);
      assert.equal(c.c_strlen(''), 0);
      assert.equal(c.c_strlen('héllo'), 6);
      assert.equal(c.c_atof('2.75'), 2.75);
    });

    test('a char * result reads up to its zero', () => {
      assert.match(c.c_strerror(0).string, /^[A-Z][a-z]/);
      const rest = c.c_strchr('zigport', 'p'.charCodeAt(0));
      assert.equal(rest.string, 'port');
      assert.equal(c.c_strchr('zigport', 'q'.charCodeAt(0)), null);
    });

    test('a byte buffer passed as char * is used as is, without a zero', () => {
      const bytes = new TextEncoder().encode('abc\0def');
      assert.equal(c.c_strlen(bytes), 3);
    });

    test('a const char * variable reads as its whole string', () => {
      assert.equal(c.default.greeting.string, "hello from C's side");
    });

    test('int and long arguments and results convert as Zig integers do', () => {
      assert.equal(c.c_abs(-42), 42);
      // C's long is 64 bits here natively, 32 bits in WebAssembly.
      if (mode === 'native') assert.equal(c.c_labs(-(2n ** 40n)), 2n ** 40n);
      else assert.equal(c.c_labs(-(2 ** 30)), 2 ** 30);
      assert.equal(c.c_toupper('a'.charCodeAt(0)), 'A'.charCodeAt(0));
      assert.throws(() => c.c_abs(2 ** 31), RangeError);
    });

    test('a C struct returned by value is an object with its fields', () => {
      const result = c.c_div(17, 5);
      assert.deepEqual(result.valueOf(), { quot: 3, rem: 2 });
      assert.ok(result instanceof c.DivResult);
    });

    test('void * takes typed arrays, DataViews, ArrayBuffers and Zig objects, and C writes land in them', () => {
      const target = new Uint8Array(8);
      c.c_memset(target, 0x5a, 8);
      assert.deepEqual([...target], Array(8).fill(0x5a));
      const source = new Float64Array([1.5, -2.25]);
      const copy = new ArrayBuffer(16);
      c.c_memcpy(copy, new DataView(source.buffer), 16);
      assert.deepEqual([...new Float64Array(copy)], [1.5, -2.25]);
      const div = new c.DivResult({ quot: 0, rem: 0 });
      c.c_memcpy(div, new Int32Array([9, 4]), 8);
      assert.deepEqual(div.valueOf(), { quot: 9, rem: 4 });
    });

    test('qsort sorts a JS array in place with a comparator written in Zig', () => {
      const values = new Int32Array([42, -7, 19, 0, 3, -100]);
      c.c_qsort(values, values.length, 4, c.compareInts);
      assert.deepEqual([...values], [-100, -7, 0, 3, 19, 42]);
    });

    test('qsort takes a JS function as the comparator too', () => {
      const values = new Int32Array([5, 1, 4]);
      let calls = 0;
      c.c_qsort(values, values.length, 4, () => { calls += 1; return 0; });
      assert.ok(calls > 0);
      assert.deepEqual([...values], [5, 1, 4]);
    });

    test('void * refuses what is not memory, naming the argument', () => {
      assert.throws(() => c.c_memset(42, 0, 1), {
        name: 'TypeError',
        message: /c_memset\(args\[0\]\): \?\*anyopaque expects .*ArrayBuffer.*received 42/,
      });
      assert.throws(() => c.c_memset('text', 0, 1), TypeError);
      assert.throws(() => c.c_memset(new Int32Array(new SharedArrayBuffer(8)), 0, 8), TypeError);
    });
  });
}
