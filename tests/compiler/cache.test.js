// The compile cache: a warm import runs no Zig, a change to the source or to
// a file it imports rebuilds, concurrent cold imports share one compile, and
// a slow compile says so on stderr. Each test gets an empty cache and its own
// copy of the sources, and imports in new processes.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  REGISTER, ROOT, MODES, copyFixtures, freshCacheDir, modeOptions, runNode, spawnNode, tempDir,
} from '../helpers/fixtures.js';
import { recordingZig } from '../helpers/recording-zig.js';

/**
 * Writes `app.mjs` into `dir`: imports `./<file>` and prints the results of
 * calling `calls` (function names) as JSON.
 */
function writeApp(dir, file, calls, mode) {
  const search = new URLSearchParams(modeOptions(mode)).toString();
  const specifier = `./${file}${search ? `?${search}` : ''}`;
  writeFileSync(join(dir, 'app.mjs'), [
    `const m = await import(${JSON.stringify(specifier)});`,
    `console.log(JSON.stringify([${calls.map((c) => `m.${c}()`).join(', ')}]));`,
  ].join('\n'));
  return join(dir, 'app.mjs');
}

/** Imports through `app` in a new process; returns what it printed, parsed. */
function runApp(app, env) {
  const { status, stdout, stderr } = runNode([app], { env });
  assert.equal(status, 0, stderr);
  return { results: JSON.parse(stdout), stderr };
}

function edit(file, from, to) {
  const text = readFileSync(file, 'utf8');
  assert.ok(text.includes(from), `${file} contains ${from}`);
  writeFileSync(file, text.replace(from, to));
}

function libraries(cache) {
  return readdirSync(join(cache, 'modules'));
}

/** How each mode's compile starts on Zig's command line. */
const BUILD_COMMAND = { native: /^build-lib /m, wasm: /^build-exe -target wasm32-wasi /m };

