// C in a module: `@import("c")` of zigport's default libc header, a libc
// function exported as it is, a C source and include path added by
// build.extra.zig's hooks, a build.zig.zon path dependency that compiles its
// own C, and the errors of C that does not compile.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODES, importFixture, importZigFile, tempDir } from '../helpers/fixtures.js';
import { copyFolder, edit } from '../helpers/fixture-folders.js';

for (const mode of MODES) {
  describe(`${mode}: C in a module`, () => {
    test('@import("c") without build.extra.h is the default libc header', async () => {
      const m = await importFixture('build/default-c-header/libc-calls', { mode });
      assert.equal(m.length('hello'), 5);
      assert.equal(m.length(''), 0);
      assert.equal(m.absolute(-7), 7);
    });

    test('a libc function exported as `pub const strlen = c.strlen` is callable', async () => {
      const m = await importFixture('build/c-function-export/exported-strlen', { mode });
      // c_ulong: a bigint where it is 64 bits wide (native), a number in wasm32.
      assert.equal(Number(m.strlen('hello')), 5);
    });

    test("build.extra.zig's C source and include path build into the module", async () => {
      const m = await importFixture('build/extra-c-source/twice', { mode });
      assert.equal(m.addTwice(2, 3), 10);
      assert.equal(m.addTwice(-4, 1), -6);
    });

    test('C declarations exported as they are: enum values are integers, structs classes, char * strings', async () => {
      const m = await importFixture('build/extra-c-source/twice', { mode });
      assert.equal(m.SHAPE_SQUARE, 4);
      assert.equal(m.shape_sides(m.SHAPE_SQUARE), 4);
      assert.equal(m.shape_sides(3), 3);
      assert.deepEqual(m.point_scaled({ x: 2, y: -3 }, 5).valueOf(), { x: 10, y: -15 });
      assert.ok(m.point_scaled(new m.Point({ x: 1, y: 1 }), 2) instanceof m.Point);
      assert.equal(m.shape_name(3).string, 'triangle');
      // translate-c gives C struct fields zero defaults.
      assert.deepEqual(m.point_scaled({ x: 1 }, 2).valueOf(), { x: 2, y: 0 });
      assert.throws(() => m.point_scaled({ z: 1 }, 2), TypeError);
    });

    test('a build.zig.zon path dependency compiling its own C is imported by name', async () => {
      const m = await importFixture('build/zon-path-dependency/checksum', { mode });
      // The CRC-32 check value of "123456789".
      assert.equal(m.checksum('123456789'), 0xcbf43926);
      assert.equal(m.checksum(''), 0);
    });

    test("C that does not compile is a ZigCompileError with clang's message", async (t) => {
      const dir = copyFolder(t, 'extra-c-source');
      edit(join(dir, 'src', 'twice.c'), 'return 2 * (a + b);', 'return 2 * (a + undeclared_name);');
      await assert.rejects(importZigFile(join(dir, 'twice.zig'), { mode }), (err) => {
        assert.equal(err.name, 'ZigCompileError');
        assert.match(err.message, /use of undeclared identifier 'undeclared_name'/);
        return true;
      });
    });

    test("a header that does not translate is a ZigCompileError with translate-c's message", async (t) => {
      const dir = tempDir(t, 'zigport-build-');
      writeFileSync(join(dir, 'build.extra.h'), '#include "missing-header.h"\n');
      writeFileSync(join(dir, 'uses-c.zig'), 'const c = @import("c");\npub fn one() i32 {\n    return c.ONE;\n}\n');
      await assert.rejects(importZigFile(join(dir, 'uses-c.zig'), { mode }), (err) => {
        assert.equal(err.name, 'ZigCompileError');
        assert.match(err.message, /'missing-header\.h'( file)? not found/);
        return true;
      });
    });
  });
}
