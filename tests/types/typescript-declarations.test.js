// The TypeScript declarations zigport writes for a module: a program that
// uses the module as they allow type-checks (strict, nodenext) and runs with
// the values it passes; one that misuses it fails with the expected errors.
// Also `zigport types` (the file it writes, for either target, its exit
// codes) and the loader's option (ZIGPORT_TYPES, or the config file's
// `"types": true`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileModule } from '../../js/internal/compiler/index.js';
import { parseOptions } from '../../js/internal/compiler/options.js';
import { moduleDeclarations } from '../../js/internal/declarations/index.js';
import { addon } from '../../js/internal/runtime/addon.js';
import { readWasmDescriptor } from '../../js/internal/wasm/read-descriptor.js';
import { MODES, REGISTER, ROOT, spawnNode, tempDir } from '../helpers/fixtures.js';

const FIXTURE = join(ROOT, 'zig-fixtures/types/typescript-declarations.zig');
const CONSUMER = join(ROOT, 'tests/types/typescript-consumer');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
const CLI = join(ROOT, 'js/bin/zigport.js');

async function descriptorOf(source, mode) {
  const options = parseOptions(new URLSearchParams(mode === 'wasm' ? 'target=wasm' : ''), process.env, source);
  const library = await compileModule(source, options);
  return JSON.parse(mode === 'wasm' ? readWasmDescriptor(readFileSync(library), library) : addon.describe(library));
}

/** A folder holding the consumer programs and the module's declarations, as a user's project would. */
async function consumerFolder(t, mode) {
  const dir = tempDir(t, 'zigport-ts-');
  for (const file of ['uses-module.mts', 'misuses-module.mts', 'package.json']) {
    copyFileSync(join(CONSUMER, file), join(dir, file));
  }
  const text = moduleDeclarations(await descriptorOf(FIXTURE, mode), { wasm: mode === 'wasm' });
  writeFileSync(join(dir, 'typescript-declarations.d.zig.ts'), text);
  return dir;
}

/** Runs TypeScript on `file` in `dir` with the options of the folder's tsconfig.json. */
function tsc(dir, file, extra = []) {
  return spawnSync(process.execPath, [
    TSC, '--ignoreConfig', '--strict', '--module', 'nodenext', '--target', 'es2022', '--allowArbitraryExtensions',
    ...extra, file,
  ], { cwd: dir, encoding: 'utf8' });
}

for (const mode of MODES) {
  test(`${mode}: a program using the module as declared type-checks and runs with what it passes`, async (t) => {
    const dir = await consumerFolder(t, mode);
    const checked = tsc(dir, 'uses-module.mts', ['--outDir', 'out']);
    assert.equal(checked.status, 0, checked.stdout + checked.stderr);
    // The emitted program imports the fixture itself, through zigport's loader.
    symlinkSync(FIXTURE, join(dir, 'out', 'typescript-declarations.zig'));
    const ran = await spawnNode(['--import', REGISTER, join(dir, 'out', 'uses-module.mjs')], {
      env: { ZIGPORT_TARGET: mode },
    });
    assert.equal(ran.status, 0, ran.stderr);
    const results = JSON.parse(ran.stdout);
    assert.equal(results.add, 3);
    assert.equal(results.wide, '10');
    assert.deepEqual(results.bytes, [7, 7, 7, 7]);
    assert.equal(results.count, 5);
    assert.deepEqual(results.maybe, [null, 2]);
    assert.equal(results.divideByZero, 'Division by zero');
    assert.equal(results.isMathError, true);
    assert.equal(results.next, 'green');
    assert.deepEqual(results.point, { x: 3, y: 0 });
    assert.equal(results.apply, 10);
    assert.deepEqual(results.transform, [2, 6, 1]);
    assert.equal(results.later, 8);
    assert.deepEqual(results.called, [16]);
    assert.equal(results.limit, '2000');
    assert.equal(results.odd, true);
    assert.deepEqual(results.arrays, {
      greeting: 'hello', greetingLength: 5, greetingBytes: [104, 101], helloSlice: 'el',
      samples: [4, 5, 2.5], samplesTyped: true, cName: 'zig', tripled: [2, 4, 7], vector: [2, 4, 6, 8],
      sumBytes: [10, 20, 260], counted: 10, firstByte: 10, orDefault: [5, -1], session: 42,
      record: { name: [114, 101, 99], values: [10, 20, 30], weights: [2, 4, 6, 8], version: 2 },
      recordName: 'rec', total: 60, version: 2, level: 50, grid: [[5, 6], [97, 98]], byte: 400, unary: true, vec3: [4, 2, 3], cStr: 'text',
      pair: { a: 7, b: true }, numbers: [0, 1, 2], tag: ['square', 'circle'],
    });
  });

  test(`${mode}: a program misusing the module fails type-checking with the errors its lines name`, async (t) => {
    const dir = await consumerFolder(t, mode);
    const checked = tsc(dir, 'misuses-module.mts', ['--noEmit']);
    assert.notEqual(checked.status, 0);
    const found = [...checked.stdout.matchAll(/misuses-module\.mts\((\d+),\d+\): error (TS\d+)/g)].map((m) => `${m[1]} ${m[2]}`);
    const source = readFileSync(join(dir, 'misuses-module.mts'), 'utf8').split('\n');
    const expected = source.flatMap((line, i) => {
      const code = /\/\/ (TS\d+)/.exec(line);
      return code ? [`${i + 1} ${code[1]}`] : [];
    });
    assert.ok(expected.length >= 16);
    assert.deepEqual(found, expected);
  });
}

