// One WebAssembly module, instantiated on this thread: its exports, its
// memory, and what the exporter's functions return, read out of wasm memory.
// Each thread (worker) gets an instance of its own, with its own memory and
// globals. The module is checked here as the native runtime checks a
// library, by marshal/'s rules in their JS form, so no addon is needed.
import { WasmMemory } from './memory.js';
import { wasiImports } from './wasi.js';
import { ModuleOutput } from '../runtime/console.js';
import { ModuleEnvironment } from '../runtime/env-variables.js';
import { checkWasmModule, WASM_REQUIRED_EXPORTS } from '../marshal/descriptor/index.js';

const decoder = new TextDecoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

export class WasmInstance {
  /**
   * An instance of `module` (a WebAssembly.Module) made synchronously.
   * `name` (its file or URL) names it in errors; `system` is what its WASI
   * imports serve (see wasi.js).
   */
  static create(name, module, system) {
    const wasm = new WasmInstance(name, module, system);
    wasm.attach(new WebAssembly.Instance(module, wasm.imports));
    return wasm;
  }

  /** As `create`, but instantiated asynchronously, as browsers require of all but small modules. */
  static async instantiate(name, module, system) {
    const wasm = new WasmInstance(name, module, system);
    wasm.attach(await WebAssembly.instantiate(module, wasm.imports));
    return wasm;
  }

  constructor(name, module, system = { output: new ModuleOutput(), env: new ModuleEnvironment() }) {
    checkImports(module, name);
    this.path = name;
    this.panicMessage = null;
    this.onCallback = null;
    this.onRelease = null;
    this.imports = {
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
    };
  }

  /** Takes the instantiated module and checks that it is a zigport module this host can use. */
  attach(instance) {
    this.exports = instance.exports;
    const facts = { path: this.path, exports: Object.keys(this.exports) };
    if (WASM_REQUIRED_EXPORTS.every((name) => name in this.exports)) {
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
     * (`{ functions, places }`).
     */
    this.layout = checkWasmModule(facts);
    this.descriptorJson = facts.descriptor;
  }

  /**
   * `len` bytes at alignment `align` of wasm memory for the host; throws a
   * RangeError when memory cannot grow to hold them, naming `what` (such
   * as "args[0]") when the bytes are for it, and `asked` bytes (what the
   * caller needs, without its own additions).
   */
  alloc(len, align, what = null, asked = len) {
    // The exporter takes a u32 length; a larger one would wrap around.
    const address = len > 0xffffffff ? 0 : this.exports.zigport_alloc(len, Math.log2(align)) >>> 0;
    // (Wasm returns i32; addresses past 2 GiB read as negative without `>>> 0`.)
    this.memory.sync();
    if (address === 0) {
      const prefix = what === null ? '' : `${what}: `;
      throw new RangeError(`${prefix}WebAssembly memory is exhausted (asked for ${asked} bytes)`);
    }
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
function checkImports(module, name) {
  const missing = WebAssembly.Module.imports(module).filter((i) => !PROVIDED.has(i.module)).map((i) => i.name);
  if (missing.length > 0) {
    throw new TypeError(`${name} needs functions no code in it defines: ${missing.join(', ')}; `
      + 'if they are libc\'s, build it with libc (useLibc)');
  }
}
