// zigport/web's loadWasmModule refuses what is not a compiled zigport
// module with an error saying what it received, before anything runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadWasmModule } from '../../js/web.js';

test('a value that is no module source is a TypeError naming what it is', async () => {
  await assert.rejects(loadWasmModule(42), {
    name: 'TypeError',
    message: /expecting a URL, a Response, the bytes of a \.wasm file or a WebAssembly\.Module, received number/,
  });
  await assert.rejects(loadWasmModule(null), { name: 'TypeError', message: /received null/ });
});

test('bytes that are not WebAssembly are refused, naming the module', async () => {
  await assert.rejects(loadWasmModule(new Uint8Array([1, 2, 3]), { name: 'broken.wasm' }), {
    message: /^cannot load compiled module broken\.wasm: /,
  });
});

test('a WebAssembly module that is not a zigport module is refused as the native runtime refuses it', async () => {
  // The smallest valid module: the magic number and version, nothing else.
  const empty = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
  await assert.rejects(loadWasmModule(empty, { name: 'empty.wasm' }), {
    message: /empty\.wasm lacks memory: it is not a zigport module/,
  });
});
