// The addon refuses libraries it cannot trust: not zigport modules, another
// ABI version, or a descriptor that is corrupt. Each refusal is a JS error
// that says what is wrong; the process carries on.
//
// The fake modules are built here with the real Zig compiler from small root
// files in zig-fixtures/runtime/ that define the exporter's symbols
// themselves, as shared libraries for the addon and as WebAssembly for the
// wasm host, which refuses them with the runtime's same checks and words.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, TEST_CACHE_DIR, importFixture, zigBinary } from '../helpers/fixtures.js';

const FAKES = [
  'not-a-zigport-module',
  'abi-version-99',
  'descriptor-of-another-abi-version',
  'descriptor-not-json',
  'descriptor-not-utf8',
  'descriptor-with-out-of-bounds-offsets',
];

/** How a fake is built in each mode, and its file extension. */
const FAKE_BUILD = {
  native: { extension: '.so', args: ['build-lib', '-dynamic', '-lc', '-fPIC', '-fllvm'] },
  wasm: {
    extension: '.wasm',
    args: ['build-exe', '-target', 'wasm32-wasi', '-fno-entry', '-rdynamic', '--export=__stack_pointer'],
  },
};

/** Builds zig-fixtures/runtime/<name>.zig into `<dir>/<name>.<so|wasm>` with a plain Zig command. */
function buildFake(name, dir, mode = 'native') {
  const output = join(dir, `${name}${FAKE_BUILD[mode].extension}`);
  const args = [
    ...FAKE_BUILD[mode].args, '-O', 'Debug',
    '--cache-dir', join(TEST_CACHE_DIR, 'zig-cache'),
    '--global-cache-dir', join(TEST_CACHE_DIR, 'zig-global-cache'),
    `-femit-bin=${output}`,
    join(ROOT, 'zig-fixtures', 'runtime', `${name}.zig`),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(zigBinary(), args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk) => { stderr += chunk; });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`zig ${args[0]} ${name}:\n${stderr}`))));
  });
}

/** Two at a time: one per core. */
async function buildAll(names, dir, mode) {
  const built = {};
  for (let i = 0; i < names.length; i += 2) {
    const pair = names.slice(i, i + 2);
    const paths = await Promise.all(pair.map((name) => buildFake(name, dir, mode)));
    pair.forEach((name, j) => { built[name] = paths[j]; });
  }
  return built;
}

