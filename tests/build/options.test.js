// Build options from the import query and from zigport.config.json:
// omitFunctions, omitVariables, useLibc, useRedirection, strip and zigArgs, and
// the errors for options zigport does not know or values of the wrong type.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileModule } from '../../js/internal/compiler/index.js';
import { parseOptions } from '../../js/internal/compiler/options.js';
import {
  MODES, ROOT, importFixture, importZigFile, modeOptions, runNode, tempDir,
} from '../helpers/fixtures.js';

const FIXTURES = join(ROOT, 'zig-fixtures', 'build');

/** A temp dir holding `file` from zig-fixtures/build/ and a config file (`name`) with `config`. */
function withConfig(t, file, config, name = 'zigport.config.json') {
  const dir = tempDir(t, 'zigport-options-');
  copyFileSync(join(FIXTURES, file), join(dir, file.split('/').pop()));
  writeFileSync(join(dir, name), JSON.stringify(config));
  return dir;
}

/** The names the module's exports expose, its namespace's included. */
function declared(m) {
  return ['answer', 'counter', 'limit'].filter((name) => name in m.default);
}

for (const mode of MODES) {
  describe(`${mode}: build options`, () => {
    test('omitFunctions leaves the functions out, and nothing else', async () => {
      assert.deepEqual(declared(await importFixture('build/options/declarations', { mode })), ['answer', 'counter', 'limit']);
      const m = await importFixture('build/options/declarations', { mode, omitFunctions: '1' });
      assert.deepEqual(declared(m), ['counter', 'limit']);
      assert.equal(m.limit, 10);
    });

    test('omit-variables (kebab case) leaves the variables out, constants stay', async () => {
      const m = await importFixture('build/options/declarations', { mode, 'omit-variables': 'true' });
      assert.deepEqual(declared(m), ['answer', 'limit']);
      assert.equal(m.answer(), 42);
    });

    test('zigport.config.json beside the module sets options; the query overrides it', async (t) => {
      const dir = withConfig(t, 'options/declarations.zig', { omitFunctions: true });
      assert.deepEqual(declared(await importZigFile(join(dir, 'declarations.zig'), { mode })), ['counter', 'limit']);
      const m = await importZigFile(join(dir, 'declarations.zig'), { mode, omitFunctions: '0' });
      assert.deepEqual(declared(m), ['answer', 'counter', 'limit']);
    });

    test('useRedirection=0 sends output to the real stdout, not console.log', (t) => {
      const dir = tempDir(t, 'zigport-options-');
      const run = (query) => {
        const url = new URL(`file://${join(FIXTURES, 'options', 'prints.zig')}`);
        for (const [k, v] of Object.entries({ ...query, ...modeOptions(mode) })) url.searchParams.set(k, v);
        writeFileSync(join(dir, 'app.mjs'), [
          `const m = await import(${JSON.stringify(url.href)});`,
          // What reaches console.log is dropped, so stdout shows only what bypassed it.
          'console.log = () => {};',
          'm.hello();',
        ].join('\n'));
        const { status, stdout, stderr } = runNode([join(dir, 'app.mjs')]);
        assert.equal(status, 0, stderr);
        return stdout;
      };
      assert.equal(run({}), '');
      assert.equal(run({ useRedirection: '0' }), 'hello from zig\n');
    });

    test('zigArgs are added to the compiler command (space-separated in a query, an array in a config file)', async (t) => {
      const plain = await importFixture('build/options/frame-pointer', { mode, optimize: 'Debug' });
      assert.equal(plain.omitsFramePointer(), false);
      const flagged = await importFixture('build/options/frame-pointer', { mode, optimize: 'Debug', zigArgs: '-fomit-frame-pointer' });
      assert.equal(flagged.omitsFramePointer(), true);
      const dir = withConfig(t, 'options/frame-pointer.zig', { zigArgs: ['-fomit-frame-pointer'] });
      const configured = await importZigFile(join(dir, 'frame-pointer.zig'), { mode, optimize: 'Debug' });
      assert.equal(configured.omitsFramePointer(), true);
    });

    test('strip=1 builds the module without debug information and names, and it still loads', async (t) => {
      const sizeOf = async (query) => statSync(await compileModule(
        join(FIXTURES, 'options/declarations.zig'), parseOptions(new URLSearchParams({ ...query, ...modeOptions(mode) }), {}),
      )).size;
      assert.ok(await sizeOf({ strip: '1' }) < await sizeOf({}));
      const m = await importFixture('build/options/declarations', { mode, strip: '1' });
      assert.equal(m.answer(), 42);
      const dir = withConfig(t, 'options/declarations.zig', { strip: true });
      assert.equal((await importZigFile(join(dir, 'declarations.zig'), { mode })).answer(), 42);
    });

    test('an unknown option in the query is a TypeError naming it and the known ones', async () => {
      await assert.rejects(importFixture('build/options/declarations', { mode, omitFunktions: '1' }),
        /Unrecognized option "omitFunktions" in import query; known options: .*omitFunctions/);
      await assert.rejects(importFixture('build/options/declarations', { mode, useLibc: 'yes' }),
        /Option "useLibc" in import query must be 1, 0, true or false, not "yes"/);
    });

    test("a Zigar project's node-zigar.config.json applies, its settings for Zigar's own tools left alone", async (t) => {
      const dir = withConfig(t, 'options/declarations.zig', {
        omitFunctions: true,
        zigArgs: '-fno-omit-frame-pointer',
        modules: { 'lib/declarations.zigar': { source: 'declarations.zig' } },
        targets: [{ platform: 'linux', arch: 'x64' }],
        optimizeAddon: 'ReleaseSmall',
      }, 'node-zigar.config.json');
      assert.deepEqual(declared(await importZigFile(join(dir, 'declarations.zig'), { mode })), ['counter', 'limit']);
    });

    test('an unknown option or a wrong type in zigport.config.json is an error naming the file', async (t) => {
      const unknown = withConfig(t, 'options/declarations.zig', { omitFunction: true });
      await assert.rejects(importZigFile(join(unknown, 'declarations.zig'), { mode }),
        /zigport\.config\.json: unrecognized option "omitFunction"; known options: .*omitFunctions/);
      const wrong = withConfig(t, 'options/declarations.zig', { zigArgs: '-fstrip' });
      await assert.rejects(importZigFile(join(wrong, 'declarations.zig'), { mode }),
        /zigport\.config\.json: "zigArgs" must be an array of strings, not "-fstrip"/);
    });
  });
}

