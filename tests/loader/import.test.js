// Importing .zig files: statically and dynamically, by relative path and file
// URL, the default export, and build options in the query string.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { ROOT, fixtureUrl, importFixture, modeOptions, runNode, MODES } from '../helpers/fixtures.js';

const FIXTURE = 'loader/reports-build-mode';
const STATIC_APP = 'tests/apps/static-import.mjs';
// `@intFromEnum(std.builtin.OptimizeMode)`
const DEBUG = 0;
const RELEASE_FAST = 2;

/** `?target=…` for modes other than native, appended to a literal specifier. */
function query(mode) {
  const search = new URLSearchParams(modeOptions(mode)).toString();
  return search ? `?${search}` : '';
}

/** Asserts that `promise` rejects with an error whose message matches every pattern. */
async function rejectsWith(promise, patterns) {
  await assert.rejects(promise, (err) => {
    for (const pattern of patterns) assert.match(err.message, pattern);
    return true;
  });
}

for (const mode of MODES) {
  // The apps in tests/apps/ import statically, so they cannot select a mode.
  // The app imports statically; the environment selects the mode.
  const modeEnv = { ZIGPORT_TARGET: mode };

  describe(`${mode}: importing a .zig file`, () => {
    test('a static import in an .mjs run with --import register calls Zig', () => {
      const { status, stdout, stderr } = runNode([STATIC_APP], { env: { ...modeEnv, ZIGPORT_OPTIMIZE: undefined } });
      assert.equal(status, 0, stderr);
      assert.deepEqual(JSON.parse(stdout), { sum: 5, mode: DEBUG, wasm: mode === 'wasm', defaultHasAdd: true });
    });

    test('node --import zigport/register works from the repository root', () => {
      const env = { ...process.env, ...modeEnv, ZIGPORT_OPTIMIZE: undefined };
      const result = spawnSync(process.execPath, ['--import', 'zigport/register', STATIC_APP], {
        cwd: ROOT,
        env,
        encoding: 'utf8',
        timeout: 120_000,
      });
      assert.equal(result.status, 0, result.stderr);
      assert.equal(JSON.parse(result.stdout).sum, 5);
    });

    test('await import() by relative path', async () => {
      const { add } = await import(`../../zig-fixtures/loader/reports-build-mode.zig${query(mode)}`);
      assert.equal(add(40, 2), 42);
    });

    test('await import() by file URL', async () => {
      const url = fixtureUrl(FIXTURE, modeOptions(mode));
      assert.equal(url.protocol, 'file:');
      const { add } = await import(url.href);
      assert.equal(add(-7, 3), -4);
    });

    test('the default export is the namespace object', async () => {
      const module = await importFixture(FIXTURE, { mode });
      const namespace = module.default;
      assert.equal(namespace.add, module.add);
      assert.equal(namespace.optimizeMode, module.optimizeMode);
      assert.deepEqual(Object.keys(namespace).sort(), ['add', 'calls', 'isWasm', 'optimizeMode']);
      assert.equal(Object.isExtensible(namespace), false);
      // `pub var calls` is read and written in Zig's memory through it.
      const before = namespace.calls;
      module.add(1, 1);
      assert.equal(namespace.calls, before + 1);
      namespace.calls = 100;
      module.add(1, 1);
      assert.equal(namespace.calls, 101);
      assert.equal('calls' in module, false, 'a pub var is not a named export');
    });

    test('a query string selects the build mode', async () => {
      const debug = await importFixture(FIXTURE, { mode, optimize: 'Debug' });
      const fast = await importFixture(FIXTURE, { mode, optimize: 'ReleaseFast' });
      assert.equal(debug.optimizeMode(), DEBUG);
      assert.equal(fast.optimizeMode(), RELEASE_FAST);
      assert.equal(fast.add(2, 3), 5);
      // Two builds, two modules: each has its own `calls`.
      fast.default.calls = 0;
      debug.default.calls = 7;
      fast.add(0, 0);
      assert.equal(fast.default.calls, 1);
      assert.equal(debug.default.calls, 7);
    });

    test('ZIGPORT_OPTIMIZE sets the build mode of imports without a query', () => {
      const { status, stdout, stderr } = runNode([STATIC_APP], { env: { ...modeEnv, ZIGPORT_OPTIMIZE: 'ReleaseFast' } });
      assert.equal(status, 0, stderr);
      assert.equal(JSON.parse(stdout).mode, RELEASE_FAST);
    });

    test('an empty ZIGPORT_OPTIMIZE means the default build mode, Debug', () => {
      const { status, stdout, stderr } = runNode([STATIC_APP], { env: { ...modeEnv, ZIGPORT_OPTIMIZE: '' } });
      assert.equal(status, 0, stderr);
      assert.equal(JSON.parse(stdout).mode, DEBUG);
    });

    test('an unknown query option rejects the import with a clear error', async () => {
      await rejectsWith(
        import(fixtureUrl(FIXTURE, { ...modeOptions(mode), optimise: 'ReleaseFast' }).href),
        [/"optimise"/, /known options: .*optimize/],
      );
    });

    test('an unknown optimize mode rejects the import with a clear error', async () => {
      await rejectsWith(
        import(fixtureUrl(FIXTURE, { ...modeOptions(mode), optimize: 'Fast' }).href),
        [/optimize mode "Fast"/, /Debug, ReleaseSafe, ReleaseSmall, ReleaseFast/],
      );
    });
  });
}
