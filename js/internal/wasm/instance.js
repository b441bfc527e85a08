// One WebAssembly module, instantiated on this thread: its exports, its
// memory, and what the exporter's functions return, read out of wasm memory.
// Each thread (worker) gets an instance of its own, with its own memory and
// globals.
import { readFileSync } from 'node:fs';
import { addon } from '../runtime/addon.js';
import { WasmMemory } from './memory.js';
import { wasiImports } from './wasi.js';
import { ModuleOutput } from '../runtime/console.js';
import { ModuleEnvironment } from '../runtime/env-variables.js';

const decoder = new TextDecoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true });
const compiled = new Map();

export class WasmInstance {
  /**
   * Instantiates the compiled module at `path` and checks it is a zigport
   * module; `system` is what its WASI imports serve (see wasi.js).
   */
  constructor(path, system = { output: new ModuleOutput(false), env: new ModuleEnvironment() }) {
    this.path = path;
    const module = compileOnce(path);
    this.panicMessage = null;
    this.onCallback = null;
    this.onRelease = null;
    const instance = new WebAssembly.Instance(module, {
      // C code may grow memory before it calls WASI (`fdopen` allocates, then
      // asks about its descriptor), so each call looks at memory afresh.
      wasi_snapshot_preview1: wasiImports(module, () => this.memory.current(), system),
      zigport: {
        panic: (at, len) => { this.panicMessage = this.string(at, len); },
        // A trampoline runs a bound JS function (calls/callbacks.js); none is
        // bound before the module's callbacks exist.
        callback: (caller, slot, frame) => this.onCallback?.(caller, slot, frame >>> 0) ?? 4,
        // `zigar.function.release()`.
        release_callback: (address) => this.onRelease?.(address >>> 0),
      },
    });
    this.exports = instance.exports;
    const facts = { path, exports: Object.keys(this.exports) };
    const required = addon.wasmRequiredExports();
    if (required.every((name) => name in this.exports)) {
      this.memory = new WasmMemory(this.exports.memory);
      // A module linked against wasi-libc is a WASI reactor: its C
      // constructors (stdio, environment) run once, before any other export.
      this.exports._initialize?.();
      this.exports.zigport_unbuffer_stdio?.();
      // Four bytes where the exporter's functions write a length.
      this.lengthAt = this.alloc(4, 4);
      facts.abiVersion = this.exports.zigport_abi_version();
      facts.layoutsHold = Boolean(this.exports.zigport_check_layouts());
      try {
        facts.descriptor = this.descriptorText();
      } catch {
        facts.descriptorNotUtf8 = true;
      }
    }
    /**
     * Where each function's frame holds addresses, and values of each type
     * (`{ functions, places }`, checked by the runtime).
     */
    this.layout = JSON.parse(addon.wasmCheckModule(facts));
    this.descriptorJson = facts.descriptor;
  }

  /** `len` bytes at alignment `align` of wasm memory for the host; throws when memory is exhausted. */
  alloc(len, align) {
    // Wasm returns i32; addresses past 2 GiB read as negative without `>>> 0`.
    const address = this.exports.zigport_alloc(len, Math.log2(align)) >>> 0;
    this.memory.sync();
    if (address === 0) throw new RangeError(`WebAssembly memory is exhausted (asked for ${len} bytes)`);
    return address;
  }

  free(address, len, align) {
    this.exports.zigport_free(address, len, Math.log2(align));
  }

  /** The descriptor text the module carries (not yet validated); throws unless it is UTF-8. */
  descriptorText() {
    const at = this.exports.zigport_descriptor(this.lengthAt) >>> 0;
    return strictDecoder.decode(this.memory.bytes(at, this.memory.dv.getUint32(this.lengthAt, true)));
  }

  /** `{ address, size }` of storage slot `slot`, or null. */
  storage(slot) {
    const address = this.exports.zigport_storage(slot, this.lengthAt) >>> 0;
    return address === 0 ? null : { address, size: this.memory.dv.getUint32(this.lengthAt, true) };
  }

  errorName(code) {
    const at = this.exports.zigport_error_name(code, this.lengthAt) >>> 0;
    return this.string(at, this.memory.dv.getUint32(this.lengthAt, true));
  }

  string(at, len) {
    return decoder.decode(this.memory.bytes(at, len));
  }

  /** The exporter's shadow-stack pointer, which a trap leaves where it was. */
  get stackPointer() {
    return this.exports.__stack_pointer.value;
  }

  set stackPointer(value) {
    this.exports.__stack_pointer.value = value;
  }
}

/** The import modules the host provides. */
const PROVIDED = new Set(['wasi_snapshot_preview1', 'zigport']);

/**
 * Functions the linker left as imports are C functions nothing defined
 * (such as libc's when the module was built without it): named here, rather
 * than by instantiation's bare complaint about the import module.
 */
function checkImports(module, path) {
  const missing = WebAssembly.Module.imports(module).filter((i) => !PROVIDED.has(i.module)).map((i) => i.name);
  if (missing.length > 0) {
    throw new TypeError(`${path} needs functions no code in it defines: ${missing.join(', ')}; `
      + 'if they are libc\'s, build it with libc (useLibc)');
  }
}

/** Compiled once per process; instances are per thread. */
function compileOnce(path) {
  let module = compiled.get(path);
  if (!module) {
    try {
      module = new WebAssembly.Module(readFileSync(path));
    } catch (err) {
      throw new Error(`cannot load compiled module ${path}: ${err.message}`);
    }
    checkImports(module, path);
    compiled.set(path, module);
  }
  return module;
}

