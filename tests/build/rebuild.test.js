// The build key of a module built with C or packages covers what that build
// reads: changing a C source added by build.extra.zig, or a file of a
// build.zig.zon path dependency, rebuilds; changing an unrelated file does
// not. Each test copies its fixture folder and imports in new processes,
// with an empty cache (sharing Zig's global cache).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODES, freshCacheDir, modeOptions, runNode } from '../helpers/fixtures.js';
import { copyFolder, edit } from '../helpers/fixture-folders.js';

/** Imports `dir/file` in a new process and prints what `call` (JS text using `m`) gives. */
function importAndCall(dir, file, call, mode, cache) {
  const search = new URLSearchParams(modeOptions(mode)).toString();
  const app = join(dir, 'app.mjs');
  writeFileSync(app, `const m = await import(${JSON.stringify(`./${file}?${search}`)});\nconsole.log(String(${call}));\n`);
  const { status, stdout, stderr } = runNode([app], { env: { ZIGPORT_CACHE_DIR: cache } });
  assert.equal(status, 0, stderr);
  return stdout.trim();
}

const libraries = (cache) => readdirSync(join(cache, 'modules')).sort();

for (const mode of MODES) {
  describe(`${mode}: rebuilding modules with C and packages`, () => {
    test('a changed C source rebuilds; an unrelated file does not', (t) => {
      const cache = freshCacheDir(t);
      const dir = copyFolder(t, 'extra-c-source');
      const call = () => importAndCall(dir, 'twice.zig', 'm.addTwice(2, 3)', mode, cache);
      assert.equal(call(), '10');
      const first = libraries(cache);
      writeFileSync(join(dir, 'notes.txt'), 'not read by the build\n');
      assert.equal(call(), '10');
      assert.deepEqual(libraries(cache), first, 'an unrelated file rebuilt the module');
      edit(join(dir, 'src', 'twice.c'), 'return 2 * (a + b);', 'return 3 * (a + b);');
      assert.equal(call(), '15');
      assert.equal(libraries(cache).length, 2, 'the changed C source made a new library');
    });

    test('a changed header in an include path rebuilds', (t) => {
      const cache = freshCacheDir(t);
      const dir = copyFolder(t, 'extra-c-source');
      const call = () => importAndCall(dir, 'twice.zig', 'm.addTwice(2, 3)', mode, cache);
      assert.equal(call(), '10');
      edit(join(dir, 'include', 'twice.h'), 'int add_twice', '#define TWICE_H 1\nint add_twice');
      assert.equal(call(), '10');
      assert.equal(libraries(cache).length, 2);
    });

    test('a changed file of a path dependency rebuilds', (t) => {
      const cache = freshCacheDir(t);
      const dir = copyFolder(t, 'zon-path-dependency');
      const call = () => importAndCall(dir, 'checksum.zig', "m.checksum('123456789').toString(16)", mode, cache);
      assert.equal(call(), 'cbf43926');
      // Without the final inversion: the CRC-32/JAMCRC value.
      edit(join(dir, 'vendor', 'crc32', 'crc32.c'), 'return ~crc;', 'return crc;');
      assert.equal(call(), '340bc6d9');
      assert.equal(libraries(cache).length, 2);
    });
  });
}