describe('useLibc', () => {
  const source = (name) => join(FIXTURES, name);
  const options = (query) => parseOptions(new URLSearchParams(query), {});
  const wasmExports = (file) => WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(file))).map((e) => e.name);

  test('in wasm, useLibc=1 links wasi-libc (a reactor) into a module that does not reach C', { skip: !MODES.includes('wasm') }, async () => {
    const plain = await compileModule(source('options/declarations.zig'), options('target=wasm'));
    assert.ok(!wasmExports(plain).includes('_initialize'));
    const linked = await compileModule(source('options/declarations.zig'), options('target=wasm&useLibc=1'));
    assert.ok(wasmExports(linked).includes('_initialize'));
  });

  test('in wasm, useLibc=0 leaves libc out of a module calling it, which then does not load', { skip: !MODES.includes('wasm') }, async () => {
    // The linker leaves libc's functions as imports, which the host names.
    await compileModule(source('default-c-header/libc-calls.zig'), options('target=wasm&useLibc=0'));
    await assert.rejects(importFixture('build/default-c-header/libc-calls', { mode: 'wasm', useLibc: '0' }),
      /needs functions no code in it defines: strlen, abs; if they are libc's, build it with libc \(useLibc\)/);
  });

  test('a stripped WebAssembly module has no name section', { skip: !MODES.includes('wasm') }, async () => {
    const names = async (query) => WebAssembly.Module.customSections(
      new WebAssembly.Module(readFileSync(await compileModule(source('options/declarations.zig'), options(query)))), 'name',
    ).length;
    assert.equal(await names('target=wasm'), 1);
    assert.equal(await names('target=wasm&strip=1'), 0);
  });

  test('natively libc is always linked', { skip: !MODES.includes('native') }, async () => {
    const m = await importFixture('build/default-c-header/libc-calls', { mode: 'native', useLibc: '0' });
    assert.equal(m.length('four'), 4);
  });
});
