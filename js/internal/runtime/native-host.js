// A native library as runtime/module.js uses it: the addon's ZigModule
// behind the interface the WebAssembly host (../wasm/host.js) also offers.
import { addon } from './addon.js';
import { frames, openFrames } from './frames.js';
import { makeFunction } from '../calls/function.js';
import { makePointerFunction, valueType } from '../calls/pointer-call.js';
import { livePlaces, markZigMemory } from './zig-memory.js';
import { ModuleCallbacks, Status } from '../calls/callbacks.js';

/** The callbacks of every module loaded on this thread, by the key the addon passes back. */
const moduleCallbacks = [];

/**
 * Opens the compiled library at `path` on this thread; what it prints goes
 * to `system.output` (console.js).
 */
export function openNativeHost(path, system) {
  const native = addon.ZigModule.open(path);
  openFrames();
  livePlaces.read = addon.readPlace;
  livePlaces.write = addon.writePlace;
  // Every function bound on this thread, so that abandon() can stop them all.
  const ids = [];
  // Whether JS functions can stand in for the module's function pointers,
  // and so run while Zig does (known once `callbacks` has been asked).
  let reentrant = true;
  return {
    descriptor: native.descriptor,
    errorName: (code) => native.errorName(code),
    // Only a library built with runtime safety keeps the traces of its errors.
    errorTraces: native.keepsErrorTraces
      ? { take: (code) => native.errorTrace(code), describe: (address) => native.describeAddress(address) }
      : null,
    /** A function giving the DataView of storage slot `slot`. */
    storage(slot, mutable, holdsPointers) {
      const dv = new DataView(native.storage(slot, holdsPointers));
      // A variable is Zig's memory, whose pointers Zig keeps. A constant is a
      // copy, but the addresses it holds are Zig's all the same.
      if (mutable || holdsPointers) markZigMemory(dv.buffer);
      return () => dv;
    },
    /** The JS function for function `index` of the descriptor. */
    callable(fn, index, types) {
      const id = native.bindFunction(index);
      ids.push(id);
      const pointers = fn.params.map((p) => types[p.type].pointer).filter(Boolean);
      const allocates = fn.params.some((p) => types[p.type].hidden);
      // Pointers reached through other pointers or by-value structs need the walk pointer-call.js does.
      const walks = fn.params.some((p) => (types[p.type].pointer ? types[p.type].pointee : types[p.type])?.places.length > 0)
        || valueType(types[fn.ret.type]).places.length > 0;
      // A variadic function's extras are records the pointer call writes.
      const simple = !fn.variadic && pointers.length <= 1 && !pointers.some((p) => p.holdsPointers) && !types[fn.ret.type].pointer
        && !allocates && !walks;
      const make = simple ? makeFunction : makePointerFunction;
      return make(fn, types, frames, id, system.output.flushNative, { reentrant });
    },
    /** One more (`on`) or one fewer reason to stay alive for calls from Zig threads. */
    keepAlive: (on) => addon.keepAliveForThreads(on),
    /** A fresh i32 for an abort signal parameter: `{ address, view }` (calls/async-params.js). */
    abortCell() {
      const [address, buffer] = addon.abortCell();
      return { address, view: new Int32Array(buffer) };
    },
    /** What runs the JS functions Zig calls through function pointers (calls/callbacks.js). */
    callbacks(descriptor, types) {
      reentrant = descriptor.functions.some((fn) => fn.callback);
      if (!reentrant) return null;
      installDispatcher();
      const key = moduleCallbacks.length;
      const callbacks = new ModuleCallbacks(descriptor, types, {
        bind(caller) {
          const got = native.bindCallback(caller, key);
          return got === null ? null : { slot: got[0], address: got[1] };
        },
        release: (caller, slot) => native.releaseCallback(caller, slot),
      });
      moduleCallbacks.push(callbacks);
      return callbacks;
    },
    /**
     * Makes every later call throw "Module was abandoned". The library
     * stays loaded (not dlclose'd): objects handed out may still view its memory.
     */
    abandon() {
      native.abandonFunctions(ids);
    },
  };
}

let dispatcherInstalled = false;
/** The frame offset of a call header asking to free a binding (`zigar.function.release`). */
const RELEASE = 0xffffffff;

/**
 * Installs, once per thread, the function the addon calls to run a bound JS
 * function: the arena header's word 15 gives the position of a call header
 * (module key, caller, slot, frame offset, then the status this writes);
 * a frame offset of RELEASE asks to free the binding of (caller, slot).
 * Calls from JS into Zig made meanwhile put their frames past the callback's.
 */
function installDispatcher() {
  if (dispatcherInstalled) return;
  dispatcherInstalled = true;
  const arena = () => frames.dv;
  addon.installCallbackDispatcher((frameCopy) => {
    const { dv, header } = frames;
    const at = header[15];
    const callbacks = moduleCallbacks[dv.getUint32(at, true)];
    const caller = dv.getUint32(at + 4, true);
    const frameAt = dv.getUint32(at + 12, true);
    const saved = frames.top;
    let status = Status.released;
    if (callbacks && frameAt === RELEASE) {
      callbacks.releaseSlot(caller, dv.getUint32(at + 8, true));
      status = Status.done;
    } else if (callbacks) {
      frames.top = (frameAt + callbacks.frameSize(caller) + 15) & ~15;
      try {
        // Arguments holding pointers are read from the runtime's copy of the frame.
        if (frameCopy) markZigMemory(frameCopy);
        const args = frameCopy ? { dv: new DataView(frameCopy), at: 0 } : null;
        status = callbacks.run(caller, dv.getUint32(at + 8, true), arena, frameAt, args);
      } finally {
        frames.top = saved;
      }
    }
    dv.setUint32(at + 16, status, true);
  });
}
