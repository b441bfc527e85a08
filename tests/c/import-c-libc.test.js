// libc functions exported straight from `@import("c")`: translate-c's own
// signatures (`[*c]const u8`, `?*anyopaque`, `?*const fn`, variadics) on
// the boundary, callable from JS as a C programmer would call them.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODES, importFixture, tempDir } from '../helpers/fixtures.js';
import { captureConsole } from '../helpers/capture-console.js';

const decoder = new TextDecoder();

for (const mode of MODES) {
  describe(`${mode}: libc through @import("c")`, () => {
    let c;
    before(async () => {
      c = await importFixture('c/exports-libc-through-import-c', { mode });
    });

    test('strlen takes a JS string, or a pointer object of the module\'s C string type', () => {
      // size_t: a bigint where it is 64 bits.
      assert.equal(Number(c.strlen('zigport')), 7);
      assert.equal(Number(c.strlen(new c.CStr('four'))), 4);
    });

    test('qsort sorts an Int32Array with a comparator written in Zig', () => {
      const values = new Int32Array([3, -1, 2, 10, -7]);
      c.qsort(values, values.length, 4, c.compareInts);
      assert.deepEqual([...values], [-7, -1, 2, 3, 10]);
    });

    test('snprintf formats into a JS buffer', () => {
      const buf = new Uint8Array(64);
      const n = c.snprintf(buf, buf.length, '%s=%d (%.2f) %ld', new c.CStr('answer'), new c.Int(42),
        new c.Double(0.1234), new c.Long(-5));
      const text = 'answer=42 (0.12) -5';
      assert.equal(n, text.length);
      assert.equal(decoder.decode(buf.subarray(0, n)), text);
      assert.equal(buf[n], 0);
    });

    test('snprintf stops at the size it is given, and says how long the whole would be', () => {
      const buf = new Uint8Array(8).fill(0xff);
      const n = c.snprintf(buf, 4, '%d', new c.Int(123456));
      assert.equal(n, 6);
      assert.deepEqual([...buf.subarray(0, 5)], [49, 50, 51, 0, 0xff]);
    });

    test('printf called from JS prints to console.log', async () => {
      const lines = await captureConsole(() => c.printf('%s has %d bytes\n', new c.CStr('ten'), new c.Int(10)));
      assert.deepEqual(lines, ['ten has 10 bytes']);
    });

    test('fprintf to a stream fdopen made for file descriptor 1 reaches console.log', async () => {
      const lines = await captureConsole(() => {
        // Flushed, not closed: closing it would close this process's stdout.
        const stream = c.fdopen(1, 'w');
        c.fprintf(stream, 'via fd %d\n', new c.Int(1));
        c.fflush(stream);
      });
      assert.deepEqual(lines, ['via fd 1']);
    });

    // The WebAssembly host has no file system, so no descriptor of a file.
    test('fprintf to a file descriptor JS opened writes the file', { skip: mode === 'wasm' }, (t) => {
      const path = join(tempDir(t), 'out.txt');
      const fd = openSync(path, 'w');
      try {
        const stream = c.fdopen(fd, 'w');
        assert.notEqual(stream, null);
        assert.ok(c.fprintf(stream, '%d-%s\n', new c.Int(7), new c.CStr('seven')) > 0);
        assert.equal(c.fclose(stream), 0);
      } finally {
        try { closeSync(fd); } catch { /* fclose closed it */ }
      }
      assert.equal(readFileSync(path, 'utf8'), '7-seven\n');
    });

    test('a FILE * is a handle: memory or another value is refused for one', () => {
      assert.throws(() => c.fprintf(new ArrayBuffer(256), 'x'), { name: 'TypeError', message: /fprintf\(args\[0\]\)/ });
      assert.throws(() => c.fflush({}), { name: 'TypeError', message: /fflush\(args\[0\]\)/ });
    });

    test('an extra that is not a Zig instance is refused before C runs', () => {
      assert.throws(() => c.printf('%d\n', 5), {
        name: 'TypeError',
        message: /printf\(args\[1\]\): Arguments passed to variadic function must be casted to a Zig type/,
      });
    });
  });
}
