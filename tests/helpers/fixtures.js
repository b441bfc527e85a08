// How tests reach Zig: import a fixture from zig-fixtures/ exactly as a user
// would import a .zig file, in each mode zigport supports.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cacheRoot } from '../../js/internal/compiler/cache-root.js';
import { findZig } from '../../js/internal/compiler/toolchain.js';
import { defaultVersion } from '../../js/internal/compiler/wanted-zig.js';
import { compareVersions, parseVersion } from '../../js/internal/compiler/zig-version.js';

/**
 * The modes every behaviour test runs in: a native library through the
 * addon, and WebAssembly. ZIGPORT_TEST_MODES=native (or wasm) narrows it.
 */
export const MODES = (process.env.ZIGPORT_TEST_MODES || 'native,wasm').split(',');

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const REGISTER = fileURLToPath(new URL('../../js/register.js', import.meta.url));

/** URL of fixture `name` (a path under zig-fixtures/, without .zig). */
export function fixtureUrl(name, options = {}) {
  return withOptions(new URL(`../../zig-fixtures/${name}.zig`, import.meta.url), options);
}

/** Imports fixture `name` in `mode` with optional build options. */
export function importFixture(name, { mode = 'native', ...options } = {}) {
  return import(fixtureUrl(name, { ...options, ...modeOptions(mode) }).href);
}

/**
 * Imports the .zig file at `path`, which may be anywhere (tests that write
 * their Zig at run time), in `mode` with optional build options.
 */
export function importZigFile(path, { mode = 'native', ...options } = {}) {
  return import(withOptions(pathToFileURL(path), { ...options, ...modeOptions(mode) }).href);
}

/** `url` with build options as its query, the way a user asks for them. */
function withOptions(url, options) {
  for (const [key, value] of Object.entries(options)) url.searchParams.set(key, value);
  return url;
}

/** Runs `node --import zigport/register ...args` and returns its output. */
export function runNode(args, { env = {}, cwd = ROOT, input } = {}) {
  const result = spawnSync(process.execPath, ['--import', REGISTER, ...args], {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    input,
    timeout: 120_000,
  });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

// --- Helpers for tests that need their own processes, caches and sources ---

/**
 * The cache the test run shares (the one `npm test` sets up). Tests that
 * need an empty zigport cache still share its zig-global-cache, where Zig
 * keeps its compiled std and libc, so a cold module compile takes seconds
 * rather than many.
 */
export const TEST_CACHE_DIR = process.env.ZIGPORT_CACHE_DIR || cacheRoot();

// The test cache holds far more than the default size cap (1 GB); without
// this, a test file run on its own would prune what the others reuse.
process.env.ZIGPORT_CACHE_MAX_SIZE ??= '0';

/**
 * The Zig compiler the loader itself would use for a module that asks for
 * nothing (ZIG, else $ZIGPORT_ZIG_VERSION, else the default), or for
 * `zigVersion` ("0.16", "0.16.0") when given.
 */
export function zigBinary({ zigVersion } = {}) {
  return zigInUse({ zigVersion }).path;
}

/** The version of the Zig that `zigBinary()` names, such as "0.16.0". */
export function zigVersionInUse({ zigVersion } = {}) {
  return zigInUse({ zigVersion }).version;
}

/** Whether the Zig in use is `version` or newer. */
export function zigIsAtLeast(version) {
  return compareVersions(parseVersion(zigVersionInUse()), parseVersion(version)) >= 0;
}

function zigInUse({ zigVersion }) {
  const wanted = { request: null, minimum: null, fallback: defaultVersion() };
  if (zigVersion) wanted.request = { text: zigVersion, from: `zigBinary({ zigVersion: ${zigVersion} })` };
  return findZig(TEST_CACHE_DIR, wanted);
}

/** A temporary directory removed after test `t`. */
export function tempDir(t, prefix = 'zigport-test-') {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * An empty zigport cache directory for test `t`. Unless `shareZigCache` is
 * false, its zig-global-cache is the test run's shared one.
 */
export function freshCacheDir(t, { shareZigCache = true } = {}) {
  const dir = tempDir(t, 'zigport-cache-');
  if (shareZigCache) {
    const shared = join(TEST_CACHE_DIR, 'zig-global-cache');
    mkdirSync(shared, { recursive: true });
    symlinkSync(shared, join(dir, 'zig-global-cache'));
  }
  return dir;
}

/** Copies fixture files (paths under zig-fixtures/, with extension) into a temp dir for `t`. */
export function copyFixtures(t, files) {
  const dir = tempDir(t, 'zigport-src-');
  for (const file of files) copyFileSync(join(ROOT, 'zig-fixtures', file), join(dir, basename(file)));
  return dir;
}

/**
 * Runs `node ...args` (no loader unless args say so) without blocking, so
 * several can run at once. Resolves to `{ status, signal, stdout, stderr }`.
 */
export function spawnNode(args, { env = {}, cwd = ROOT } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => { stdout += chunk; });
    child.stderr.setEncoding('utf8').on('data', (chunk) => { stderr += chunk; });
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}

/** Build options that select `mode` (none for native), as the worker tests do. */
export function modeOptions(mode) {
  return mode === 'native' ? {} : { target: mode };
}

/** The exception `fn` throws (fails the test if it returns). */
export function thrownBy(fn) {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected the call to throw');
}