describe('the runtime refuses libraries it cannot use', () => {
  let addon;
  let lib;
  let dir;

  before(async () => {
    ({ addon } = await import('../../js/internal/runtime/addon.js'));
    dir = mkdtempSync(join(tmpdir(), 'zigport-fakes-'));
    lib = await buildAll([...FAKES, 'descriptor-for-4-byte-addresses'], dir);
  });

  after(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

  /** Asserts that both ways in (describe, ZigModule.open) refuse `path` with messages matching `patterns`. */
  function assertRefused(path, patterns) {
    for (const [way, open] of [['describe', () => addon.describe(path)], ['ZigModule.open', () => addon.ZigModule.open(path)]]) {
      assert.throws(open, (err) => {
        assert.ok(err instanceof Error, `${way} throws an Error`);
        assert.ok(err.message.includes(path), `${way}: the message names the library: ${err.message}`);
        for (const pattern of patterns) assert.match(err.message, pattern, `${way}: ${err.message}`);
        return true;
      });
    }
  }

  test('a library that is not a zigport module is refused', () => {
    assertRefused(lib['not-a-zigport-module'], [/lacks zigport_abi_version/, /not a zigport module/]);
  });

  test('a library whose zigport_abi_version differs is refused', () => {
    assertRefused(lib['abi-version-99'], [/ABI version 99/, /delete the zigport cache/]);
  });

  test('a descriptor of another ABI version is refused', () => {
    assertRefused(lib['descriptor-of-another-abi-version'], [/invalid descriptor/, /descriptor version 3/]);
  });

  test('a descriptor that is not JSON is refused', () => {
    assertRefused(lib['descriptor-not-json'], [/invalid descriptor/, /not valid JSON/]);
  });

  test('a descriptor that is not UTF-8 is refused', () => {
    assertRefused(lib['descriptor-not-utf8'], [/descriptor that is not UTF-8/]);
  });

  test('a descriptor with out-of-bounds offsets is refused', () => {
    assertRefused(lib['descriptor-with-out-of-bounds-offsets'], [
      /invalid descriptor/, /function add: parameter of type i32 does not fit its frame at offset 4096/,
    ]);
  });

  test('a descriptor laid out for 4-byte addresses is refused by a native runtime', () => {
    assertRefused(lib['descriptor-for-4-byte-addresses'], [/built for 4-byte addresses; this runtime needs 8/]);
  });

  test('a nonexistent path is refused', () => {
    assertRefused(join(dir, 'no-such-module.so'), [/cannot load compiled module/]);
  });

  test('a file that is not a shared library is refused', () => {
    assertRefused(join(ROOT, 'README.md'), [/cannot load compiled module/]);
  });

  test(
    "a library that cannot be loaded is refused with the system's reason",
    () => {
      assertRefused(join(dir, 'no-such-module.so'), [/No such file or directory/]);
      assertRefused(join(ROOT, 'README.md'), [/invalid ELF header|file too short/]);
    },
  );

  test('an empty path is refused', () => {
    for (const open of [() => addon.describe(''), () => addon.ZigModule.open('')]) {
      assert.throws(open, /cannot load compiled module : the path is empty/);
    }
  });

  test('after refusals the addon still loads and calls a real module', async () => {
    for (const path of Object.values(lib)) assert.throws(() => addon.ZigModule.open(path));
    const { add } = await importFixture('loader/reports-build-mode');
    assert.equal(add(20, 22), 42);
  });
});

describe('the wasm host refuses modules it cannot use', () => {
  let openWasmFile;
  let lib;
  let dir;

  before(async () => {
    ({ openWasmFile } = await import('../../js/internal/loader/load-wasm.js'));
    dir = mkdtempSync(join(tmpdir(), 'zigport-wasm-fakes-'));
    lib = await buildAll([...FAKES, 'descriptor-for-8-byte-addresses'], dir, 'wasm');
  });

  after(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

  function assertRefused(path, patterns) {
    assert.throws(() => openWasmFile(path), (err) => {
      assert.ok(err instanceof Error);
      assert.ok(err.message.includes(path), `the message names the module: ${err.message}`);
      for (const pattern of patterns) assert.match(err.message, pattern, err.message);
      return true;
    });
  }

  test('a module that is not a zigport module is refused', () => {
    assertRefused(lib['not-a-zigport-module'], [/lacks __stack_pointer|lacks zigport_/, /not a zigport module/]);
  });

  test('a module whose zigport_abi_version differs is refused', () => {
    assertRefused(lib['abi-version-99'], [/ABI version 99/, /delete the zigport cache/]);
  });

  test('corrupt descriptors are refused as in native mode', () => {
    assertRefused(lib['descriptor-of-another-abi-version'], [/invalid descriptor/, /descriptor version 3/]);
    assertRefused(lib['descriptor-not-json'], [/invalid descriptor/, /not valid JSON/]);
    assertRefused(lib['descriptor-not-utf8'], [/descriptor that is not UTF-8/]);
    assertRefused(lib['descriptor-with-out-of-bounds-offsets'], [
      /invalid descriptor/, /function add: parameter of type i32 does not fit its frame at offset 4096/,
    ]);
  });

  test('a file that is not WebAssembly is refused', () => {
    assertRefused(join(ROOT, 'README.md'), [/cannot load compiled module/]);
    assertRefused(join(dir, 'no-such-module.wasm'), [/cannot load compiled module/]);
  });

  test('a descriptor laid out for 8-byte addresses is refused in WebAssembly', () => {
    assertRefused(lib['descriptor-for-8-byte-addresses'], [/built for 8-byte addresses; this runtime needs 4/]);
  });
});