test('zigport types writes f.d.zig.ts beside the source, and the loader writes it on import when asked', async (t) => {
  const dir = tempDir(t, 'zigport-types-cli-');
  const source = join(dir, 'small.zig');
  writeFileSync(source, 'pub fn twice(x: i32) i32 {\n    return x * 2;\n}\npub var level: u64 = 1;\n');
  const written = await spawnNode([CLI, 'types', source]);
  assert.equal(written.status, 0, written.stderr);
  assert.equal(written.stdout.trim(), join(dir, 'small.d.zig.ts'));
  const text = readFileSync(join(dir, 'small.d.zig.ts'), 'utf8');
  assert.match(text, /declare function twice\(arg0: number \| bigint\): number;/);
  assert.match(text, /get level\(\): bigint;/);
  // The loader rewrites it from the module on import when asked.
  writeFileSync(join(dir, 'small.d.zig.ts'), 'stale');
  writeFileSync(join(dir, 'main.mjs'), "import { twice } from './small.zig';\nconsole.log(twice(21));\n");
  const ran = await spawnNode(['--import', REGISTER, join(dir, 'main.mjs')], { env: { ZIGPORT_TYPES: '1' } });
  assert.equal(ran.stdout.trim(), '42', ran.stderr);
  assert.equal(readFileSync(join(dir, 'small.d.zig.ts'), 'utf8'), text);
  // Or when the folder's config file says `"types": true` (and the environment says nothing).
  rmSync(join(dir, 'small.d.zig.ts'));
  writeFileSync(join(dir, 'zigport.config.json'), JSON.stringify({ types: true }));
  const configured = await spawnNode(['--import', REGISTER, join(dir, 'main.mjs')], { env: { ZIGPORT_TYPES: '' } });
  assert.equal(configured.stdout.trim(), '42', configured.stderr);
  assert.equal(readFileSync(join(dir, 'small.d.zig.ts'), 'utf8'), text);
});

test('zigport types --target wasm describes the WebAssembly module, whose usize is 32 bits', async (t) => {
  const dir = tempDir(t, 'zigport-types-cli-');
  const source = join(dir, 'sizes.zig');
  writeFileSync(source, 'pub fn size(bytes: []const u8) usize {\n    return bytes.len;\n}\n');
  const native = await spawnNode([CLI, 'types', source]);
  assert.equal(native.status, 0, native.stderr);
  const nativeText = readFileSync(join(dir, 'sizes.d.zig.ts'), 'utf8');
  assert.match(nativeText, /^declare function size\(arg0: .*\): number \| bigint;$/m);
  assert.match(nativeText, /init\(\): undefined;/);
  const wasm = await spawnNode([CLI, 'types', source, '--target', 'wasm']);
  assert.equal(wasm.status, 0, wasm.stderr);
  const wasmText = readFileSync(join(dir, 'sizes.d.zig.ts'), 'utf8');
  assert.match(wasmText, /^declare function size\(arg0: .*\): number;$/m);
  assert.match(wasmText, /init\(\): Promise<void>;/);
});

test('zigport types exits 1 with Zig\'s diagnostics when the module does not compile, writing nothing', async (t) => {
  const dir = tempDir(t, 'zigport-types-cli-');
  const source = join(dir, 'broken.zig');
  writeFileSync(source, 'pub fn f() i32 {\n    return "x";\n}\n');
  const failed = await spawnNode([CLI, 'types', source]);
  assert.equal(failed.status, 1);
  assert.match(failed.stderr, /^zigport types: Zig could not compile .*broken\.zig/m);
  assert.match(failed.stderr, /broken\.zig:2:12: error: expected type 'i32'/);
  assert.equal(existsSync(join(dir, 'broken.d.zig.ts')), false);
});

test('zigport types refuses a missing file and a file that is not Zig, with exit codes 1 and 2', async (t) => {
  const dir = tempDir(t, 'zigport-types-cli-');
  const missing = await spawnNode([CLI, 'types', join(dir, 'absent.zig')]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /zigport types: .*absent\.zig: no such file/);
  const other = await spawnNode([CLI, 'types', join(dir, 'notes.txt')]);
  assert.equal(other.status, 2);
  assert.match(other.stderr, /notes\.txt is not a \.zig file/);
  assert.equal(existsSync(join(dir, 'absent.d.zig.ts')), false);
});
