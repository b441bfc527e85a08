// zigport/vite as a plain Rollup plugin (no Vite): the .zig import becomes a
// .wasm asset the bundle loads beside itself, or is embedded, and the bundle
// computes what Node's crypto does. The asset-loading bundle runs in Deno,
// whose fetch reads file: URLs; the embedded one runs in Node.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { MODES, ROOT, tempDir } from '../helpers/fixtures.js';
import { EXAMPLE } from './helpers/vite-build.js';
import { zigport } from '../../js/vite.js';

const skip = !MODES.includes('wasm') && 'WebAssembly mode is not among ZIGPORT_TEST_MODES';
const DIGEST = createHash('sha256').update('abc').digest('hex');

/** Bundles an entry printing the digest of 'abc' with Rollup and the plugin; `{ dir, files, entry }`. */
async function bundle(t, options) {
  const { rollup } = await import('rollup');
  const src = tempDir(t, 'zigport-rollup-src-');
  copyFileSync(join(EXAMPLE, 'hash.zig'), join(src, 'hash.zig'));
  writeFileSync(join(src, 'entry.js'), "import { sha256Hex } from './hash.zig';\nconsole.log(sha256Hex('abc').string);\n");
  const dir = tempDir(t, 'zigport-rollup-out-');
  const build = await rollup({ input: join(src, 'entry.js'), plugins: [zigport(options)], onwarn() {} });
  await build.write({ dir, format: 'es' });
  await build.close();
  return { dir, files: readdirSync(dir, { recursive: true }).map(String), entry: join(dir, 'entry.js') };
}

describe('rollup build', { skip }, () => {
  test('the .zig import becomes a .wasm asset beside the bundle, which loads it (run in Deno)', async (t) => {
    const { files, entry } = await bundle(t, {});
    assert.equal(files.filter((f) => f.endsWith('.wasm')).length, 1, files.join(', '));
    const deno = join(ROOT, 'node_modules', '.bin', 'deno');
    const output = execFileSync(deno, ['run', '--allow-read', entry], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(output.trim(), DIGEST);
  });

  test('with embedWASM the bundle carries the module and runs in Node as it is', async (t) => {
    const { files, entry } = await bundle(t, { embedWASM: true });
    assert.deepEqual(files.filter((f) => f.endsWith('.wasm')), []);
    const output = execFileSync(process.execPath, [entry], { encoding: 'utf8' });
    assert.equal(output.trim(), DIGEST);
  });
});
