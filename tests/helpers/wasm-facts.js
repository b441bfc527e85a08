// What the WebAssembly host reads of a fixture compiled to WebAssembly (the
// facts both module checks take): compiles it the way the loader does for
// `?target=wasm`, instantiates it, and reads its exports and descriptor.
import { join } from 'node:path';
import { compileModule } from '../../js/internal/compiler/index.js';
import { parseOptions } from '../../js/internal/compiler/options.js';
import { openWasmFile } from '../../js/internal/loader/load-wasm.js';
import { ROOT } from './fixtures.js';

/** The facts of fixture `name` (a path under zig-fixtures/, without .zig). */
export async function wasmFacts(name) {
  const source = join(ROOT, 'zig-fixtures', `${name}.zig`);
  const options = parseOptions(new URLSearchParams({ target: 'wasm' }), process.env, source);
  const path = await compileModule(source, options);
  const instance = openWasmFile(path);
  return {
    path,
    exports: Object.keys(instance.exports),
    abiVersion: instance.exports.zigport_abi_version(),
    layoutsHold: Boolean(instance.exports.zigport_check_layouts()),
    descriptor: instance.descriptorJson,
  };
}
