// zigport's WebAssembly runtime for any JavaScript engine: browsers and
// workers, Deno, Bun, Node without the addon. It needs only ECMAScript and
// the WebAssembly and web APIs; bundles made by `zigport/vite` import it.
import { buildModule } from './internal/runtime/module.js';
import { ModuleOutput } from './internal/runtime/console.js';
import { ModuleEnvironment } from './internal/runtime/env-variables.js';
import { WasmInstance } from './internal/wasm/instance.js';
import { openWasmHost } from './internal/wasm/host.js';

export { ZigError } from './internal/errors.js';

/**
 * Loads a compiled zigport WebAssembly module: `source` is its URL (or URL
 * string), a `Response` or a promise of one, its bytes (`ArrayBuffer`,
 * typed array), or a `WebAssembly.Module`. Resolves to `{ exports,
 * namespace }`: the module's named exports by name (`__zigar` among them)
 * and its default export. `options.name` names the module in errors.
 */
export async function loadWasmModule(source, options = {}) {
  const name = options.name ?? nameOf(source);
  const module = await compile(await source, name);
  const system = { output: new ModuleOutput(), env: new ModuleEnvironment() };
  const instance = await WasmInstance.instantiate(name, module, system);
  return buildModule(openWasmHost(instance, system), true, system);
}

async function compile(source, name) {
  try {
    if (source instanceof WebAssembly.Module) return source;
    if (source instanceof URL || typeof source === 'string') return await compileResponse(await fetch(source), name);
    if (typeof Response === 'function' && source instanceof Response) return await compileResponse(source, name);
    if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) return await WebAssembly.compile(source);
  } catch (err) {
    throw new Error(`cannot load compiled module ${name}: ${err.message}`);
  }
  throw new TypeError('loadWasmModule(): expecting a URL, a Response, the bytes of a .wasm file or a WebAssembly.Module, '
    + `received ${source === null ? 'null' : typeof source}`);
}

/** Streams the module when the server says it is wasm (compileStreaming insists), else reads it whole. */
async function compileResponse(response, name) {
  if (!response.ok) throw new Error(`fetching ${name} answered ${response.status} ${response.statusText}`);
  const streams = typeof WebAssembly.compileStreaming === 'function'
    && response.headers.get('content-type')?.startsWith('application/wasm');
  return streams ? WebAssembly.compileStreaming(response) : WebAssembly.compile(await response.arrayBuffer());
}

function nameOf(source) {
  if (source instanceof URL || typeof source === 'string') return String(source);
  if (typeof Response === 'function' && source instanceof Response && source.url) return source.url;
  return 'WebAssembly module';
}
