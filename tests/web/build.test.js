// A production build with zigport's Vite plugin: the .zig import becomes a
// hashed .wasm asset (ReleaseSmall, stripped) and JS free of `node:` APIs;
// embedWASM inlines it; options reach the compiler; a module that does not
// compile fails the build with Zig's diagnostics, naming file and line.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MODES, tempDir } from '../helpers/fixtures.js';
import { EXAMPLE, buildPage, scriptsOf } from './helpers/vite-build.js';
import { zigport } from '../../js/vite.js';

const skip = !MODES.includes('wasm') && 'WebAssembly mode is not among ZIGPORT_TEST_MODES';

/** The example's sources in a temp dir, so a test may change them. */
function exampleCopy(t) {
  const dir = tempDir(t, 'zigport-web-hash-');
  for (const file of ['index.html', 'main.js', 'sample.js', 'hash.zig']) copyFileSync(join(EXAMPLE, file), join(dir, file));
  return dir;
}

function wasmOf(build) {
  const files = build.files.filter((f) => f.endsWith('.wasm'));
  assert.equal(files.length, 1, `one .wasm asset among ${build.files.join(', ')}`);
  return new WebAssembly.Module(readFileSync(join(build.dir, files[0])));
}

describe('vite build', { skip }, () => {
  test('the .zig import becomes a hashed .wasm asset, stripped, and JS without node: imports', async (t) => {
    const build = await buildPage(t, EXAMPLE);
    assert.ok(build.files.some((f) => /^assets[/\\]hash-[\w-]{8}\.wasm$/.test(f)), build.files.join(', '));
    const code = scriptsOf(build);
    assert.doesNotMatch(code, /["'`]node:/);
    // Vite stands an empty module in for a Node built-in the code reaches, and says so.
    assert.deepEqual(build.warnings.filter((w) => /externalized for browser compatibility/.test(w)), []);
    assert.match(code, /hash-[\w-]{8}\.wasm/);
    // ReleaseSmall and stripped by default in a production build.
    assert.equal(WebAssembly.Module.customSections(wasmOf(build), 'name').length, 0);
  });

  test('embedWASM inlines the module as base64: no .wasm asset', async (t) => {
    const build = await buildPage(t, EXAMPLE, { embedWASM: true });
    assert.deepEqual(build.files.filter((f) => f.endsWith('.wasm')), []);
    assert.match(scriptsOf(build), /atob\(["'`]AGFzbQ/);
  });

  test('an embedded bundle runs wherever ES modules do: under Node, its digest is crypto\'s', async (t) => {
    const dir = exampleCopy(t);
    writeFileSync(join(dir, 'entry.js'), "export { sha256Hex } from './hash.zig';\n");
    // A server-side build keeps Node's built-ins, which the addon the web entry may use needs.
    const build = await buildPage(t, dir, { embedWASM: true }, { ssr: join(dir, 'entry.js') });
    const entry = build.files.find((f) => /^entry.m?js$/.test(f));
    assert.ok(entry, build.files.join(', '));
    const { sha256Hex } = await import(pathToFileURL(join(build.dir, entry)).href);
    assert.equal(sha256Hex('abc').string, createHash('sha256').update('abc').digest('hex'));
  });

  test('stripWASM decides whether names stay (ReleaseSmall strips them anyway); a query option reaches the compiler', async (t) => {
    const names = (build) => WebAssembly.Module.customSections(wasmOf(build), 'name').length;
    assert.equal(names(await buildPage(t, EXAMPLE, { optimize: 'ReleaseSafe' })), 0);
    assert.equal(names(await buildPage(t, EXAMPLE, { optimize: 'ReleaseSafe', stripWASM: false })), 1);
    const dir = exampleCopy(t);
    const main = readFileSync(join(dir, 'main.js'), 'utf8');
    writeFileSync(join(dir, 'main.js'), main.replace("'./hash.zig'", "'./hash.zig?strip=0'"));
    assert.equal(names(await buildPage(t, dir, { optimize: 'ReleaseSafe' })), 1);
  });

  test('a compile error fails the build, naming the .zig file and line', async (t) => {
    const dir = exampleCopy(t);
    const source = readFileSync(join(dir, 'hash.zig'), 'utf8');
    writeFileSync(join(dir, 'hash.zig'), source.replace('var digest: [32]u8', 'var digest: [32]u9'));
    await assert.rejects(buildPage(t, dir), (err) => {
      assert.match(err.message, /Zig could not compile .*hash\.zig/);
      assert.match(err.message, /hash\.zig:\d+:\d+: error: /);
      return true;
    });
  });

  test('unknown plugin options and bundling for native are TypeErrors', async (t) => {
    assert.throws(() => zigport({ embedWasm: true }), /zigport plugin: unrecognized option "embedWasm"; known options: .*embedWASM/);
    assert.throws(() => zigport({ optimize: 3 }), /"optimize" must be a string, not 3/);
    const dir = exampleCopy(t);
    const main = readFileSync(join(dir, 'main.js'), 'utf8');
    writeFileSync(join(dir, 'main.js'), main.replace("'./hash.zig'", "'./hash.zig?target=native'"));
    await assert.rejects(buildPage(t, dir), /a bundled module is WebAssembly; target "native" cannot be bundled/);
  });
});