for (const mode of MODES) {
  describe(`${mode}: the compile cache`, () => {
    test('a warm import does not run zig at all', (t) => {
      const cache = freshCacheDir(t);
      const src = copyFixtures(t, ['compiler/source-version.zig']);
      const app = writeApp(src, 'source-version.zig', ['version'], mode);
      const { zig, log } = recordingZig(t);
      const env = { ZIGPORT_CACHE_DIR: cache, ZIG: zig };

      assert.deepEqual(runApp(app, env).results, [1]);
      const cold = readFileSync(log, 'utf8');
      assert.match(cold, BUILD_COMMAND[mode], 'the cold import compiled through the wrapper');
      writeFileSync(log, '');

      const warm = runApp(app, env);
      assert.deepEqual(warm.results, [1]);
      assert.equal(readFileSync(log, 'utf8'), '', 'zig was invoked on a warm import');
      assert.equal(warm.stderr, '');
    });

    test('a warm import does not run the zig found on PATH either', (t) => {
      // The package installed elsewhere (as `npm install` would), so it has no
      // project-local Zig next to it and falls back to `zig` on PATH.
      const pkg = tempDir(t, 'zigport-pkg-');
      cpSync(join(ROOT, 'js'), join(pkg, 'js'), { recursive: true, dereference: true });
      const cache = freshCacheDir(t);
      const src = copyFixtures(t, ['compiler/source-version.zig']);
      const app = writeApp(src, 'source-version.zig', ['version'], mode);
      const { bin, log } = recordingZig(t);
      const env = { ZIGPORT_CACHE_DIR: cache, ZIG: undefined, PATH: `${bin}:${process.env.PATH}` };
      const run = () => spawnSync(process.execPath, ['--import', join(pkg, 'js', 'register.js'), app], {
        env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000,
      });

      const cold = run();
      assert.equal(cold.status, 0, cold.stderr);
      assert.match(readFileSync(log, 'utf8'), BUILD_COMMAND[mode], 'the cold import compiled with the zig on PATH');
      writeFileSync(log, '');

      const warm = run();
      assert.equal(warm.status, 0, warm.stderr);
      assert.equal(warm.stdout, '[1]\n');
      assert.equal(readFileSync(log, 'utf8'), '', 'zig was invoked on a warm import');
    });

    test('a changed source rebuilds and the new behaviour is seen', (t) => {
      const cache = freshCacheDir(t);
      const src = copyFixtures(t, ['compiler/source-version.zig']);
      const app = writeApp(src, 'source-version.zig', ['version'], mode);
      const env = { ZIGPORT_CACHE_DIR: cache };
      assert.deepEqual(runApp(app, env).results, [1]);
      edit(join(src, 'source-version.zig'), 'return 1;', 'return 2;');
      assert.deepEqual(runApp(app, env).results, [2]);
      assert.equal(libraries(cache).length, 2);
    });

    test('a changed .zig file that the module @imports rebuilds it', (t) => {
      const cache = freshCacheDir(t);
      const src = copyFixtures(t, [
        'compiler/imports-helper-files.zig', 'compiler/imported-helper.zig', 'compiler/imported-settings.zon',
      ]);
      const app = writeApp(src, 'imports-helper-files.zig', ['helperValue'], mode);
      const env = { ZIGPORT_CACHE_DIR: cache };
      assert.deepEqual(runApp(app, env).results, [10]);
      edit(join(src, 'imported-helper.zig'), '= 10;', '= 20;');
      assert.deepEqual(runApp(app, env).results, [20]);
    });

    test('a changed .zon file that the module @imports rebuilds it', (t) => {
      const cache = freshCacheDir(t);
      const src = copyFixtures(t, [
        'compiler/imports-helper-files.zig', 'compiler/imported-helper.zig', 'compiler/imported-settings.zon',
      ]);
      const app = writeApp(src, 'imports-helper-files.zig', ['settingsLevel'], mode);
      const env = { ZIGPORT_CACHE_DIR: cache };
      assert.deepEqual(runApp(app, env).results, [3]);
      edit(join(src, 'imported-settings.zon'), '.level = 3', '.level = 4');
      assert.deepEqual(runApp(app, env).results, [4]);
    });

    test('four processes importing the same uncached module at once all succeed on one compile and one library', async (t) => {
      const cache = freshCacheDir(t);
      const src = copyFixtures(t, ['compiler/source-version.zig']);
      const app = writeApp(src, 'source-version.zig', ['version'], mode);
      const { zig, log } = recordingZig(t);
      const env = { ZIGPORT_CACHE_DIR: cache, ZIG: zig };
      const runs = await Promise.all([1, 2, 3, 4].map(() => spawnNode(['--import', REGISTER, app], { env })));
      for (const { status, stdout, stderr } of runs) {
        assert.equal(status, 0, stderr);
        assert.equal(stdout, '[1]\n');
      }
      // The first takes the entry's lock; the others wait for its library.
      const compiles = readFileSync(log, 'utf8').split('\n').filter((line) => BUILD_COMMAND[mode].test(line));
      assert.equal(compiles.length, 1, `one compile, not:\n${compiles.join('\n')}`);
      assert.equal(libraries(cache).length, 1);
      assert.match(libraries(cache)[0], mode === 'wasm' ? /^source-version-[0-9a-f]+\.wasm$/ : /^source-version-[0-9a-f]+\.so$/);
      const leftovers = readdirSync(cache).filter((name) => name.startsWith('tmp'));
      assert.deepEqual(leftovers, []);
      assert.deepEqual(readdirSync(join(cache, 'locks')), [], 'the lock is released');
    });

    test('a compile slower than a second reports progress on stderr', (t) => {
      // A cache without Zig's own global cache: Zig compiles std and libc
      // pieces too, which takes several seconds.
      const cache = freshCacheDir(t, { shareZigCache: false });
      const src = copyFixtures(t, ['compiler/source-version.zig']);
      const app = writeApp(src, 'source-version.zig', ['version'], mode);
      const { status, stdout, stderr } = runNode([app], { env: { ZIGPORT_CACHE_DIR: cache }, cwd: src });
      assert.equal(status, 0, stderr);
      assert.equal(stdout, '[1]\n', 'progress stays off stdout');
      assert.match(stderr, /^zigport: compiling source-version\.zig\b/m);
    });
  });
}
