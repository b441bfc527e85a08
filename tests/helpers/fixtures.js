// How tests reach Zig: import a fixture from zig-fixtures/ exactly as a user
// would import a .zig file, in each mode zigport supports.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The modes every behaviour test runs in ('wasm' joins with WebAssembly mode). */
export const MODES = ['native'];

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const REGISTER = fileURLToPath(new URL('../../js/register.js', import.meta.url));

/** URL of fixture `name` (a path under zig-fixtures/, without .zig). */
export function fixtureUrl(name, options = {}) {
  const url = new URL(`../../zig-fixtures/${name}.zig`, import.meta.url);
  for (const [key, value] of Object.entries(options)) url.searchParams.set(key, value);
  return url;
}

/** Imports fixture `name` in `mode` with optional build options. */
export function importFixture(name, { mode = 'native', ...options } = {}) {
  if (mode !== 'native') throw new Error(`mode ${mode} is not available yet`);
  return import(fixtureUrl(name, options).href);
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
