// `__zigar.set('env', variables)`: the environment variables Zig code sees.
// A WebAssembly module reads them through WASI (`environ_get`), which
// zigport serves, so they can be any set. A native library reads the
// process's own environment through libc; zigport does not give it another
// one, so there `process.env` is what to change.

/** What `set()` knows; `env` is the module's ModuleEnvironment, `wasm` its mode. */
export function setObject(env, wasm, name, value) {
  if (name === 'wasi') throw new Error(`__zigar.set('wasi'): a custom WASI object is not supported by zigport yet`);
  if (name !== 'env') throw new Error(`Unknown object: ${String(name)}`);
  if (typeof value !== 'object') throw new TypeError(`Expected an object, received ${describe(value)}`);
  if (!wasm) {
    // null asks for the process's environment, which a native library reads already.
    if (value === null) return;
    throw new Error("__zigar.set('env'): a native module reads the process's environment; set process.env instead "
      + '(a separate environment is only available to WebAssembly modules)');
  }
  env.entries = value === null ? [] : Object.entries(value).map(([k, v]) => new TextEncoder().encode(`${k}=${v}\0`));
}

/** The environment WASI gives a WebAssembly module: NUL-terminated `NAME=value` entries. */
export class ModuleEnvironment {
  entries = [];
}

function describe(value) {
  if (typeof value === 'string') return JSON.stringify(value);
  return typeof value === 'function' ? 'a function' : String(value);
}
